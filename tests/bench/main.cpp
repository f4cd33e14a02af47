// SPDX-License-Identifier: GPL-3.0-or-later
// rapport-bench: measures the performance targets (the README's Performance section) on the demo datasets.
// Not part of ctest's default run: `build/tests/bench/rapport-bench --dataset large`.
#include "core/base/Clock.h"
#include "core/csv/CsvWriter.h"
#include "core/dashboard/ContactGroups.h"
#include "core/dashboard/DashboardAggregator.h"
#include "core/dashboard/HealthHistory.h"
#include "core/demo/DemoGenerator.h"
#include "core/import/CsvImporter.h"
#include "core/reports/Report.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConversationLog.h"
#include "core/services/DuplicateFinder.h"
#include "core/services/ReachOutList.h"
#include "core/services/TodayPlan.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/SqliteStatement.h"
#include "tests/bench/ArchiveBench.h"
#include "tests/bench/BenchmarkTable.h"
#include "tests/bench/DatasetCopy.h"
#include "tests/bench/ExportBench.h"
#include "tests/bench/GuiStartup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdlib>

using namespace rapport;
using namespace rapport::bench;

namespace {

struct Dataset
{
    const char* name;
    qint64 contacts;
    qint64 interactions;
    std::optional<double> generateTargetMilliseconds;
};

const Dataset medium{"medium", 10000, 500000, std::nullopt};
const Dataset large{"large", 100000, 5000000, 60000.0};
// The large dataset's contacts with a fifth of its log: what must not slow down as the log grows.
const Dataset largeShortLog{"large-1m", 100000, 1000000, std::nullopt};

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString& what, const Error& error)
{
    out() << "rapport-bench: " << what << ": " << error.message << Qt::endl;
    std::exit(1);
}

template <typename T>
T orDie(const QString& what, Result<T> result)
{
    if (!result)
        die(what, result.error());
    return std::move(result).value();
}

void orDie(const QString& what, const Status& status)
{
    if (!status)
        die(what, status.error());
}

// The dataset is generated once per work folder and seed and reused by later runs.
std::unique_ptr<Database> openDataset(const Dataset& dataset, const QString& workdir, BenchmarkTable& table)
{
    const QString path = QStringLiteral("%1/%2.sqlite3").arg(workdir, QString::fromLatin1(dataset.name));
    const bool fresh = !QFile::exists(path);
    std::unique_ptr<Database> db = orDie(QStringLiteral("open %1").arg(path), Database::open(path));
    if (fresh) {
        out() << "generating the " << dataset.name << " dataset in " << path << " …" << Qt::endl;
        DemoOptions options;
        options.contacts = dataset.contacts;
        options.interactions = dataset.interactions;
        options.seed = 1;
        table.measure(QStringLiteral("generate %1 demo database").arg(QString::fromLatin1(dataset.name)), 1,
                      dataset.generateTargetMilliseconds,
                      [&] { orDie(QStringLiteral("demo"), DemoGenerator(*db, options).generate()); });
    }
    return db;
}

// Runs the sqlite3 shell with these arguments and `script` on its stdin; false when it fails.
bool runSqlite3(const QStringList& arguments, const QByteArray& script = {})
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), arguments);
    if (!shell.waitForStarted())
        return false;
    shell.write(script);
    shell.closeWriteChannel();
    return shell.waitForFinished(-1) && shell.exitStatus() == QProcess::NormalExit && shell.exitCode() == 0;
}

// Every fifth logged conversation, three days earlier and with another summary: new rows for the same
// contacts, in Rapport's interactions format.
void writeImportFile(Database& db, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        die(QStringLiteral("import file"), Error::database(file.errorString()));
    CsvWriter writer(file, path);
    orDie(QStringLiteral("import file"),
          writer.writeHeader({QStringLiteral("id"), QStringLiteral("contact_id"),
                              QStringLiteral("contact_name"), QStringLiteral("contact_key"),
                              QStringLiteral("occurred_at"), QStringLiteral("channel"),
                              QStringLiteral("direction"), QStringLiteral("summary"), QStringLiteral("body"),
                              QStringLiteral("logged_by")}));
    SqliteStatement rows(db.handle(),
                         "SELECT i.id, i.contact_id, c.display_name,"
                         " (SELECT value FROM contact_methods m WHERE m.contact_id = i.contact_id AND"
                         "  m.kind = 'email' ORDER BY m.id LIMIT 1),"
                         " i.occurred_at - 3 * 86400 + 17, i.channel, i.direction, 'Imported: ' || i.summary,"
                         " i.body, t.name FROM interactions i JOIN contacts c ON c.id = i.contact_id"
                         " LEFT JOIN team_members t ON t.id = i.logged_by WHERE i.id % 5 = 0 ORDER BY i.id");
    while (rows.step()) {
        writer.addInteger(rows.columnInt64(0));
        writer.addInteger(rows.columnInt64(1));
        writer.addText(rows.columnView(2));
        writer.addText(rows.columnView(3));
        writer.addMoment(rows.columnInt64(4));
        for (int column = 5; column <= 9; ++column)
            writer.addText(rows.columnView(column));
        orDie(QStringLiteral("import file"), writer.endRow());
    }
    if (!rows.ok())
        die(QStringLiteral("import file"), Error::database(rows.errorMessage()));
    orDie(QStringLiteral("import file"), writer.finish());
}

// The desktop app started `runs` times on a database: time to the first painted Today page and the
// resident memory then.
struct StartupRows
{
    BenchmarkRow firstPaint;
    BenchmarkRow memory;
};

StartupRows measureStartup(const QString& app, const QString& databasePath, const QString& label, int runs)
{
    StartupRows rows{{QStringLiteral("start to first painted Today page, %1").arg(label), {}, 500.0, {}},
                     {QStringLiteral("GUI resident memory at first paint, %1").arg(label),
                      {},
                      250.0,
                      {},
                      QStringLiteral("MB")}};
    for (int run = 0; run < runs; ++run) {
        const GuiStartupSample sample =
            orDie(QStringLiteral("start the app"), measureGuiStartup(app, databasePath));
        rows.firstPaint.values << sample.firstPaintMilliseconds;
        rows.memory.values << sample.residentMegabytes;
    }
    return rows;
}

// The ratio of two rows' medians, `grown` over `base`, as a row of its own.
BenchmarkRow ratioRow(const QString& what, const BenchmarkRow& grown, const BenchmarkRow& base, double target)
{
    return {what,
            {grown.median() / base.median()},
            target,
            QStringLiteral("%1 / %2").arg(grown.what, base.what),
            QStringLiteral("×")};
}

// The dashboard for its default filter (the last 90 days, every owner and tag) on a fresh past-health
// history, after a rebuild of that history (its own row, untargeted), with the score board and the
// contact groups in memory as in the GUI.
BenchmarkRow measureDashboard(Database& db, const ScoringSettings& settings, const QString& label, qint64 now,
                              int runs, BenchmarkTable& table)
{
    table.measure(QStringLiteral("rebuild the dashboard's past-health history, %1").arg(label),
                  std::min(runs, 3), std::nullopt,
                  [&] { orDie(QStringLiteral("history"), HealthHistory(db).rebuild(settings, now)); });
    const ScoreBoard board = orDie(QStringLiteral("score board"), ScoreBoard::load(db));
    const ContactGroups groups = orDie(QStringLiteral("contact groups"), ContactGroups::load(db));
    const DashboardAggregator aggregator(db, board, groups, settings);
    const DashboardFilter filter = DashboardFilter::lastDays(DashboardPeriod::Last90Days, now);
    if (!orDie(QStringLiteral("history"), HealthHistory(db).isFresh(now)))
        die(QStringLiteral("history"), Error::database(QStringLiteral("stale right after its rebuild")));
    return table.measure(QStringLiteral("compute every dashboard aggregate (fresh history), %1").arg(label),
                         runs, 200.0,
                         [&] { orDie(QStringLiteral("dashboard"), aggregator.compute(filter, now)); });
}

// The CSV import row: Rapport's import against the sqlite3 shell doing the same work.
void measureCsvImport(Database& db, const Dataset& dataset, const QString& workdir, int runs,
                      BenchmarkTable& table)
{
    const qint64 importRows = dataset.interactions / 5;
    const QString importFile = workdir + QStringLiteral("/import-%1.csv").arg(importRows);
    if (!QFile::exists(importFile))
        writeImportFile(db, importFile);
    // What `sqlite3 .import` needs to put the same file into the same schema: the file into a table of
    // text, then one INSERT … SELECT converting times and names.
    const QByteArray script =
        ".import --csv " + importFile.toUtf8() +
        " staging\n"
        "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, body,"
        " logged_by, created_at) SELECT contact_id, unixepoch(occurred_at), channel, direction,"
        " summary, body, (SELECT id FROM team_members WHERE name = logged_by), unixepoch()"
        " FROM staging;\nDROP TABLE staging;\n";
    BenchmarkRow importBaseline{
        QStringLiteral("sqlite3 .import of the same file (baseline)"), {}, std::nullopt, {}};
    BenchmarkRow importRow{
        QStringLiteral("import %1 interactions from CSV").arg(importRows), {}, std::nullopt, {}};
    ImportOptions options;
    options.target = ImportTarget::Interactions;
    for (int run = 0; run < runs; ++run) {
        const QString copy = orDie(QStringLiteral("copy"), copyDataset(db, workdir));
        QElapsedTimer timer;
        timer.start();
        if (!runSqlite3({copy}, script))
            die(QStringLiteral("sqlite3 .import"), Error::database(QStringLiteral("failed")));
        importBaseline.values << static_cast<double>(timer.nsecsElapsed()) / 1e6;

        const QString target = orDie(QStringLiteral("copy"), copyDataset(db, workdir));
        std::unique_ptr<Database> copied = orDie(QStringLiteral("open copy"), Database::open(target));
        timer.restart();
        const ImportReport report =
            orDie(QStringLiteral("import"), CsvImporter(*copied, importFile, options).run(false));
        importRow.values << static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (report.created != importRows)
            die(QStringLiteral("import"), Error::database(report.errors.join(QLatin1Char('\n'))));
    }
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(workdir + QStringLiteral("/import-copy.sqlite3") + QLatin1String(suffix));
    importRow.target = 1.5 * importBaseline.median();
    importBaseline.note = QStringLiteral("baseline; Rapport / sqlite3 = %1")
                              .arg(importRow.median() / importBaseline.median(), 0, 'f', 2);
    table.add(importBaseline);
    table.add(importRow);
}

// Today's plan and the Reach out list, from the score board in memory as in the GUI.
void measurePlans(Database& db, const ScoreBoard& board, const ScoringSettings& settings, qint64 now,
                  int runs, BenchmarkTable& table)
{
    table.measure(QStringLiteral("plan Today: follow-ups due and 10 suggestions (score board in memory)"),
                  runs, 100.0, [&] {
                      TodayOptions options;
                      options.now = now;
                      const TodayPlan plan =
                          orDie(QStringLiteral("today"), planToday(db, board, settings, options));
                      if (plan.reachOut.empty())
                          die(QStringLiteral("today"), Error::database(QStringLiteral("nothing suggested")));
                  });
    table.measure(QStringLiteral("list Reach out: every overdue contact, most overdue first (score board in "
                                 "memory)"),
                  runs, 100.0, [&] {
                      const ReachOutList list =
                          orDie(QStringLiteral("reach out"), listReachOut(db, board, settings, {}, now));
                      if (list.entries.empty())
                          die(QStringLiteral("reach out"), Error::database(QStringLiteral("nobody overdue")));
                  });
}

qint64 contactCount(Database& db)
{
    return orDie(QStringLiteral("count"), db.scalar(QStringLiteral("SELECT count(*) FROM contacts")))
        .toLongLong();
}

// Conversations logged one by one with random contacts, then removed again.
void measureLogging(Database& db, ScoringEngine& engine, qint64 now, int runs, BenchmarkTable& table)
{
    const qint64 contacts = contactCount(db);
    QRandomGenerator random(7);
    QList<qint64> logged;
    ConversationLog conversations(db, engine);
    BenchmarkRow logRow{QStringLiteral("log one interaction (write, rescore, commit)"), {}, 2.0, {}};
    for (int i = 0; i < runs * 30; ++i) {
        Interaction interaction;
        interaction.contactId = 1 + static_cast<qint64>(random.bounded(static_cast<quint64>(contacts)));
        interaction.occurredAt = now;
        interaction.channel = Channel::Chat;
        interaction.direction = Direction::Inbound;
        interaction.summary = QStringLiteral("Benchmark conversation");
        QElapsedTimer timer;
        timer.start();
        logged << orDie(QStringLiteral("log"), conversations.log(interaction));
        logRow.values << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    table.add(logRow);
    for (const qint64 id : std::as_const(logged))
        orDie(QStringLiteral("undo benchmark log"), conversations.remove(id));
}

void measureSearch(Database& db, int runs, BenchmarkTable& table)
{
    SearchIndex search(db);
    const QStringList words{QStringLiteral("roadmap"), QStringLiteral("garcía"), QStringLiteral("hackathon"),
                            QStringLiteral("nguyen"), QStringLiteral("sponsorship")};
    int word = 0;
    table.measure(QStringLiteral("full-text search, one word"), runs, 50.0, [&] {
        orDie(QStringLiteral("search"), search.findContacts(words[word++ % words.size()]));
    });
}

void measureDuplicates(Database& db, int runs, BenchmarkTable& table)
{
    table.measure(
        QStringLiteral("find duplicate candidates among %1 contacts").arg(contactCount(db)), runs, 2000.0,
        [&] {
            const DuplicateReport found =
                orDie(QStringLiteral("duplicates"), DuplicateFinder(db, QStringLiteral("US")).find());
            if (found.pairs.empty())
                die(QStringLiteral("duplicates"), Error::database(QStringLiteral("no pairs found")));
        });
}

// The groups of rows --only chooses from, in the order they run.
const QStringList benchmarkGroups{
    QStringLiteral("scores"),   QStringLiteral("plans"),      QStringLiteral("log"),
    QStringLiteral("search"),   QStringLiteral("duplicates"), QStringLiteral("csv"),
    QStringLiteral("archives"), QStringLiteral("dashboard"),  QStringLiteral("startup")};

// Every group when `only` is empty; an error naming an unknown one.
Result<QSet<QString>> chosenGroups(const QString& only)
{
    if (only.isEmpty())
        return QSet<QString>(benchmarkGroups.cbegin(), benchmarkGroups.cend());
    QSet<QString> chosen;
    for (const QString& group : only.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!benchmarkGroups.contains(group.trimmed()))
            return Error::badInput(QStringLiteral("--only: unknown group '%1' (one of %2)")
                                       .arg(group, benchmarkGroups.join(QStringLiteral(", "))));
        chosen.insert(group.trimmed());
    }
    return chosen;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rapport-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Rapport's performance targets."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("medium or large (default large)."),
                      QStringLiteral("NAME"), QStringLiteral("large")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per row (default 7)."),
                      QStringLiteral("N"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("workdir"),
                      QStringLiteral("Where datasets are kept (default /tmp/rapport-bench)."),
                      QStringLiteral("DIR"), QStringLiteral("/tmp/rapport-bench")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Also write the results as JSON."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("app"),
                      QStringLiteral("The rapport binary for the start-up rows (default: the one built "
                                     "beside this benchmark)."),
                      QStringLiteral("PATH"), QStringLiteral(RAPPORT_BINARY)});
    parser.addOption(
        {QStringLiteral("no-scaling"),
         QStringLiteral("Skip the rows that compare the large dataset with a 1M-interaction copy "
                        "of its contacts.")});
    parser.addOption(
        {QStringLiteral("mbox-megabytes"),
         QStringLiteral("Size of the generated mbox the conversation import reads (default 1024; "
                        "0 leaves it out)."),
         QStringLiteral("MB"), QStringLiteral("1024")});
    parser.addOption(
        {QStringLiteral("slack-messages"),
         QStringLiteral("Messages in the generated Slack export (default 1000000; 0 leaves it out)."),
         QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("only"),
                      QStringLiteral("Only these groups of rows, comma-separated: %1 (default all).")
                          .arg(benchmarkGroups.join(QStringLiteral(", "))),
                      QStringLiteral("GROUPS")});
    parser.process(app);

    const QString datasetName = parser.value(QStringLiteral("dataset"));
    if (datasetName != QLatin1String("medium") && datasetName != QLatin1String("large")) {
        out() << "rapport-bench: --dataset must be medium or large" << Qt::endl;
        return 1;
    }
    const Dataset& dataset = datasetName == QLatin1String("medium") ? medium : large;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString workdir = parser.value(QStringLiteral("workdir"));
    QDir().mkpath(workdir);

    const Result<QSet<QString>> groups = chosenGroups(parser.value(QStringLiteral("only")));
    if (!groups) {
        out() << "rapport-bench: " << groups.error().message << Qt::endl;
        return 1;
    }
    const auto wants = [&groups](const char* group) {
        return groups->contains(QLatin1String(group));
    };

    BenchmarkTable table;
    std::unique_ptr<Database> db = openDataset(dataset, workdir, table);
    ScoringEngine engine = orDie(QStringLiteral("scoring"), ScoringEngine::open(*db));
    const qint64 now = Clock::nowSeconds();

    std::optional<ScoreBoard> board;
    const auto loadBoard = [&] {
        board = orDie(QStringLiteral("score board"), ScoreBoard::load(*db));
    };
    if (wants("scores")) {
        table.measure(QStringLiteral("load the score board (all contacts' score inputs, cold)"), runs,
                      std::nullopt, loadBoard);
        table.measure(QStringLiteral("read scores of all contacts (score board)"), runs, 50.0, [&] {
            const QList<ContactScore> scores = board->scoresAt(now, engine.settings());
            if (scores.isEmpty())
                die(QStringLiteral("scores"), Error::database(QStringLiteral("no contacts")));
        });
    }
    if (wants("plans")) {
        if (!board)
            loadBoard();
        measurePlans(*db, *board, engine.settings(), now, runs, table);
    }
    if (wants("scores")) {
        table.measure(QStringLiteral("read scores of all contacts with Δ30/Δ90 (log pass)"),
                      std::min(runs, 3), std::nullopt,
                      [&] { orDie(QStringLiteral("scores"), engine.scoreAll(now, true)); });
        table.measure(QStringLiteral("rebuild all scoring state from the log"), std::min(runs, 5), 5000.0,
                      [&] { orDie(QStringLiteral("rebuild"), engine.rebuildAll()); });
    }
    if (wants("log"))
        measureLogging(*db, engine, now, runs, table);
    if (wants("search"))
        measureSearch(*db, runs, table);
    if (wants("duplicates"))
        measureDuplicates(*db, runs, table);

    if (wants("csv")) {
        const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
        if (sqlite.isEmpty()) {
            out() << "rapport-bench: no sqlite3 shell, skipping the CSV rows" << Qt::endl;
        } else {
            ExportBenchOptions exports;
            exports.workdir = workdir;
            exports.app = parser.value(QStringLiteral("app"));
            exports.sqlite = sqlite;
            exports.runs = std::min(runs, 3);
            orDie(QStringLiteral("export"), measureExports(*db, exports, table));
            measureCsvImport(*db, dataset, workdir, std::min(runs, 3), table);
        }
    }
    if (wants("archives")) {
        ArchiveBenchOptions archives;
        archives.workdir = workdir;
        archives.app = parser.value(QStringLiteral("app"));
        archives.mboxBytes = parser.value(QStringLiteral("mbox-megabytes")).toLongLong() << 20;
        archives.slackMessages = parser.value(QStringLiteral("slack-messages")).toLongLong();
        archives.runs = std::min(runs, 3);
        orDie(QStringLiteral("conversation import"), measureArchives(*db, archives, table));
    }
    std::optional<BenchmarkRow> dashboard;
    if (wants("dashboard"))
        dashboard =
            measureDashboard(*db, engine.settings(), QString::fromLatin1(dataset.name), now, runs, table);

    if (wants("startup")) {
        const QString appBinary = parser.value(QStringLiteral("app"));
        const StartupRows startup =
            measureStartup(appBinary, db->path(), QString::fromLatin1(dataset.name), runs);
        table.add(startup.firstPaint);
        table.add(startup.memory);
        if (&dataset == &large && !parser.isSet(QStringLiteral("no-scaling"))) {
            const std::unique_ptr<Database> shortLog = openDataset(largeShortLog, workdir, table);
            const StartupRows shortStartup =
                measureStartup(appBinary, shortLog->path(), QString::fromLatin1(largeShortLog.name), runs);
            table.add(shortStartup.firstPaint);
            table.add(ratioRow(QStringLiteral("start-up time, 5M vs 1M interactions"), startup.firstPaint,
                               shortStartup.firstPaint, 1.3));
            if (dashboard) {
                const BenchmarkRow shortDashboard = measureDashboard(
                    *shortLog, engine.settings(), QString::fromLatin1(largeShortLog.name), now, runs, table);
                table.add(ratioRow(QStringLiteral("dashboard compute time, 5M vs 1M interactions"),
                                   *dashboard, shortDashboard, 1.3));
            }
        }
    }

    out() << "\nRapport benchmark, " << dataset.name << " dataset (" << dataset.contacts << " contacts, "
          << dataset.interactions << " interactions), " << runs << " runs per row\n\n"
          << table.text() << Qt::endl;
    if (parser.isSet(QStringLiteral("json"))) {
        QFile json(parser.value(QStringLiteral("json")));
        if (!json.open(QIODevice::WriteOnly) ||
            json.write(table.json(QString::fromLatin1(dataset.name))) < 0) {
            out() << "rapport-bench: cannot write " << json.fileName() << Qt::endl;
            return 1;
        }
    }
    return table.allPassed() ? 0 : 2;
}
