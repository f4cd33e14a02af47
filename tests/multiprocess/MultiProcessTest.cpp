// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app and the command line on one database file at the same time.
//
// rapport_holder stands in for the app: it holds the file the way the GUI does (a main connection, worker
// connections opened and closed on other threads, a read transaction every 100 ms). The data-loss bug
// these tests prove: one read-only command next to the open app made SQLite delete F-wal and F-shm from
// under it (Database::open read the file's header through a QFile, and closing that descriptor dropped
// the app's POSIX locks); from then on the app and the command line wrote to different logs, handed out
// the same ids, and the file could end up malformed.
//
// Environment (the concurrency test): RAPPORT_MP_WRITER_SECONDS, how long the three writers may log
// before they are told to stop (default 60, 0 for no limit: all 3 x 300 logs), and
// RAPPORT_MP_LOGS_PER_WRITER (default 300).
#include "tests/multiprocess/ProcessSupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThread>

using namespace rapport::mptest;

namespace {

// A demo database in its own temporary folder, created by `rapport demo` (never opened by this process).
class DemoFile
{
public:
    DemoFile()
    {
        REQUIRE(m_dir.isValid());
        rapportOk(path(), QStringLiteral("demo"),
                  {QStringLiteral("--contacts"), QStringLiteral("200"), QStringLiteral("--interactions"),
                   QStringLiteral("4000"), QStringLiteral("--seed"), QStringLiteral("7")});
    }
    QString path() const { return m_dir.filePath(QStringLiteral("shared.sqlite3")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QString isoUtc(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

// What SQLite needs beside the file while a connection is open: still in the folder (a stat only) and
// still the files the holder has open.
void requireLogFilesKept(const QString& file, Holder& holder)
{
    const QString wal = file + QStringLiteral("-wal");
    const QString shm = file + QStringLiteral("-shm");
    INFO("while the app has " << file.toStdString() << " open");
    CHECK(QFileInfo::exists(wal));
    CHECK(QFileInfo::exists(shm));
    const QString held = holder.fds(); // what the app's process has open
    CHECK(held == QStringLiteral("wal=open shm=open"));
}

// The app logs one conversation and the command line one: the ids differ from each other and from
// every id handed out before, and each side reads the other's row.
class Exchange
{
public:
    Exchange(const QString& file, Holder& holder)
        : m_file(file)
        , m_holder(holder)
    {}

    void run(const QString& tag, qint64 contactId)
    {
        const qint64 before = m_holder.count();
        const QString holderSummary = QStringLiteral("holder-%1").arg(tag);
        const QString cliSummary = QStringLiteral("cli-%1").arg(tag);
        const qint64 holderId = m_holder.log(contactId, holderSummary);
        const Finished logged =
            rapportOk(m_file, QStringLiteral("log"),
                      {QStringLiteral("--contact"), QString::number(contactId), QStringLiteral("--channel"),
                       QStringLiteral("email"), QStringLiteral("--direction"), QStringLiteral("inbound"),
                       QStringLiteral("--summary"), cliSummary});
        const qint64 cliId = loggedId(logged.out);
        INFO("after " << tag.toStdString() << ": the app logged id " << holderId << ", the command line id "
                      << cliId);
        REQUIRE(cliId > 0);
        CHECK(cliId != holderId);
        CHECK_FALSE(m_expected.contains(holderId));
        CHECK_FALSE(m_expected.contains(cliId));
        m_expected.insert(holderId, holderSummary);
        m_expected.insert(cliId, cliSummary);

        // The app sees the command line's row…
        CHECK(m_holder.find(cliSummary) == QString::number(cliId));
        CHECK(m_holder.count() == before + 2);
        // …and the command line the app's.
        const QHash<qint64, QString> exported = exportedSummaries(m_file);
        CHECK(exported.value(holderId) == holderSummary);
        CHECK(exported.value(cliId) == cliSummary);
        CHECK(exported.size() == before + 2);
    }

    // After the holder quit: every row either side logged is in the file under the id it was given.
    void requireAllKept() const
    {
        const QHash<qint64, QString> exported = exportedSummaries(m_file);
        int missing = 0;
        for (auto it = m_expected.cbegin(); it != m_expected.cend(); ++it) {
            if (exported.value(it.key()) != it.value()) {
                ++missing;
                UNSCOPED_INFO("interaction " << it.key() << " '" << it.value().toStdString() << "' is "
                                             << (exported.contains(it.key())
                                                     ? "'" + exported.value(it.key()).toStdString() + "'"
                                                     : std::string("missing")));
            }
        }
        CHECK(missing == 0);
    }

    int logged() const { return static_cast<int>(m_expected.size()); }

private:
    QString m_file;
    Holder& m_holder;
    QHash<qint64, QString> m_expected;
};

// After the holder quit: rapport check and SQLite's own integrity check pass.
void requireSound(const QString& file)
{
    const Finished check = rapportOn(file, QStringLiteral("check"));
    INFO(describe(check) << "\n" << check.out.toStdString());
    CHECK(check.exitCode == 0);
    CHECK(sqlite(file, QStringLiteral("PRAGMA integrity_check")) == QStringLiteral("ok"));
}

} // namespace

TEST_CASE("a read-only command next to the open app leaves its -wal in place and loses nothing",
          "[multiprocess]")
{
    const DemoFile demo;
    const QString file = demo.path();
    Holder holder(file);
    holder.reopen(3); // the app's workers (score board, export, dashboard) open and close connections

    const Finished score =
        rapportOk(file, QStringLiteral("score"), {QStringLiteral("--contact"), QStringLiteral("5")});
    CHECK(score.out.contains(QStringLiteral("Biggest drag")));

    requireLogFilesKept(file, holder);
    Exchange exchange(file, holder);
    exchange.run(QStringLiteral("after-score"), 5);
    requireLogFilesKept(file, holder);

    holder.quit();
    exchange.requireAllKept();
    requireSound(file);
}

TEST_CASE("every command next to the open app keeps the -wal, the ids apart and both sides in step",
          "[multiprocess]")
{
    const DemoFile demo;
    const QString file = demo.path();

    // Small inputs for the imports; the rows are new, so each import writes.
    const qint64 past = QDateTime::currentSecsSinceEpoch() - 40 * 86400;
    writeFile(demo.file(QStringLiteral("contacts.csv")),
              "display_name,emails,tags\r\nImported One,imported.one@example.org,mp-import\r\n"
              "Imported Two,imported.two@example.org,mp-import\r\n");
    QByteArray interactions = "contact_id,occurred_at,channel,direction,summary\r\n";
    QByteArray notes = "contact_id,created_at,kind,trust_level,text\r\n";
    for (int i = 0; i < 5; ++i) {
        interactions += QStringLiteral("%1,%2,forum,inbound,imported-%3\r\n")
                            .arg(i + 11)
                            .arg(isoUtc(past + i * 3600))
                            .arg(i)
                            .toUtf8();
        notes += QStringLiteral("%1,%2,appreciation,4,note-%3\r\n")
                     .arg(i + 11)
                     .arg(isoUtc(past + i * 3600))
                     .arg(i)
                     .toUtf8();
    }
    writeFile(demo.file(QStringLiteral("interactions.csv")), interactions);
    writeFile(demo.file(QStringLiteral("notes.csv")), notes);

    struct Step
    {
        const char* name;
        QStringList arguments; // after `COMMAND --database FILE`
        int exitCode = 0;
        const char* expectedOutput = "";
    };
    const QString c = QStringLiteral("--contact");
    const QList<Step> steps{
        // Read-only commands
        {"score", {QStringLiteral("score"), c, QStringLiteral("5")}, 0, "Biggest drag"},
        {"score-all", {QStringLiteral("score")}, 0, "explanation"},
        {"score-json", {QStringLiteral("score"), QStringLiteral("--json")}, 0, "\"explanation\""},
        {"score-contact-json",
         {QStringLiteral("score"), c, QStringLiteral("5"), QStringLiteral("--json")},
         0,
         "\"id\""},
        {"check", {QStringLiteral("check")}, 0, "consistent"},
        {"export-contacts", {QStringLiteral("export"), QStringLiteral("contacts")}, 0, "display_name"},
        {"export-interactions", {QStringLiteral("export"), QStringLiteral("interactions")}, 0, "occurred_at"},
        {"export-notes", {QStringLiteral("export"), QStringLiteral("notes")}, 0, "trust_level"},
        {"export-health", {QStringLiteral("export"), QStringLiteral("health")}, 0, "band"},
        {"export-at-risk", {QStringLiteral("export"), QStringLiteral("at-risk")}, 0, "band"},
        {"export-to-file",
         {QStringLiteral("export"), QStringLiteral("interactions"), QStringLiteral("--output"),
          demo.file(QStringLiteral("exported.csv"))},
         0,
         "exported interactions"},
        {"settings", {QStringLiteral("settings")}, 0, "half_life_days"},
        // Writing commands
        {"log",
         {QStringLiteral("log"), c, QStringLiteral("9"), QStringLiteral("--channel"), QStringLiteral("call"),
          QStringLiteral("--direction"), QStringLiteral("mutual"), QStringLiteral("--summary"),
          QStringLiteral("step-log")},
         0,
         "logged interaction"},
        {"add-contact",
         {QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Added While Open"),
          QStringLiteral("--email"), QStringLiteral("added.open@example.org"), QStringLiteral("--tag"),
          QStringLiteral("mp-tag")}},
        {"import-contacts",
         {QStringLiteral("import"), QStringLiteral("contacts"), demo.file(QStringLiteral("contacts.csv"))},
         0,
         "2 created"},
        {"import-interactions-dry-run",
         {QStringLiteral("import"), QStringLiteral("interactions"),
          demo.file(QStringLiteral("interactions.csv")), QStringLiteral("--dry-run")},
         0,
         "dry run"},
        {"import-interactions",
         {QStringLiteral("import"), QStringLiteral("interactions"),
          demo.file(QStringLiteral("interactions.csv"))},
         0,
         "5 created"},
        {"import-notes",
         {QStringLiteral("import"), QStringLiteral("notes"), demo.file(QStringLiteral("notes.csv"))},
         0,
         "5 created"},
        {"settings-set",
         {QStringLiteral("settings"), QStringLiteral("--set"), QStringLiteral("half_life_days=21")},
         0,
         "half_life_days = 21"},
        {"settings-tag-cadence",
         {QStringLiteral("settings"), QStringLiteral("--tag-cadence"), QStringLiteral("mp-tag=10")},
         0,
         "mp-tag"},
        // `demo` fills only a new or empty database: on this one it must refuse, and still leave the app's
        // files alone.
        {"demo-refused", {QStringLiteral("demo"), QStringLiteral("--contacts"), QStringLiteral("5")}, 2, ""},
    };

    Holder holder(file);
    Exchange exchange(file, holder);
    int stepsRun = 0;
    for (const Step& step : steps) {
        const QString name = QString::fromLatin1(step.name);
        INFO("step " << step.name);
        holder.reopen(stepsRun % 2 + 1);
        const Finished run = rapportOn(file, step.arguments.first(), step.arguments.mid(1));
        {
            INFO(describe(run));
            CHECK(run.exitCode == step.exitCode);
            CHECK(run.out.contains(QString::fromLatin1(step.expectedOutput)));
            if (step.exitCode != 0)
                CHECK_FALSE(run.err.trimmed().isEmpty()); // a refusal says why
        }
        requireLogFilesKept(file, holder);
        exchange.run(name, 20 + stepsRun);
        ++stepsRun;
    }
    REQUIRE(stepsRun == steps.size());
    requireLogFilesKept(file, holder);
    holder.quit();

    exchange.requireAllKept();
    requireSound(file);
    // 4000 demo rows, 5 imported, one `log` step and the two rows of each exchange.
    CHECK(sqlite(file, QStringLiteral("SELECT count(*) FROM interactions")) ==
          QString::number(4000 + 5 + 1 + exchange.logged()));
}

TEST_CASE("three command-line writers and a 10000-row import next to the open app lose nothing",
          "[multiprocess]")
{
    const DemoFile demo;
    const QString file = demo.path();
    constexpr int writers = 3;
    constexpr int importRows = 10000;
    constexpr qint64 demoRows = 4000;
    // Each log is a process start (100 ms and more on a machine busy with other builds), so the writers
    // stop early, wherever they are, once RAPPORT_MP_WRITER_SECONDS (default 60, 0 for no limit) have
    // passed; what they logged by then is accounted for all the same, and printed.
    const int perWriter = qEnvironmentVariableIsSet("RAPPORT_MP_LOGS_PER_WRITER")
                              ? qEnvironmentVariableIntValue("RAPPORT_MP_LOGS_PER_WRITER")
                              : 300;
    const qint64 writerBudgetMs =
        qEnvironmentVariableIsSet("RAPPORT_MP_WRITER_SECONDS")
            ? qEnvironmentVariableIntValue("RAPPORT_MP_WRITER_SECONDS") * qint64(1000)
            : 60000;
    REQUIRE(perWriter > 0);

    const qint64 start = QDateTime::currentSecsSinceEpoch() - 300 * 86400;
    QByteArray rows = "contact_id,occurred_at,channel,direction,summary\r\n";
    for (int i = 0; i < importRows; ++i)
        rows += QStringLiteral("%1,%2,forum,inbound,bulk-%3\r\n")
                    .arg(i % 200 + 1)
                    .arg(isoUtc(start + i * 60))
                    .arg(i)
                    .toUtf8();
    const QString csv = demo.file(QStringLiteral("bulk.csv"));
    writeFile(csv, rows);

    Holder holder(file);
    holder.reopen(2);

    // Each writer is a shell loop of `rapport log` runs, one process per conversation, until it has
    // logged $4 or the stop file $5 appears. Each line of its output is the summary it logged, then what
    // `rapport log` printed; a failure is noted on stderr.
    const QString stopFile = demo.file(QStringLiteral("stop"));
    const QString loop = QStringLiteral(
        "i=1; failed=0\n"
        "while [ $i -le \"$4\" ] && [ ! -e \"$5\" ]; do\n"
        "  printf 'writer%s-%s ' \"$3\" $i\n"
        "  \"$1\" log --database \"$2\" --contact $(( (i * 7 + $3) % 200 + 1 )) --channel chat"
        " --direction outbound --summary \"writer$3-$i\" || { echo; echo \"writer $3: log $i exited "
        "$?\" >&2; failed=1; }\n"
        "  i=$((i + 1))\n"
        "done\n"
        "exit $failed\n");
    std::vector<std::unique_ptr<QProcess>> processes;
    QStringList names;
    for (int w = 1; w <= writers; ++w) {
        auto writer = std::make_unique<QProcess>();
        writer->setStandardOutputFile(demo.file(QStringLiteral("writer%1.out").arg(w)));
        writer->setStandardErrorFile(demo.file(QStringLiteral("writer%1.err").arg(w)));
        writer->setProgram(QStringLiteral("/bin/sh"));
        writer->setArguments({QStringLiteral("-c"), loop, QStringLiteral("writer"),
                              QStringLiteral(RAPPORT_BINARY), file, QString::number(w),
                              QString::number(perWriter), stopFile});
        processes.push_back(std::move(writer));
        names << QStringLiteral("writer %1").arg(w);
    }
    {
        auto import = std::make_unique<QProcess>();
        import->setStandardOutputFile(demo.file(QStringLiteral("import.out")));
        import->setStandardErrorFile(demo.file(QStringLiteral("import.err")));
        import->setProgram(QStringLiteral(RAPPORT_BINARY));
        import->setArguments({QStringLiteral("import"), QStringLiteral("interactions"), csv,
                              QStringLiteral("--database"), file});
        processes.push_back(std::move(import));
        names << QStringLiteral("the import");
    }
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < processes.size(); ++i) {
        processes[i]->start();
        INFO("starting " << names.at(static_cast<qsizetype>(i)).toStdString());
        REQUIRE(processes[i]->waitForStarted(30000));
    }

    // Meanwhile the app's workers come and go and its user logs conversations.
    auto anyRunning = [&processes] {
        return std::any_of(processes.begin(), processes.end(),
                           [](const auto& p) { return p->state() != QProcess::NotRunning; });
    };
    // A child still running a minute after the stop file (or after 15 minutes without a budget) hangs.
    const qint64 deadlineMs = writerBudgetMs > 0 ? writerBudgetMs + 60000 : 900000;
    bool stopped = false;
    QList<std::pair<qint64, QString>> holderLogs;
    while (anyRunning() && timer.elapsed() < deadlineMs) {
        holder.reopen(1);
        const QString summary = QStringLiteral("holder-busy-%1").arg(holderLogs.size());
        holderLogs << std::pair{holder.log(holderLogs.size() % 200 + 1, summary), summary};
        QThread::msleep(100); // pacing, like a user; nothing waits on it
        for (auto& p : processes)
            p->waitForFinished(0); // collects a finished child's exit status
        if (!stopped && writerBudgetMs > 0 && timer.elapsed() >= writerBudgetMs) {
            writeFile(stopFile, "stop\n");
            stopped = true;
        }
    }
    const qint64 elapsed = timer.elapsed();
    for (std::size_t i = 0; i < processes.size(); ++i) {
        if (processes[i]->state() != QProcess::NotRunning) {
            processes[i]->kill();
            processes[i]->waitForFinished(10000);
            FAIL(names.at(static_cast<qsizetype>(i)).toStdString()
                 << " still ran after " << deadlineMs / 1000 << " s and was killed");
        }
    }
    REQUIRE_FALSE(holderLogs.isEmpty());

    auto readText = [](const QString& path) {
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        return QString::fromUtf8(f.readAll());
    };
    for (std::size_t i = 0; i < processes.size(); ++i) {
        const QString base = i < writers ? QStringLiteral("writer%1").arg(i + 1) : QStringLiteral("import");
        const QString err = readText(demo.file(base + QStringLiteral(".err")));
        INFO(names.at(static_cast<qsizetype>(i)).toStdString() << "'s stderr: " << err.toStdString());
        CHECK(processes[i]->exitStatus() == QProcess::NormalExit);
        CHECK(processes[i]->exitCode() == 0);
        CHECK_FALSE(err.contains(QStringLiteral("locked")));
        CHECK(err.trimmed().isEmpty());
    }
    CHECK(readText(demo.file(QStringLiteral("import.out")))
              .contains(QStringLiteral("%1 created").arg(importRows)));

    // Every id each writer was given, by summary.
    QHash<QString, qint64> printed;
    QStringList counts;
    qint64 written = 0;
    for (int w = 1; w <= writers; ++w) {
        const QStringList lines = readText(demo.file(QStringLiteral("writer%1.out").arg(w)))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        INFO("writer " << w << " logged " << lines.size());
        CHECK(lines.size() >= (stopped ? 10 : perWriter)); // enough to overlap the others
        for (const QString& line : lines) {
            const QString summary = line.section(QLatin1Char(' '), 0, 0);
            const qint64 id = loggedId(line.section(QLatin1Char(' '), 1));
            INFO(line.toStdString());
            CHECK(id > 0);
            CHECK_FALSE(printed.contains(summary));
            printed.insert(summary, id);
        }
        counts << QString::number(lines.size());
        written += lines.size();
    }
    WARN(writers << " writers logged " << counts.join(QStringLiteral(" + ")).toStdString() << " of "
                 << perWriter << " each" << (stopped ? " (stopped by RAPPORT_MP_WRITER_SECONDS)" : "")
                 << ", a " << importRows << "-row import ran beside them and the holder logged "
                 << holderLogs.size() << ", in " << elapsed << " ms");
    for (const auto& [id, summary] : std::as_const(holderLogs))
        printed.insert(summary, id);

    const qint64 expected = demoRows + written + importRows + holderLogs.size();
    requireLogFilesKept(file, holder);
    CHECK(holder.count() == expected);
    holder.quit();

    // Every row is in the file once, under the id its writer was told.
    const QHash<qint64, QString> exported = exportedSummaries(file);
    CHECK(exported.size() == expected);
    QHash<QString, int> seen;
    for (auto it = exported.cbegin(); it != exported.cend(); ++it)
        ++seen[it.value()];
    int wrong = 0;
    for (auto it = printed.cbegin(); it != printed.cend(); ++it) {
        if (seen.value(it.key()) != 1 || exported.value(it.value()) != it.key()) {
            if (++wrong <= 10)
                UNSCOPED_INFO("'" << it.key().toStdString() << "' (id " << it.value() << ") is in the file "
                                  << seen.value(it.key()) << " times, id " << it.value() << " holds '"
                                  << exported.value(it.value()).toStdString() << "'");
        }
    }
    for (int i = 0; i < importRows; ++i) {
        if (seen.value(QStringLiteral("bulk-%1").arg(i)) != 1 && ++wrong <= 10)
            UNSCOPED_INFO("imported row bulk-" << i << " is in the file "
                                               << seen.value(QStringLiteral("bulk-%1").arg(i)) << " times");
    }
    CHECK(wrong == 0);
    requireSound(file);
}
