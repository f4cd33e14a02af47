// SPDX-License-Identifier: GPL-3.0-or-later
// File faults seen from the command line: every one exits with 3 and a message naming the path and
// the remedy, leaves the database's bytes as they were, and never hangs. Also the data-loss bug these
// rules came from: a command run beside an open app must not delete the app's -wal and -shm.
//
// Hashes are taken only while this process has no Database open on the file (closing any descriptor
// of a database file drops all of the process's SQLite locks on it).
#include "core/storage/Migrations.h"
#include "tests/support/CliSupport.h"
#include "tests/support/FileFaultSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <sys/stat.h>
#include <unistd.h>

using namespace rapport;
using namespace rapport::test;

namespace {

enum class As
{
    Me,
    User // "nobody" when the tests run as root, so that permission bits apply
};

Run rapportRun(const QStringList& arguments, As as = As::Me, int timeoutMs = 120000)
{
    QProcess process;
    if (as == As::User) {
        runChildWithFewerPrivileges(process);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), QDir::tempPath());
        environment.insert(QStringLiteral("XDG_DATA_HOME"), QDir::tempPath());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir::tempPath());
        process.setProcessEnvironment(environment);
    }
    return runRapport(process, arguments, timeoutMs);
}

// Whether a child as "nobody" can run the binary at all (its path must be searchable by everyone).
bool userCanRunRapport(QString* why)
{
    if (!runsAsRoot())
        return true;
    const Run probe = rapportRun({QStringLiteral("--version")}, As::User);
    if (probe.exitCode == 0)
        return true;
    *why = QStringLiteral("a child process as user nobody cannot run %1 (exit %2)")
               .arg(QStringLiteral(RAPPORT_BINARY))
               .arg(probe.exitCode);
    return false;
}

// A database with two contacts and conversations, made by the command line itself.
void fill(const QString& path)
{
    for (const char* name : {"Ana Lima", "José Álvarez"}) {
        const Run added = rapportRun({QStringLiteral("add-contact"), QStringLiteral("--database"), path,
                                      QStringLiteral("--name"), QString::fromUtf8(name)});
        INFO(added.err.toStdString());
        REQUIRE(added.exitCode == 0);
        const Run logged = rapportRun(
            {QStringLiteral("log"), QStringLiteral("--database"), path, QStringLiteral("--contact"),
             added.out.trimmed(), QStringLiteral("--channel"), QStringLiteral("email"),
             QStringLiteral("--direction"), QStringLiteral("outbound"), QStringLiteral("--at"),
             QStringLiteral("2026-05-01"), QStringLiteral("--summary"), QStringLiteral("hello")});
        INFO(logged.err.toStdString());
        REQUIRE(logged.exitCode == 0);
    }
}

void requireFailure(const Run& run, const QString& path)
{
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 3);
    CHECK(run.err.contains(path));
}

const QString databaseOption = QStringLiteral("--database");

} // namespace

TEST_CASE("A read-only file: check says consistent, score reads, writing commands exit 3 with chmod",
          "[cli][faults]")
{
    QString why;
    if (!userCanRunRapport(&why))
        SKIP_WITH_WARNING(why);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    fill(path);
    setMode(dir.path(), 0777);
    setMode(path, 0444);
    const QByteArray before = fileHash(path);

    const Run checked = rapportRun({QStringLiteral("check"), databaseOption, path}, As::User);
    INFO(checked.err.toStdString());
    CHECK(checked.exitCode == 0);
    CHECK(checked.out.contains(QStringLiteral("consistent: integrity")));
    const Run scored = rapportRun(
        {QStringLiteral("score"), databaseOption, path, QStringLiteral("--contact"), QStringLiteral("1")},
        As::User);
    CHECK(scored.exitCode == 0);
    CHECK(scored.out.contains(QStringLiteral("Ana Lima")));

    const Run added = rapportRun({QStringLiteral("add-contact"), databaseOption, path,
                                  QStringLiteral("--name"), QStringLiteral("Kim")},
                                 As::User);
    requireFailure(added, path);
    CHECK(added.err.contains(
        QStringLiteral("cannot open '%1' for writing: the file is read-only (chmod u+w '%1')").arg(path)));
    CHECK(fileHash(path) == before);
}

TEST_CASE("A healthy file in a read-only folder: refused naming the folder, unless the app has it open",
          "[cli][faults]")
{
    QString why;
    if (!userCanRunRapport(&why))
        SKIP_WITH_WARNING(why);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    fill(path);
    setMode(dir.path(), 0555);
    const QByteArray before = fileHash(path);

    SECTION("nobody has it open: SQLite cannot create the -shm it needs to read a WAL database")
    {
        for (const char* command : {"check", "score"}) {
            const Run refused = rapportRun({QString::fromLatin1(command), databaseOption, path}, As::User);
            requireFailure(refused, path);
            CHECK(refused.err.contains(QStringLiteral("the folder '%1' is read-only").arg(dir.path())));
            CHECK(refused.err.contains(path + QStringLiteral("-wal")));
        }
        CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("rapport.sqlite3")});
    }
    SECTION("the app (this process, allowed to write) has it open: -wal and -shm exist, check reads")
    {
        {
            std::unique_ptr<Database> app = require(Database::open(path));
            const Run checked = rapportRun({QStringLiteral("check"), databaseOption, path}, As::User);
            INFO(checked.err.toStdString());
            CHECK(checked.exitCode == 0);
            CHECK(checked.out.contains(QStringLiteral("consistent: integrity")));
        }
    }
    CHECK(fileHash(path) == before);
    setMode(dir.path(), 0700);
}

TEST_CASE("A zero-byte file: read-only commands refuse it and leave it empty", "[cli][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.sqlite3"));
    writeFileBytes(path, QByteArray());
    for (const char* command : {"check", "score", "settings"}) {
        const Run refused = rapportRun({QString::fromLatin1(command), databaseOption, path});
        requireFailure(refused, path);
        CHECK(refused.err.contains(QStringLiteral("is empty, not a Rapport database yet")));
    }
    const Run exported =
        rapportRun({QStringLiteral("export"), QStringLiteral("contacts"), databaseOption, path});
    requireFailure(exported, path);
    CHECK(QFileInfo(path).size() == 0);
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("empty.sqlite3")});
    // A writing command fills it, as documented.
    CHECK(rapportRun({QStringLiteral("add-contact"), databaseOption, path, QStringLiteral("--name"),
                      QStringLiteral("Ana")})
              .exitCode == 0);
}

TEST_CASE("A truncated copy of a database is reported as damaged and left as it is", "[cli][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString original = dir.filePath(QStringLiteral("original.sqlite3"));
    fill(original);
    const QByteArray bytes = readFileBytes(original);
    const QString path = dir.filePath(QStringLiteral("half.sqlite3"));
    writeFileBytes(path, bytes.left(bytes.size() / 2));
    const QByteArray before = fileHash(path);

    for (const QStringList& arguments :
         {QStringList{QStringLiteral("check")}, QStringList{QStringLiteral("score")},
          QStringList{QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Kim")}}) {
        const Run refused = rapportRun(arguments + QStringList{databaseOption, path});
        requireFailure(refused, path);
        CHECK(refused.err.contains(QStringLiteral("is damaged (SQLite reports corruption")));
        CHECK(refused.err.contains(QStringLiteral("restore")));
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A full disk: a write and an export exit 3 with the disk-full message", "[cli][faults]")
{
    SmallDisk disk(1024);
    if (!disk.mounted())
        SKIP_WITH_WARNING(
            QStringLiteral("no tmpfs to fill (%1); the full disk is not tested").arg(disk.why()));
    const QString path = disk.file(QStringLiteral("rapport.sqlite3"));
    fill(path);
    const QByteArray before = fileHash(path);
    disk.fillLeaving(64 * 1024);

    // A demo database elsewhere gives contacts to import and a report larger than what is left.
    QTemporaryDir elsewhere;
    REQUIRE(elsewhere.isValid());
    const QString large = elsewhere.filePath(QStringLiteral("large.sqlite3"));
    const Run demo =
        rapportRun({QStringLiteral("demo"), databaseOption, large, QStringLiteral("--contacts"),
                    QStringLiteral("1000"), QStringLiteral("--interactions"), QStringLiteral("3000")});
    REQUIRE(demo.exitCode == 0);
    const QString contacts = elsewhere.filePath(QStringLiteral("contacts.csv"));
    REQUIRE(rapportRun({QStringLiteral("export"), QStringLiteral("contacts"), databaseOption, large,
                        QStringLiteral("--output"), contacts})
                .exitCode == 0);

    // The import writes all or nothing: the failed transaction leaves the file as it was.
    const Run imported =
        rapportRun({QStringLiteral("import"), QStringLiteral("contacts"), contacts, databaseOption, path});
    requireFailure(imported, path);
    CHECK(imported.err.contains(
        QStringLiteral("cannot write '%1': the disk is full; free some space and try again").arg(path)));
    CHECK(fileHash(path) == before);

    // The output file fails, not the database.
    const QString output = disk.file(QStringLiteral("interactions.csv"));
    const Run exported = rapportRun({QStringLiteral("export"), QStringLiteral("interactions"), databaseOption,
                                     large, QStringLiteral("--output"), output});
    requireFailure(exported, output);
    CHECK(exported.err.contains(
        QStringLiteral("--output: cannot write '%1': the disk is full; free some space and try again")
            .arg(output)));
    CHECK_FALSE(QFileInfo::exists(output));
}

TEST_CASE("export --output into a read-only folder exits 3 naming the file", "[cli][faults]")
{
    QString why;
    if (!userCanRunRapport(&why))
        SKIP_WITH_WARNING(why);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    fill(path);
    setMode(dir.path(), 0777);
    setMode(path, 0644);
    QTemporaryDir outputs;
    REQUIRE(outputs.isValid());
    setMode(outputs.path(), 0555);
    const QString output = outputs.filePath(QStringLiteral("contacts.csv"));

    const Run exported = rapportRun({QStringLiteral("export"), QStringLiteral("contacts"), databaseOption,
                                     path, QStringLiteral("--output"), output},
                                    As::User);
    requireFailure(exported, output);
    CHECK(exported.err.contains(QStringLiteral("--output: cannot write '%1': the folder '%2' is read-only")
                                    .arg(output, outputs.path())));
    CHECK(filesIn(outputs.path()).isEmpty());
    setMode(outputs.path(), 0700);
}

TEST_CASE("A file another program holds an exclusive lock on: exit 3 within the busy timeout",
          "[cli][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    fill(path);
    const QByteArray before = fileHash(path);
    {
        ExclusiveLockHolder holder(path);
        if (!holder.holding())
            SKIP_WITH_WARNING(
                QStringLiteral("no lock holder (%1); the lock is not tested").arg(holder.why()));
        QElapsedTimer waited;
        waited.start();
        const Run refused = rapportRun(
            {QStringLiteral("score"), databaseOption, path, QStringLiteral("--contact"), QStringLiteral("1")},
            As::Me, 60000);
        requireFailure(refused, path);
        CHECK(refused.err.contains(QStringLiteral("is locked by another program")));
        CHECK(waited.elapsed() >= Database::busyTimeoutMs - 1000);
        CHECK(waited.elapsed() < Database::busyTimeoutMs + 20000);
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A folder, a FIFO or a device as --database exits 3 at once", "[cli][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const QList<std::pair<QString, QString>> cases{
        {dir.path(), QStringLiteral("it is a folder")},
        {fifo, QStringLiteral("it is a named pipe (FIFO)")},
        {QStringLiteral("/dev/null"), QStringLiteral("it is a device")}};
    for (const auto& [path, kind] : cases) {
        for (const QStringList& command :
             {QStringList{QStringLiteral("check")},
              QStringList{QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Kim")}}) {
            CAPTURE(path, command.constFirst());
            QElapsedTimer elapsed;
            elapsed.start();
            // A FIFO opened by mistake would block: a short limit makes the hang a failure.
            const Run refused = rapportRun(command + QStringList{databaseOption, path}, As::Me, 15000);
            requireFailure(refused, path);
            CHECK(refused.err.contains(kind));
            CHECK(elapsed.elapsed() < 10000);
        }
    }
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("pipe")});
}

TEST_CASE("An explicitly empty --database is a usage error, not the default database", "[cli][faults]")
{
    for (const QStringList& arguments :
         {QStringList{QStringLiteral("check")}, QStringList{QStringLiteral("score")},
          QStringList{QStringLiteral("settings")},
          QStringList{QStringLiteral("export"), QStringLiteral("contacts")},
          QStringList{QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Kim")}}) {
        const Run refused = rapportRun(arguments + QStringList{databaseOption, QString()});
        INFO(refused.err.toStdString());
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.contains(QStringLiteral("--database: no path given")));
        CHECK(refused.out.isEmpty());
    }
    const Run blank =
        rapportRun({QStringLiteral("score"), QStringLiteral("--database="), QStringLiteral("--json")});
    CHECK(blank.exitCode == 1);
    CHECK(blank.err.contains(QStringLiteral("--database: no path given")));
}

TEST_CASE("Commands beside an open app leave its -wal and -shm alone and ids stay unique", "[cli][faults]")
{
    // The bug: each Database::open read the file's header with a QFile; closing that descriptor dropped
    // all of the app's locks, so a command that ran next believed it was the last connection,
    // checkpointed and deleted -wal and -shm from under the app, and ids were handed out twice.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    fill(path);
    {
        std::unique_ptr<Database> app = require(Database::open(path));
        requireOk(app->execute(
            QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('App user', 0)")));
        for (int i = 0; i < 3; ++i) {
            // What the app's worker threads do: more connections that come and go.
            std::unique_ptr<Database> worker = require(Database::open(path));
            std::unique_ptr<Database> reader = require(Database::open(path, OpenMode::ReadOnly));
        }
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("score"), QStringLiteral("--contact"), QStringLiteral("1")},
              QStringList{QStringLiteral("check")},
              QStringList{QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Kim")}}) {
            const Run run = rapportRun(arguments + QStringList{databaseOption, path});
            INFO(run.err.toStdString());
            CHECK(run.exitCode == 0);
            CHECK(QFileInfo::exists(path + QStringLiteral("-wal")));
            CHECK(QFileInfo::exists(path + QStringLiteral("-shm")));
        }
        requireOk(app->execute(QStringLiteral("INSERT INTO contacts (display_name, created_at, updated_at) "
                                              "VALUES ('From the app', 0, 0)")));
        const Result<QVariant> distinct = app->scalar(
            QStringLiteral("SELECT count(DISTINCT id) = count(*) AND count(*) = 4 FROM contacts"));
        REQUIRE(distinct.ok());
        CHECK(distinct->toInt() == 1);
    }
    const Run checked = rapportRun({QStringLiteral("check"), databaseOption, path});
    INFO(checked.out.toStdString());
    CHECK(checked.exitCode == 0);
}
