// SPDX-License-Identifier: GPL-3.0-or-later
// Writing commands killed (SIGKILL) at a random moment: the file must stay sound and each command all or
// nothing.
//
// Every operation is first run to its end once, to measure how long it takes, and `rapport --version`
// to measure the process start alone; the kills then land at delays drawn uniformly between the end of
// that start (a kill before it proves nothing) and the end of the operation. The random generator is
// seeded and the seed printed, so a failing series can be replayed (the moments themselves depend on the
// machine's load).
//
// Environment:
//   RAPPORT_CRASH_ITERATIONS       attempts per operation (default 8)
//   RAPPORT_CRASH_BUDGET_SECONDS   wall-clock budget per operation, 0 for none (default 30 s when
//                                  RAPPORT_CRASH_ITERATIONS is not set, none when it is)
//   RAPPORT_CRASH_SEED             the seed (default: a random one)
#include "core/storage/Migrations.h"
#include "tests/multiprocess/ProcessSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>
#include <limits>
#include <random>

using namespace rapport::mptest;

namespace {

struct CrashPlan
{
    int iterations = 8;
    qint64 budgetMs = 30000;
    quint64 seed = 0;
};

const CrashPlan& plan()
{
    static const CrashPlan plan = [] {
        CrashPlan p;
        const bool iterationsSet = qEnvironmentVariableIsSet("RAPPORT_CRASH_ITERATIONS");
        if (iterationsSet)
            p.iterations = qEnvironmentVariableIntValue("RAPPORT_CRASH_ITERATIONS");
        p.budgetMs = iterationsSet ? 0 : 30000;
        if (qEnvironmentVariableIsSet("RAPPORT_CRASH_BUDGET_SECONDS"))
            p.budgetMs = qEnvironmentVariableIntValue("RAPPORT_CRASH_BUDGET_SECONDS") * qint64(1000);
        p.seed = qEnvironmentVariableIsSet("RAPPORT_CRASH_SEED") ? qgetenv("RAPPORT_CRASH_SEED").toULongLong()
                                                                 : std::random_device()();
        return p;
    }();
    return plan;
}

struct Attempt
{
    bool killed = false;
    Finished run; // when it ended by itself
};

// Starts `rapport ARGUMENTS…` and SIGKILLs it after delayMs unless it ended before; one that ended by
// itself must have succeeded.
Attempt runAndKill(const QStringList& arguments, qint64 delayMs)
{
    Attempt attempt;
    attempt.run.what = (QStringList{QStringLiteral("rapport")} + arguments).join(QLatin1Char(' '));
    QProcess process;
    process.start(QStringLiteral(RAPPORT_BINARY), arguments);
    if (!process.waitForStarted(30000))
        FAIL("cannot start " << attempt.run.what.toStdString());
    process.closeWriteChannel();
    QElapsedTimer timer;
    timer.start();
    if (process.waitForFinished(static_cast<int>(delayMs))) {
        attempt.run.elapsedMs = timer.elapsed();
        attempt.run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        attempt.run.err = QString::fromUtf8(process.readAllStandardError());
        INFO(describe(attempt.run));
        REQUIRE(attempt.run.exitCode == 0);
        return attempt;
    }
    process.kill(); // SIGKILL
    if (!process.waitForFinished(10000))
        FAIL(attempt.run.what.toStdString() << " did not die within 10 s of SIGKILL");
    attempt.killed = process.exitStatus() == QProcess::CrashExit;
    if (!attempt.killed) { // it ended between the wait and the kill
        attempt.run.elapsedMs = timer.elapsed();
        attempt.run.exitCode = process.exitCode();
        attempt.run.err = QString::fromUtf8(process.readAllStandardError());
        INFO(describe(attempt.run));
        REQUIRE(attempt.run.exitCode == 0);
    }
    return attempt;
}

// One operation's series of kills: the random delays, the budget and the tally printed at the end.
class KillSeries
{
public:
    KillSeries(const char* operation, qint64 expectedMs)
        : m_operation(operation)
        , m_expectedMs(std::max<qint64>(expectedMs, 1))
        , m_random(plan().seed ^ qHash(QByteArray(operation)))
    {
        REQUIRE(plan().iterations > 0);
        qint64 start = std::numeric_limits<qint64>::max();
        for (int i = 0; i < 3; ++i)
            start = std::min(start, runRapport({QStringLiteral("--version")}).elapsedMs);
        m_earliestMs = std::min(start, m_expectedMs / 2);
        m_timer.start();
        WARN(operation << ": seed " << plan().seed << " (RAPPORT_CRASH_SEED), " << plan().iterations
                       << " attempts, budget "
                       << (plan().budgetMs > 0 ? std::to_string(plan().budgetMs / 1000) + " s"
                                               : std::string("none"))
                       << "; a full run takes " << m_expectedMs << " ms, the process start " << start
                       << " ms: kills between " << m_earliestMs << " and " << m_expectedMs << " ms at first");
    }

    bool next()
    {
        if (m_attempts >= plan().iterations)
            return false;
        if (plan().budgetMs > 0 && m_timer.elapsed() >= plan().budgetMs) {
            m_budgetUsed = true;
            return false;
        }
        ++m_attempts;
        return true;
    }
    // Runs the command and kills it at the next random moment. A run that ends first was quicker than
    // the one measured (the first run of a series often pays for a cold cache): later moments are drawn
    // within its duration.
    Attempt attempt(const QStringList& arguments)
    {
        const qint64 delay = std::uniform_int_distribution<qint64>(m_earliestMs, m_expectedMs)(m_random);
        Attempt attempt = runAndKill(arguments, delay);
        if (attempt.killed) {
            ++m_kills;
        } else {
            m_expectedMs = std::max<qint64>(1, std::min(m_expectedMs, attempt.run.elapsedMs));
            m_earliestMs = std::min(m_earliestMs, m_expectedMs / 2);
        }
        return attempt;
    }
    void outcome(const QString& what) { ++m_outcomes[what]; }

    // Prints "kills: OPERATION K of N attempts (outcome n, …)" and requires that some kill happened.
    void report()
    {
        QStringList outcomes;
        for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it)
            outcomes << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        WARN("kills: " << m_operation << " " << m_kills << " of " << m_attempts << " attempts ("
                       << outcomes.join(QStringLiteral(", ")).toStdString() << ") in "
                       << m_timer.elapsed() / 1000 << " s"
                       << (m_budgetUsed ? ", stopped by the time budget" : ""));
        REQUIRE(m_kills > 0);
    }

private:
    const char* m_operation;
    qint64 m_expectedMs;
    qint64 m_earliestMs = 0;
    std::mt19937_64 m_random;
    QElapsedTimer m_timer;
    int m_attempts = 0;
    int m_kills = 0;
    bool m_budgetUsed = false;
    QMap<QString, int> m_outcomes;
};

// What `sqlite3 FILE SQL` prints, or what went wrong, for a CHECK to show either.
QString sqliteAnswer(const QString& file, const QString& sql)
{
    const Finished run = runProgram(QStringLiteral("sqlite3"), {file, sql});
    return run.exitCode == 0 ? run.out.trimmed()
                             : QStringLiteral("sqlite3 exit %1: %2").arg(run.exitCode).arg(run.err.trimmed());
}

// SQLite's integrity check through the sqlite3 shell: "ok", or what went wrong.
QString integrity(const QString& file)
{
    return sqliteAnswer(file, QStringLiteral("PRAGMA integrity_check"));
}

qint64 number(const QString& file, const QString& sql)
{
    bool ok = false;
    const qint64 value = sqlite(file, sql).toLongLong(&ok);
    INFO(sql.toStdString());
    REQUIRE(ok);
    return value;
}

// After a kill: SQLite finds the file sound and `rapport check` finds it consistent.
void requireSound(const QString& file)
{
    CHECK(integrity(file) == QStringLiteral("ok"));
    const Finished check = rapportOn(file, QStringLiteral("check"));
    INFO(describe(check) << "\n" << check.out.toStdString());
    CHECK(check.exitCode == 0);
}

class Folder
{
public:
    Folder() { REQUIRE(m_dir.isValid()); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

void makeDemo(const QString& file, int contacts, int interactions)
{
    rapportOk(file, QStringLiteral("demo"),
              {QStringLiteral("--contacts"), QString::number(contacts), QStringLiteral("--interactions"),
               QString::number(interactions), QStringLiteral("--seed"), QStringLiteral("7")},
              120000);
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QStringList logArguments(const QString& file, const QString& contact, const QString& summary)
{
    return {QStringLiteral("log"),
            QStringLiteral("--database"),
            file,
            QStringLiteral("--contact"),
            contact,
            QStringLiteral("--channel"),
            QStringLiteral("email"),
            QStringLiteral("--direction"),
            QStringLiteral("outbound"),
            QStringLiteral("--summary"),
            summary};
}

QString halfLife(const QString& file)
{
    const Finished shown = rapportOk(file, QStringLiteral("settings"));
    for (const QString& line : shown.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("half_life_days = ")))
            return line.mid(17).trimmed();
    }
    FAIL("rapport settings printed no half_life_days: " << shown.out.toStdString());
    return {};
}

} // namespace

TEST_CASE("a killed import of 50000 interactions writes all of them or none", "[crash]")
{
    constexpr int rows = 50000;
    const Folder folder;
    const QString file = folder.file(QStringLiteral("import.sqlite3"));
    makeDemo(file, 200, 4000);
    // A new file each time, so that no row of it is in the database yet.
    const qint64 start = QDateTime::currentSecsSinceEpoch() - 400 * 86400;
    auto writeCsv = [&](int series) {
        QByteArray csv = "contact_id,occurred_at,channel,direction,summary\r\n";
        csv.reserve(rows * 60);
        for (int i = 0; i < rows; ++i) {
            csv += QByteArray::number(i % 200 + 1) + ',' +
                   QDateTime::fromSecsSinceEpoch(start + i * 600, Qt::UTC).toString(Qt::ISODate).toLatin1() +
                   ",forum,inbound,crash-" + QByteArray::number(series) + '-' + QByteArray::number(i) +
                   "\r\n";
        }
        const QString path = folder.file(QStringLiteral("rows-%1.csv").arg(series));
        writeFile(path, csv);
        return path;
    };
    auto importArguments = [&](const QString& csv) {
        return QStringList{QStringLiteral("import"), QStringLiteral("interactions"), csv,
                           QStringLiteral("--database"), file};
    };

    const Finished full = runRapport(importArguments(writeCsv(0)), 120000);
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }
    KillSeries series("import", full.elapsedMs);
    for (int i = 1; series.next(); ++i) {
        const QString csv = writeCsv(i);
        const qint64 before = number(file, QStringLiteral("SELECT count(*) FROM interactions"));
        const Attempt attempt = series.attempt(importArguments(csv));
        const qint64 after = number(file, QStringLiteral("SELECT count(*) FROM interactions"));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished") << ": " << before
                        << " interactions before, " << after << " after");
        CHECK((after == before || after == before + rows));
        if (attempt.killed) {
            series.outcome(after == before ? QStringLiteral("rolled back") : QStringLiteral("committed"));
        } else {
            CHECK(after == before + rows);
            series.outcome(QStringLiteral("finished first"));
        }
        requireSound(file);
    }
    series.report();
}

TEST_CASE("a killed demo into a new file leaves no file, an empty database or the whole demo", "[crash]")
{
    constexpr int contacts = 1000;
    constexpr int interactions = 30000;
    const Folder folder;
    auto demoArguments = [&](const QString& file) {
        return QStringList{
            QStringLiteral("demo"),        QStringLiteral("--database"), file,
            QStringLiteral("--contacts"),  QString::number(contacts),    QStringLiteral("--interactions"),
            QString::number(interactions), QStringLiteral("--seed"),     QStringLiteral("3")};
    };
    const Finished full = runRapport(demoArguments(folder.file(QStringLiteral("full.sqlite3"))), 120000);
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }

    KillSeries series("demo", full.elapsedMs);
    QSet<QString> rerunAfter;
    for (int i = 1; series.next(); ++i) {
        const QString file = folder.file(QStringLiteral("demo-%1.sqlite3").arg(i));
        const Attempt attempt = series.attempt(demoArguments(file));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished"));
        QString outcome;
        if (!QFileInfo::exists(file)) {
            outcome = QStringLiteral("no file");
        } else {
            CHECK(integrity(file) == QStringLiteral("ok"));
            if (number(file, QStringLiteral("SELECT count(*) FROM sqlite_schema")) == 0) {
                outcome = QStringLiteral("empty file"); // created, nothing committed yet
            } else {
                const Finished check = rapportOn(file, QStringLiteral("check"));
                INFO(describe(check) << "\n" << check.out.toStdString());
                CHECK(check.exitCode == 0);
                const qint64 written = number(file, QStringLiteral("SELECT count(*) FROM contacts"));
                const qint64 logged = number(file, QStringLiteral("SELECT count(*) FROM interactions"));
                INFO(written << " contacts, " << logged << " interactions");
                CHECK(((written == 0 && logged == 0) || (written == contacts && logged == interactions)));
                outcome = written == 0 ? QStringLiteral("empty schema") : QStringLiteral("complete");
            }
        }
        if (!attempt.killed)
            CHECK(outcome == QStringLiteral("complete"));
        series.outcome(attempt.killed ? outcome : QStringLiteral("finished first"));
        // What the kill left is still a place for the demo: once per kind of leftover, run it again.
        if (outcome != QStringLiteral("complete") && !rerunAfter.contains(outcome)) {
            rerunAfter.insert(outcome);
            const Finished rerun = runRapport(demoArguments(file), 120000);
            INFO("demo again after '" << outcome.toStdString() << "': " << describe(rerun));
            CHECK(rerun.exitCode == 0);
            CHECK(number(file, QStringLiteral("SELECT count(*) FROM interactions")) == interactions);
        }
    }
    series.report();
}

TEST_CASE("a killed settings change keeps the old or the new settings, with scores to match", "[crash]")
{
    const Folder folder;
    const QString file = folder.file(QStringLiteral("settings.sqlite3"));
    makeDemo(file, 2000, 200000); // enough log for the rebuild to take a while
    auto setArguments = [&](const QString& value) {
        return QStringList{QStringLiteral("settings"), QStringLiteral("--database"), file,
                           QStringLiteral("--set"), QStringLiteral("half_life_days=") + value};
    };
    const Finished full = runRapport(setArguments(QStringLiteral("40")), 120000);
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }
    REQUIRE(halfLife(file) == QStringLiteral("40"));

    KillSeries series("settings", full.elapsedMs);
    QString current = QStringLiteral("40");
    for (int i = 1; series.next(); ++i) {
        const QString wanted = current == QStringLiteral("40") ? QStringLiteral("55") : QStringLiteral("40");
        const Attempt attempt = series.attempt(setArguments(wanted));
        const QString now = halfLife(file);
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished") << ": half-life "
                        << current.toStdString() << " -> " << wanted.toStdString() << ", now "
                        << now.toStdString());
        CHECK((now == current || now == wanted));
        if (attempt.killed) {
            series.outcome(now == current ? QStringLiteral("kept the old settings")
                                          : QStringLiteral("took the new settings"));
        } else {
            CHECK(now == wanted);
            series.outcome(QStringLiteral("finished first"));
        }
        current = now;
        requireSound(file); // the stored scoring state was computed with the stored settings
    }
    series.report();
}

TEST_CASE("a killed log leaves the conversation out or in, never half", "[crash]")
{
    const Folder folder;
    const QString file = folder.file(QStringLiteral("log.sqlite3"));
    makeDemo(file, 200, 4000);
    const Finished full = runRapport(logArguments(file, QStringLiteral("5"), QStringLiteral("crash-log-0")));
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }

    KillSeries series("log", full.elapsedMs);
    for (int i = 1; series.next(); ++i) {
        const QString summary = QStringLiteral("crash-log-%1").arg(i);
        const qint64 before = number(file, QStringLiteral("SELECT count(*) FROM interactions"));
        const Attempt attempt = series.attempt(logArguments(file, QString::number(i % 200 + 1), summary));
        const qint64 after = number(file, QStringLiteral("SELECT count(*) FROM interactions"));
        const qint64 found = number(
            file, QStringLiteral("SELECT count(*) FROM interactions WHERE summary = '%1'").arg(summary));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished") << ": " << before
                        << " interactions before, " << after << " after");
        CHECK(after - before == found);
        CHECK((found == 0 || found == 1));
        if (attempt.killed) {
            series.outcome(found == 0 ? QStringLiteral("not logged") : QStringLiteral("logged"));
        } else {
            CHECK(found == 1);
            series.outcome(QStringLiteral("finished first"));
        }
        requireSound(file);
    }
    series.report();
}

// Adds a promise we made to `contact` and returns its id.
QString addPromise(const QString& file, const QString& contact, int n)
{
    const Finished added = runRapport({QStringLiteral("follow-up"), QStringLiteral("add"),
                                       QStringLiteral("--database"), file, QStringLiteral("--contact"),
                                       contact, QStringLiteral("--due"), QStringLiteral("2026-06-05"),
                                       QStringLiteral("--text"), QStringLiteral("crash-promise-%1").arg(n),
                                       QStringLiteral("--commitment"), QStringLiteral("ours")});
    INFO(describe(added));
    REQUIRE(added.exitCode == 0);
    return QString::number(number(file, QStringLiteral("SELECT max(id) FROM follow_ups")));
}

QStringList keptArguments(const QString& file, const QString& id)
{
    return {QStringLiteral("follow-up"), QStringLiteral("kept"), id, QStringLiteral("--database"), file};
}

TEST_CASE("a killed “kept” closes the promise and writes its trust note, or does neither", "[crash]")
{
    const Folder folder;
    const QString file = folder.file(QStringLiteral("kept.sqlite3"));
    makeDemo(file, 200, 4000);
    const Finished full = runRapport(keptArguments(file, addPromise(file, QStringLiteral("5"), 0)));
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }

    KillSeries series("follow-up kept", full.elapsedMs);
    for (int i = 1; series.next(); ++i) {
        const QString id = addPromise(file, QString::number(i % 200 + 1), i);
        const qint64 notesBefore = number(file, QStringLiteral("SELECT count(*) FROM trust_notes"));
        const Attempt attempt = series.attempt(keptArguments(file, id));
        const QString status =
            sqlite(file, QStringLiteral("SELECT status FROM follow_ups WHERE id = %1").arg(id)).trimmed();
        const qint64 linked =
            number(file, QStringLiteral(
                             "SELECT count(*) FROM follow_ups f JOIN trust_notes n ON n.id = f.trust_note_id "
                             "WHERE f.id = %1 AND n.kind = 'commitment_kept'")
                             .arg(id));
        const qint64 notesAfter = number(file, QStringLiteral("SELECT count(*) FROM trust_notes"));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished") << ": status "
                        << status.toStdString());
        if (status == QStringLiteral("kept")) {
            CHECK(linked == 1);
            CHECK(notesAfter == notesBefore + 1);
            series.outcome(attempt.killed ? QStringLiteral("kept") : QStringLiteral("finished first"));
        } else {
            CHECK(attempt.killed);
            CHECK(status == QStringLiteral("open"));
            CHECK(linked == 0);
            CHECK(notesAfter == notesBefore);
            series.outcome(QStringLiteral("still open"));
        }
        requireSound(file);
    }
    series.report();
}

TEST_CASE("a killed tag merge leaves both tags as they were or one tag on every carrier", "[crash]")
{
    const Folder folder;
    const QString file = folder.file(QStringLiteral("tags.sqlite3"));
    makeDemo(file, 200, 4000);
    const auto tagPair = [&file](int n) {
        for (const QString& tag :
             {QStringLiteral("crash-keep-%1").arg(n), QStringLiteral("crash-other-%1").arg(n)})
            for (int person = 0; person < 3; ++person)
                rapportOk(file, QStringLiteral("add-contact"),
                          {QStringLiteral("--name"), QStringLiteral("%1 person %2").arg(tag).arg(person),
                           QStringLiteral("--tag"), tag});
    };
    const auto mergeArguments = [&file](int n) {
        return QStringList{QStringLiteral("merge-tags"), QStringLiteral("crash-keep-%1").arg(n),
                           QStringLiteral("crash-other-%1").arg(n), QStringLiteral("--database"), file};
    };
    const auto carriers = [&file](const QString& tag) {
        return number(file,
                      QStringLiteral("SELECT count(*) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                     "WHERE t.name = '%1'")
                          .arg(tag));
    };
    tagPair(0);
    const Finished full = runRapport(mergeArguments(0));
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }

    KillSeries series("merge-tags", full.elapsedMs);
    for (int i = 1; series.next(); ++i) {
        tagPair(i);
        const Attempt attempt = series.attempt(mergeArguments(i));
        const QString keep = QStringLiteral("crash-keep-%1").arg(i);
        const QString other = QStringLiteral("crash-other-%1").arg(i);
        const qint64 otherLeft =
            number(file, QStringLiteral("SELECT count(*) FROM tags WHERE name = '%1'").arg(other));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished"));
        if (otherLeft == 0) {
            CHECK(carriers(keep) == 6);
            series.outcome(attempt.killed ? QStringLiteral("merged") : QStringLiteral("finished first"));
        } else {
            CHECK(attempt.killed);
            CHECK(carriers(keep) == 3);
            CHECK(carriers(other) == 3);
            series.outcome(QStringLiteral("not merged"));
        }
        requireSound(file);
    }
    series.report();
}

TEST_CASE("a killed upgrade from the previous schema leaves the old or the new version and a sound backup",
          "[crash]")
{
    const int current = rapport::currentSchemaVersion();
    const int old = current - 1;
    REQUIRE(old >= 1);
    constexpr int contacts = 20000;
    const Folder folder;
    auto makeOld = [&](const QString& file) {
        const Finished made = runProgram(QStringLiteral(RAPPORT_HOLDER), {QStringLiteral("make-old-schema"),
                                                                          file, QString::number(contacts)});
        INFO(describe(made));
        REQUIRE(made.exitCode == 0);
        REQUIRE(number(file, QStringLiteral("PRAGMA user_version")) == old);
    };
    // A backup beside the file is a complete copy of the old version, or there is none.
    auto checkBackup = [&](const QString& file, bool required) {
        const QString backup = QStringLiteral("%1.v%2.bak").arg(file).arg(old);
        INFO("backup " << backup.toStdString());
        if (!QFileInfo::exists(backup)) {
            CHECK_FALSE(required);
            return;
        }
        const qint64 size = QFileInfo(backup).size();
        CHECK(size > 0);
        if (size == 0)
            return;
        const QString checked = integrity(backup);
        CHECK(checked == QStringLiteral("ok"));
        if (checked != QStringLiteral("ok"))
            return;
        // user_version, application_id and the contacts of the old file.
        const QString copied = sqliteAnswer(
            backup,
            QStringLiteral("PRAGMA user_version; PRAGMA application_id; SELECT count(*) FROM contacts"));
        const QString complete =
            QStringLiteral("%1\n%2\n%3").arg(old).arg(rapport::rapportApplicationId).arg(contacts);
        CHECK(copied == complete);
    };

    // The writing command that upgrades the file: logging one conversation.
    const QString measured = folder.file(QStringLiteral("measure.sqlite3"));
    makeOld(measured);
    const Finished full =
        runRapport(logArguments(measured, QStringLiteral("1"), QStringLiteral("upgrade-0")));
    {
        INFO(describe(full));
        REQUIRE(full.exitCode == 0);
    }
    REQUIRE(number(measured, QStringLiteral("PRAGMA user_version")) == current);
    checkBackup(measured, true);

    KillSeries series("upgrade", full.elapsedMs);
    for (int i = 1; series.next(); ++i) {
        const QString file = folder.file(QStringLiteral("old-%1.sqlite3").arg(i));
        makeOld(file);
        const Attempt attempt =
            series.attempt(logArguments(file, QStringLiteral("1"), QStringLiteral("upgrade-%1").arg(i)));
        INFO("attempt " << i << (attempt.killed ? " killed" : " finished"));
        const QString checked = integrity(file);
        CHECK(checked == QStringLiteral("ok"));
        if (checked != QStringLiteral("ok"))
            continue;
        const qint64 version = number(file, QStringLiteral("PRAGMA user_version"));
        INFO("schema version " << version << " after the attempt");
        CHECK((version == old || version == current));
        CHECK(number(file, QStringLiteral("SELECT count(*) FROM contacts")) == contacts);
        checkBackup(file, version == current);
        if (attempt.killed) {
            series.outcome(version == old ? QStringLiteral("still old") : QStringLiteral("upgraded"));
        } else {
            CHECK(version == current);
            series.outcome(QStringLiteral("finished first"));
        }
        if (version == old) { // a writing command upgrades what the kill left
            rapportOk(file, QStringLiteral("log"),
                      {QStringLiteral("--contact"), QStringLiteral("2"), QStringLiteral("--channel"),
                       QStringLiteral("call"), QStringLiteral("--direction"), QStringLiteral("inbound")});
            CHECK(number(file, QStringLiteral("PRAGMA user_version")) == current);
            checkBackup(file, true);
        }
        requireSound(file);
    }
    series.report();
}
