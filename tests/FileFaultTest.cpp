// SPDX-License-Identifier: GPL-3.0-or-later
// What Database does when the file or its surroundings are wrong: read-only file or folder, empty or
// truncated file, full disk, another program's lock, things that are not files; and the one mapping of
// SQLite's result codes to messages. Every fault must leave the file's bytes as they were.
//
// Hashes are taken only while this process has no Database open on the file: closing any descriptor
// of a database file drops all of the process's SQLite locks on it.
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConsistencyCheck.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/DatabaseBackup.h"
#include "core/storage/Migrations.h"
#include "core/storage/SqliteErrors.h"
#include "tests/support/FileFaultSupport.h"
#include "tests/support/TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace rapport;
using namespace rapport::test;

namespace {

// A database with two contacts and a few conversations, closed again.
void makeDatabase(const QString& path)
{
    PinnedClock clock;
    std::unique_ptr<Database> db = require(Database::open(path));
    ContactRepository contacts(*db);
    ScoringEngine engine = require(ScoringEngine::open(*db));
    ConversationLog log(*db, engine);
    for (const char* name : {"Ana Lima", "José Álvarez"}) {
        Contact contact;
        contact.displayName = QString::fromUtf8(name);
        const qint64 id = require(contacts.create(contact));
        for (int day = 1; day <= 3; ++day) {
            Interaction interaction;
            interaction.contactId = id;
            interaction.occurredAt = testNow - day * 7 * daySeconds;
            interaction.summary = QStringLiteral("catch-up number %1").arg(day);
            require(log.log(interaction));
        }
    }
}

void rawExecute(const QString& path, const QByteArray& sql)
{
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(QFile::encodeName(path).constData(), &handle,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK);
    char* message = nullptr;
    const int executed = sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(handle);
    REQUIRE(executed == SQLITE_OK);
}

// A file at schema version 1, as an older Rapport left it (in WAL mode, like every Rapport file).
void makeVersion1(const QString& path)
{
    QByteArray sql = "PRAGMA journal_mode=WAL;\n" + schemaUpTo(1);
    sql += "INSERT INTO team_members (id, name, created_at) VALUES (7, 'Grace', 0);";
    rawExecute(path, sql);
}

Error openFails(const QString& path, OpenMode mode)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path, mode);
    REQUIRE_FALSE(opened.ok());
    INFO(opened.error().message.toStdString());
    CHECK(opened.error().kind == ErrorKind::Database);
    CHECK(opened.error().message.contains(path));
    return opened.error();
}

} // namespace

TEST_CASE("A read-only file is read in read-only mode and refused for writing with the chmod remedy",
          "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    setMode(dir.path(), 0777); // a folder the user may write: only the file is read-only
    setMode(path, 0444);
    const QByteArray before = fileHash(path);

    {
        FewerPrivileges user;
        if (!user.active())
            SKIP_WITH_WARNING("cannot act as user nobody; the read-only file is not tested");
        {
            std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadOnly));
            CHECK(db->mode() == OpenMode::ReadOnly);
            CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contacts"))).toInt() == 2);
            const ConsistencyReport report = require(ConsistencyCheck(*db).run());
            INFO(report.problems.join(QLatin1Char('\n')).toStdString());
            CHECK(report.consistent());
        }
        const Error error = openFails(path, OpenMode::ReadWrite);
        CHECK(error.message.contains(QStringLiteral("the file is read-only")));
        CHECK(error.message.contains(QStringLiteral("chmod u+w")));
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A healthy file in a read-only folder is refused, naming the folder: SQLite needs -shm there",
          "[database][faults]")
{
    // SQLite 3.40 reads a WAL database only when -shm and -wal exist or can be created beside it (or
    // with immutable=1, which is only safe when no one can write the file). Rapport refuses clearly.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    REQUIRE(filesIn(dir.path()) == QStringList{QStringLiteral("rapport.sqlite3")});
    setMode(path, 0666); // writable: only the folder is read-only
    setMode(dir.path(), 0555);
    const QByteArray before = fileHash(path);

    {
        FewerPrivileges user;
        if (!user.active()) {
            setMode(dir.path(), 0700);
            SKIP_WITH_WARNING("cannot act as user nobody; the read-only folder is not tested");
        }
        for (const OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
            const Error error = openFails(path, mode);
            CHECK(error.message.contains(QStringLiteral("read-only")));
            CHECK(error.message.contains(QStringLiteral("'%1'").arg(dir.path())));
            CHECK(error.message.contains(path + QStringLiteral("-wal")));
        }
    }
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("rapport.sqlite3")});
    CHECK(fileHash(path) == before);
    setMode(dir.path(), 0700);
}

TEST_CASE("A database cannot be created in a read-only folder", "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    setMode(dir.path(), 0555);
    const QString path = dir.filePath(QStringLiteral("new.sqlite3"));
    {
        FewerPrivileges user;
        if (!user.active()) {
            setMode(dir.path(), 0700);
            SKIP_WITH_WARNING("cannot act as user nobody; the read-only folder is not tested");
        }
        const Error error = openFails(path, OpenMode::ReadWrite);
        CHECK(error.message.contains(QStringLiteral("folder '%1' is read-only").arg(dir.path())));
    }
    CHECK(filesIn(dir.path()).isEmpty());
    setMode(dir.path(), 0700);
}

TEST_CASE("A zero-byte file is refused read-only and left empty, opened for writing it gets the schema",
          "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.sqlite3"));
    writeFileBytes(path, QByteArray());

    const Error error = openFails(path, OpenMode::ReadOnly);
    CHECK(error.message.contains(QStringLiteral("is empty, not a Rapport database yet")));
    CHECK(QFileInfo(path).size() == 0);
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("empty.sqlite3")});

    // Decision: writing mode turns an empty file into a database, as `touch F; rapport add-contact
    // --database F` expects (and as it always did).
    std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadWrite));
    CHECK(db->schemaVersion() == currentSchemaVersion());
}

TEST_CASE("An SQLite file without tables is refused read-only as empty", "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("blank.sqlite3"));
    rawExecute(path, "PRAGMA page_size = 4096; VACUUM");
    const QByteArray before = fileHash(path);
    const Error error = openFails(path, OpenMode::ReadOnly);
    CHECK(error.message.contains(QStringLiteral("is empty, not a Rapport database yet")));
    CHECK(fileHash(path) == before);
}

TEST_CASE("A truncated copy of a database is reported as damaged, with the backup to restore",
          "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString original = dir.filePath(QStringLiteral("original.sqlite3"));
    makeDatabase(original);
    const QByteArray bytes = readFileBytes(original);
    REQUIRE(bytes.size() > 8192);
    const QString path = dir.filePath(QStringLiteral("truncated.sqlite3"));
    writeFileBytes(path, bytes.left(bytes.size() / 2));
    const QByteArray before = fileHash(path);

    SECTION("without a backup")
    {
        for (const OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
            const Error error = openFails(path, mode);
            CHECK(error.message.contains(QStringLiteral("is damaged (SQLite reports corruption")));
            CHECK(error.message.contains(QStringLiteral("restore it from a backup")));
        }
    }
    SECTION("with the backup of an upgrade beside it")
    {
        const QString backup = path + QStringLiteral(".v1.bak");
        writeFileBytes(backup, bytes);
        const Error error = openFails(path, OpenMode::ReadOnly);
        CHECK(error.message.contains(QStringLiteral("restore '%1'").arg(backup)));
    }
    CHECK(fileHash(path) == before);
    // SQLite may leave an empty -wal behind (it cannot checkpoint a damaged file); nothing is in it.
    CHECK(QFileInfo(path + QStringLiteral("-wal")).size() == 0);
}

TEST_CASE("A full disk fails the write with the disk-full message and leaves the file as it was",
          "[database][faults]")
{
    SmallDisk disk(1024);
    if (!disk.mounted())
        SKIP_WITH_WARNING(
            QStringLiteral("no tmpfs to fill (%1); the full disk is not tested").arg(disk.why()));
    const QString path = disk.file(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    const QByteArray before = fileHash(path);
    disk.fillLeaving(64 * 1024);

    {
        std::unique_ptr<Database> db = require(Database::open(path));
        const Status written = db->execute(
            QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, "
                           "created_at) VALUES (1, 0, 'email', 'outbound', '%1', 0)")
                .arg(QString(200 * 1024, QLatin1Char('x'))));
        REQUIRE_FALSE(written.ok());
        INFO(written.error().message.toStdString());
        CHECK(written.error().kind == ErrorKind::Database);
        CHECK(written.error().message.contains(
            QStringLiteral("cannot write '%1': the disk is full; free some space and try again").arg(path)));
        CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM interactions"))).toInt() == 6);
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A backup that fails on a full disk leaves no partial backup, keeps the older one and the file",
          "[database][faults][migrations]")
{
    SmallDisk disk(1024);
    if (!disk.mounted())
        SKIP_WITH_WARNING(
            QStringLiteral("no tmpfs to fill (%1); the full disk is not tested").arg(disk.why()));
    const QString path = disk.file(QStringLiteral("old.sqlite3"));
    makeVersion1(path);
    const QString backup = path + QStringLiteral(".v1.bak");
    writeFileBytes(backup, "an older backup");
    REQUIRE(readFileBytes(backup) == "an older backup");
    const QByteArray before = fileHash(path);
    // Room for SQLite's shared-memory file (-shm, 32 KiB), not for the copy.
    disk.fillLeaving(48 * 1024);

    const Error error = openFails(path, OpenMode::ReadWrite);
    CHECK(error.message.contains(
        QStringLiteral("cannot back up '%1' to '%2' before upgrading it").arg(path, backup)));
    CHECK(error.message.contains(QStringLiteral("the disk is full")));
    CHECK(readFileBytes(backup) == "an older backup");
    CHECK_FALSE(QFileInfo::exists(temporaryBackupPath(backup)));
    CHECK(fileHash(path) == before);
}

TEST_CASE("An upgrade writes FILE.vN.bak under a temporary name and replaces an older one only when complete",
          "[database][faults][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.sqlite3"));
    makeVersion1(path);
    const QString backup = path + QStringLiteral(".v1.bak");
    writeFileBytes(backup, "an older backup");
    writeFileBytes(backup + QStringLiteral(".tmp-999999"), "left by an interrupted upgrade");

    {
        std::unique_ptr<Database> db = require(Database::open(path));
        CHECK(db->schemaVersion() == currentSchemaVersion());
    }
    CHECK(filesIn(dir.path()) ==
          QStringList{QStringLiteral("old.sqlite3"), QStringLiteral("old.sqlite3.v1.bak")});
    sqlite3* copy = nullptr;
    REQUIRE(sqlite3_open_v2(QFile::encodeName(backup).constData(), &copy, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(
                copy, "SELECT (SELECT user_version FROM pragma_user_version), name FROM team_members", -1,
                &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    CHECK(sqlite3_column_int(statement, 0) == 1);
    CHECK(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))) ==
          QStringLiteral("Grace"));
    sqlite3_finalize(statement);
    sqlite3_close(copy);
}

TEST_CASE("An older schema is refused read-only with the way to upgrade it, and left untouched",
          "[database][faults][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.sqlite3"));
    makeVersion1(path);
    const QByteArray before = fileHash(path);

    const Error error = openFails(path, OpenMode::ReadOnly);
    CHECK(error.message.contains(QStringLiteral("needs an upgrade")));
    CHECK(error.message.contains(QStringLiteral("read-only command does not do")));
    CHECK(error.message.contains(
        QStringLiteral("open the file in the Rapport app or run any writing command")));
    CHECK(fileHash(path) == before);
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.bak*")}, QDir::Files).isEmpty());
}

TEST_CASE("A file another program holds an exclusive lock on fails within the busy timeout",
          "[database][faults][lock]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    const QByteArray before = fileHash(path);
    {
        ExclusiveLockHolder holder(path);
        if (!holder.holding())
            SKIP_WITH_WARNING(
                QStringLiteral("no lock holder (%1); the lock is not tested").arg(holder.why()));
        QElapsedTimer waited;
        waited.start();
        const Error error = openFails(path, OpenMode::ReadOnly);
        CHECK(error.message.contains(QStringLiteral("is locked by another program")));
        CHECK(error.message.contains(QStringLiteral("try again")));
        CHECK(waited.elapsed() >= Database::busyTimeoutMs - 1000);
        CHECK(waited.elapsed() < Database::busyTimeoutMs + 10000);
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A FIFO, a device and a folder are refused before SQLite opens them", "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QElapsedTimer elapsed;
    elapsed.start();
    for (const OpenMode mode : {OpenMode::ReadOnly, OpenMode::ReadWrite}) {
        // Opening a FIFO would block until a writer came: the refusal must come from stat alone.
        CHECK(openFails(fifo, mode).message.contains(QStringLiteral("it is a named pipe (FIFO)")));
        CHECK(
            openFails(QStringLiteral("/dev/null"), mode).message.contains(QStringLiteral("it is a device")));
        CHECK(openFails(dir.path(), mode).message.contains(QStringLiteral("it is a folder")));
    }
    CHECK(elapsed.elapsed() < 5000);
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("pipe")});
}

TEST_CASE("A read-only check still finds a search index that disagrees with its table, and leaves nothing "
          "behind",
          "[database][faults][search]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    {
        std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadOnly));
        const ConsistencyReport report = require(ConsistencyCheck(*db).run());
        INFO(report.problems.join(QLatin1Char('\n')).toStdString());
        CHECK(report.consistent());
        CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM temp.sqlite_schema"))).toInt() == 0);
    }
    // A summary changed behind the index's back (as a tool without the triggers would).
    rawExecute(path, "DROP TRIGGER interactions_search_update; UPDATE interactions SET summary = 'rewritten' "
                     "WHERE id = 2");
    const QByteArray before = fileHash(path);
    {
        std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadOnly));
        const ConsistencyReport report = require(ConsistencyCheck(*db).run());
        CHECK_FALSE(report.consistent());
        CHECK(report.problems.join(QLatin1Char('\n'))
                  .contains(QStringLiteral("search index interaction_search")));
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("A read-only connection never writes: its write errors name the file", "[database][faults]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    makeDatabase(path);
    const QByteArray before = fileHash(path);
    {
        std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadOnly));
        const Status inserted =
            db->execute(QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('Kim', 0)"));
        REQUIRE_FALSE(inserted.ok());
        CHECK(inserted.error().message.contains(QStringLiteral("'%1'").arg(path)));
        CHECK(inserted.error().message.contains(QStringLiteral("read-only")));
        QSqlQuery update = db->prepare(QStringLiteral("UPDATE contacts SET title = 'x'"));
        const Status updated = Database::run(update);
        REQUIRE_FALSE(updated.ok());
        CHECK(updated.error().message.contains(QStringLiteral("'%1'").arg(path)));
    }
    CHECK(fileHash(path) == before);
}

TEST_CASE("SQLite's result codes map to messages that name the file and the remedy", "[database][errors]")
{
    const QString path = QStringLiteral("/nowhere/rapport.sqlite3");
    const auto message = [&](int code) {
        return databaseError(path, code, QStringLiteral("sqlite says")).message;
    };

    CHECK(message(SQLITE_FULL) ==
          QStringLiteral("cannot write '/nowhere/rapport.sqlite3': the disk is full; free some space and try "
                         "again"));
    CHECK(message(SQLITE_BUSY)
              .contains(QStringLiteral("'/nowhere/rapport.sqlite3' is locked by another program")));
    CHECK(message(SQLITE_BUSY_TIMEOUT).contains(QStringLiteral("locked by another program")));
    CHECK(message(SQLITE_LOCKED_SHAREDCACHE).contains(QStringLiteral("locked by another program")));
    CHECK(message(SQLITE_BUSY_SNAPSHOT).contains(QStringLiteral("changed by another program")));
    CHECK(message(SQLITE_NOTADB) ==
          QStringLiteral("'/nowhere/rapport.sqlite3' is not a Rapport database: it is not an SQLite file"));
    CHECK(message(SQLITE_CORRUPT).contains(QStringLiteral("is damaged (SQLite reports corruption")));
    CHECK(message(SQLITE_CORRUPT_INDEX).contains(QStringLiteral("restore it from a backup")));
    CHECK(message(SQLITE_READONLY_DIRECTORY)
              .contains(
                  QStringLiteral("cannot create '/nowhere/rapport.sqlite3-wal' beside "
                                 "'/nowhere/rapport.sqlite3': the folder '/nowhere' is read-only; Rapport "
                                 "needs to create its write-ahead log there")));
    CHECK(message(SQLITE_READONLY_RECOVERY).contains(QStringLiteral("open the file once in the app")));
    CHECK(message(SQLITE_READONLY_ROLLBACK).contains(QStringLiteral("-journal")));
    CHECK(message(SQLITE_READONLY_CANTINIT).contains(QStringLiteral("rapport.sqlite3-shm")));
    CHECK(message(SQLITE_READONLY_CANTLOCK).contains(QStringLiteral("rapport.sqlite3-shm")));
    CHECK(message(SQLITE_READONLY_DBMOVED).contains(QStringLiteral("moved or deleted")));
    CHECK(message(SQLITE_CANTOPEN).contains(QStringLiteral("the folder '/nowhere' does not exist")));
    CHECK(message(SQLITE_CANTOPEN_ISDIR).contains(QStringLiteral("it is a folder")));
    CHECK(message(SQLITE_IOERR_LOCK).contains(QStringLiteral("cannot lock")));
    CHECK(message(SQLITE_IOERR_WRITE)
              .contains(QStringLiteral("input/output error on '/nowhere/rapport.sqlite3'")));
    CHECK(message(SQLITE_IOERR_SHMSIZE).contains(QStringLiteral("'/nowhere/rapport.sqlite3-shm'")));
    CHECK(message(SQLITE_PERM).contains(QStringLiteral("denied access")));
    CHECK(message(SQLITE_AUTH).contains(QStringLiteral("authorization")));
    CHECK(message(SQLITE_NOMEM).contains(QStringLiteral("out of memory")));
    CHECK(message(SQLITE_CONSTRAINT_UNIQUE) ==
          QStringLiteral("database '/nowhere/rapport.sqlite3': sqlite says"));
    for (const int code : {SQLITE_BUSY, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_FULL, SQLITE_IOERR_FSYNC,
                           SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_PERM, SQLITE_AUTH, SQLITE_PROTOCOL}) {
        CAPTURE(code);
        CHECK(databaseError(path, code, QString()).kind == ErrorKind::Database);
        CHECK(message(code).contains(QStringLiteral("rapport.sqlite3")));
    }
}

TEST_CASE("A read-only file's plain SQLITE_READONLY says the file is read-only and how to fix it",
          "[database][errors]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("locked.sqlite3"));
    writeFileBytes(path, "x");
    setMode(path, 0444);
    setMode(dir.path(), 0777);
    FewerPrivileges user;
    if (!user.active())
        SKIP_WITH_WARNING("cannot act as user nobody; the read-only file is not tested");
    const QString text = databaseError(path, SQLITE_READONLY, QStringLiteral("attempt to write")).message;
    CHECK(text ==
          QStringLiteral("cannot open '%1' for writing: the file is read-only (chmod u+w '%1')").arg(path));
}
