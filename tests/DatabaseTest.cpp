// SPDX-License-Identifier: GPL-3.0-or-later
// Opening, refusing, migrating and transactions of the database file.
#include "core/storage/Database.h"

#include "core/storage/Migrations.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <cstring>
#include <sqlite3.h>

using namespace rapport;
using namespace rapport::test;

namespace {

QByteArray readBytes(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Runs SQL on a file with the plain SQLite library, as another program (or an older/newer Rapport) would.
qint64 rawNumber(const QString& path, const char* sql)
{
    sqlite3* handle = nullptr;
    REQUIRE(sqlite3_open_v2(QFile::encodeName(path).constData(), &handle, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    REQUIRE(sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
    const qint64 value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(handle);
    return value;
}

Error openFails(const QString& path)
{
    Result<std::unique_ptr<Database>> opened = Database::open(path);
    REQUIRE_FALSE(opened.ok());
    return opened.error();
}

void addMember(Database& db, const QString& name)
{
    QSqlQuery insert =
        db.prepare(QStringLiteral("INSERT INTO team_members (name, created_at) VALUES (?, 0)"));
    insert.addBindValue(name);
    requireOk(Database::run(insert));
}

const QString memberCount = QStringLiteral("SELECT count(*) FROM team_members");

} // namespace

TEST_CASE("Opening a new file creates it with the current schema", "[database]")
{
    TempDatabase temp;
    Database& db = temp.db();

    CHECK(QFileInfo(temp.path()).isFile());
    CHECK(db.path() == temp.path());
    CHECK(db.schemaVersion() == currentSchemaVersion());
    CHECK(temp.number(QStringLiteral("PRAGMA user_version")) == currentSchemaVersion());
    CHECK(temp.number(QStringLiteral("PRAGMA application_id")) == rapportApplicationId);
    CHECK(db.handle() != nullptr);
    CHECK(db.connection().isOpen());
    CHECK(db.transactionDepth() == 0);

    for (const char* table : {"team_members", "contacts", "contact_methods", "tags", "contact_tags",
                              "interactions", "trust_notes", "relationship_state", "settings",
                              "contact_search", "interaction_search", "note_search"}) {
        CAPTURE(table);
        CHECK(temp.number(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = '%1'")
                              .arg(QLatin1String(table))) == 1);
    }
}

TEST_CASE("An open database enforces foreign keys and uses WAL", "[database]")
{
    TempDatabase temp;
    CHECK(temp.number(QStringLiteral("PRAGMA foreign_keys")) == 1);
    const Result<QVariant> journal = temp.db().scalar(QStringLiteral("PRAGMA journal_mode"));
    REQUIRE(journal.ok());
    CHECK(journal->toString() == QStringLiteral("wal"));

    const Status orphan = temp.db().execute(
        QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel, direction, "
                       "created_at) VALUES (4242, 0, 'email', 'outbound', 0)"));
    REQUIRE_FALSE(orphan.ok());
    CHECK(orphan.error().kind == ErrorKind::Database);
    CHECK(orphan.error().message.contains(QStringLiteral("FOREIGN KEY")));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
}

TEST_CASE("Reopening a database keeps its data and does not migrate again", "[database]")
{
    TempDatabase temp;
    addMember(temp.db(), QStringLiteral("Robin"));
    temp.close();
    temp.reopen();

    CHECK(temp.number(memberCount) == 1);
    CHECK(temp.db().schemaVersion() == currentSchemaVersion());
    CHECK_FALSE(QFileInfo::exists(QStringLiteral("%1.v%2.bak").arg(temp.path()).arg(currentSchemaVersion())));
}

TEST_CASE("Two connections on the same file see each other's committed rows", "[database]")
{
    TempDatabase temp;
    std::unique_ptr<Database> second = require(Database::open(temp.path()));
    addMember(temp.db(), QStringLiteral("Robin"));
    const Result<QVariant> seen = second->scalar(memberCount);
    REQUIRE(seen.ok());
    CHECK(seen->toInt() == 1);
}

TEST_CASE("A file written by a newer Rapport is refused and left untouched", "[database]")
{
    TempDatabase temp;
    addMember(temp.db(), QStringLiteral("Robin"));
    temp.close();
    rawExecute(temp.path(), "PRAGMA user_version = 99");
    const QByteArray before = readBytes(temp.path());

    const Error error = openFails(temp.path());
    CHECK(error.kind == ErrorKind::Database);
    CHECK(error.message.contains(QStringLiteral("newer")));
    CHECK(error.message.contains(temp.path()));
    CHECK(error.message.contains(QStringLiteral("99")));

    CHECK(readBytes(temp.path()) == before);
    CHECK(rawNumber(temp.path(), "PRAGMA user_version") == 99);
    CHECK(rawNumber(temp.path(), "SELECT count(*) FROM team_members") == 1);
    CHECK(QDir(temp.folder()).entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
}

TEST_CASE("A file that is not SQLite is refused with a clear message and left untouched", "[database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("contacts.csv"));
    const QByteArray text("name,email\nAna Lima,ana@example.com\n");
    writeBytes(path, text);

    const Error error = openFails(path);
    CHECK(error.kind == ErrorKind::Database);
    CHECK(error.message.contains(path));
    CHECK(error.message.contains(QStringLiteral("not an SQLite file")));
    CHECK(readBytes(path) == text);
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{QStringLiteral("contacts.csv")});
}

TEST_CASE("An SQLite database of another program is refused and left untouched", "[database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("other.db"));
    rawExecute(
        path,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')");
    const QByteArray before = readBytes(path);

    const Error error = openFails(path);
    CHECK(error.kind == ErrorKind::Database);
    CHECK(error.message.contains(path));
    CHECK(error.message.contains(QStringLiteral("not a Rapport database")));
    CHECK(readBytes(path) == before);
    CHECK(rawNumber(path, "PRAGMA application_id") == 0);
    CHECK(rawNumber(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'contacts'") == 0);
}

TEST_CASE("A folder is refused as a database path", "[database]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const Error error = openFails(dir.path());
    CHECK(error.kind == ErrorKind::Database);
    CHECK(error.message.contains(dir.path()));
    CHECK(error.message.contains(QStringLiteral("folder")));
    CHECK(QDir(dir.path()).isEmpty());
}

TEST_CASE("A location that cannot be written is refused with an error naming the path", "[database]")
{
    // Tests may run as root, for whom file permissions do not stop writes: use places nobody can write.
    SECTION("a file under /proc")
    {
        const QString path = QStringLiteral("/proc/rapport-test.sqlite3");
        const Error error = openFails(path);
        CHECK(error.kind == ErrorKind::Database);
        CHECK(error.message.contains(path));
        CHECK_FALSE(QFileInfo::exists(path));
    }
    SECTION("a file whose parent is a regular file")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString parent = dir.filePath(QStringLiteral("plain.txt"));
        writeBytes(parent, "not a folder");
        const QString path = parent + QStringLiteral("/rapport.sqlite3");
        const Error error = openFails(path);
        CHECK(error.kind == ErrorKind::Database);
        CHECK(error.message.contains(path));
        CHECK(error.message.contains(QStringLiteral("'%1' is not a folder").arg(parent)));
        CHECK(readBytes(parent) == QByteArray("not a folder"));
    }
    SECTION("a file in a folder that does not exist")
    {
        QTemporaryDir dir;
        REQUIRE(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("missing/rapport.sqlite3"));
        const Error error = openFails(path);
        CHECK(error.kind == ErrorKind::Database);
        CHECK(error.message.contains(path));
        CHECK(error.message.contains(QStringLiteral("does not exist")));
        CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));
    }
}

TEST_CASE("An empty database path is a usage error", "[database]")
{
    const Error error = openFails(QStringLiteral("  "));
    CHECK(error.kind == ErrorKind::Usage);
    CHECK(error.message.contains(QStringLiteral("path")));
}

TEST_CASE("An empty file is migrated from version 0 to the current schema", "[database][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("empty.sqlite3"));

    SECTION("a zero-byte file")
    {
        writeBytes(path, QByteArray());
    }
    SECTION("an SQLite file without tables at user_version 0")
    {
        rawExecute(path, "PRAGMA page_size = 4096; VACUUM");
        REQUIRE(rawNumber(path, "PRAGMA user_version") == 0);
    }

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(db->scalar(QStringLiteral("PRAGMA application_id"))).toInt() == rapportApplicationId);
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'contacts'")))
              .toInt() == 1);
    CHECK(db->transactionDepth() == 0);
    // Nothing to keep from version 0, so no backup copy.
    CHECK(QDir(dir.path()).entryList({QStringLiteral("*.bak")}, QDir::Files).isEmpty());
}

TEST_CASE("The migration list is ordered and ends at the current version", "[database][migrations]")
{
    const QList<Migration>& all = migrations();
    REQUIRE_FALSE(all.isEmpty());
    CHECK(all.constFirst().version == 1);
    for (qsizetype i = 0; i < all.size(); ++i) {
        CAPTURE(i);
        CHECK(all.at(i).version == i + 1);
        CHECK(std::strlen(all.at(i).description) > 0);
        CHECK_FALSE(all.at(i).statements.isEmpty());
    }
    CHECK(currentSchemaVersion() == all.constLast().version);
}

TEST_CASE("A committed transaction keeps its rows", "[database][transaction]")
{
    TempDatabase temp;
    Database& db = temp.db();
    {
        Transaction transaction(db);
        requireOk(transaction.status());
        CHECK(db.transactionDepth() == 1);
        addMember(db, QStringLiteral("Robin"));
        requireOk(transaction.commit());
        CHECK(db.transactionDepth() == 0);
    }
    CHECK(temp.number(memberCount) == 1);
}

TEST_CASE("A transaction that is not committed leaves nothing behind", "[database][transaction]")
{
    TempDatabase temp;
    Database& db = temp.db();
    {
        Transaction transaction(db);
        requireOk(transaction.status());
        addMember(db, QStringLiteral("Robin"));
        CHECK(temp.number(memberCount) == 1);
    }
    CHECK(db.transactionDepth() == 0);
    CHECK(temp.number(memberCount) == 0);
}

TEST_CASE("Rolling back an outer transaction discards its committed inner transactions",
          "[database][transaction]")
{
    TempDatabase temp;
    Database& db = temp.db();
    {
        Transaction outer(db);
        requireOk(outer.status());
        addMember(db, QStringLiteral("Robin"));
        {
            Transaction inner(db);
            requireOk(inner.status());
            CHECK(db.transactionDepth() == 2);
            addMember(db, QStringLiteral("Sam"));
            {
                Transaction innermost(db);
                requireOk(innermost.status());
                CHECK(db.transactionDepth() == 3);
                addMember(db, QStringLiteral("Kim"));
                requireOk(innermost.commit());
            }
            requireOk(inner.commit());
        }
        CHECK(db.transactionDepth() == 1);
        CHECK(temp.number(memberCount) == 3);
    }
    CHECK(db.transactionDepth() == 0);
    CHECK(temp.number(memberCount) == 0);

    // The connection is usable afterwards: nothing is left open.
    addMember(db, QStringLiteral("Alex"));
    temp.close();
    temp.reopen();
    CHECK(temp.number(memberCount) == 1);
}

TEST_CASE("Rolling back an inner transaction keeps the outer transaction's work", "[database][transaction]")
{
    TempDatabase temp;
    Database& db = temp.db();
    {
        Transaction outer(db);
        addMember(db, QStringLiteral("Robin"));
        {
            Transaction inner(db);
            addMember(db, QStringLiteral("Sam"));
            CHECK(temp.number(memberCount) == 2);
        }
        CHECK(db.transactionDepth() == 1);
        CHECK(temp.number(memberCount) == 1);
        {
            Transaction again(db);
            addMember(db, QStringLiteral("Kim"));
            requireOk(again.commit());
        }
        requireOk(outer.commit());
    }
    CHECK(temp.number(QStringLiteral("SELECT group_concat(name, ',') = 'Robin,Kim' FROM "
                                     "(SELECT name FROM team_members ORDER BY id)")) == 1);
}

TEST_CASE("A transaction cannot be committed twice", "[database][transaction]")
{
    TempDatabase temp;
    Transaction transaction(temp.db());
    requireOk(transaction.commit());
    const Status again = transaction.commit();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::Database);
    CHECK(again.error().message.contains(QStringLiteral("already finished")));
    CHECK(temp.db().transactionDepth() == 0);
}

TEST_CASE("Failed statements report database errors naming the file", "[database]")
{
    TempDatabase temp;
    Database& db = temp.db();

    const Status executed = db.execute(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
    REQUIRE_FALSE(executed.ok());
    CHECK(executed.error().kind == ErrorKind::Database);
    CHECK(executed.error().message.contains(temp.path()));
    CHECK(executed.error().message.contains(QStringLiteral("no_such_table")));

    const Result<QVariant> value = db.scalar(QStringLiteral("SELECT missing FROM nowhere"));
    REQUIRE_FALSE(value.ok());
    CHECK(value.error().kind == ErrorKind::Database);
    INFO(value.error().message.toStdString());
    CHECK(value.error().message.contains(QStringLiteral("nowhere")));

    QSqlQuery duplicate =
        db.prepare(QStringLiteral("INSERT INTO team_members (name, created_at) VALUES (?, 0)"));
    duplicate.bindValue(0, QStringLiteral("Robin"));
    requireOk(Database::run(duplicate));
    duplicate.bindValue(0, QStringLiteral("robin"));
    const Status second = Database::run(duplicate);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().kind == ErrorKind::Database);
    CHECK(second.error().message.contains(QStringLiteral("UNIQUE")));
    CHECK(temp.number(memberCount) == 1);
}

TEST_CASE("A query without rows gives a null scalar", "[database]")
{
    TempDatabase temp;
    const Result<QVariant> value = temp.db().scalar(QStringLiteral("SELECT id FROM contacts"));
    REQUIRE(value.ok());
    CHECK(value->isNull());
}

TEST_CASE("The database reports the changes and id of the last insert", "[database]")
{
    TempDatabase temp;
    Database& db = temp.db();
    requireOk(db.execute(
        QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('Robin', 0), ('Sam', 0)")));
    CHECK(db.lastChanges() == 2);
    CHECK(db.lastInsertId() == temp.number(QStringLiteral("SELECT max(id) FROM team_members")));
    requireOk(
        db.execute(QStringLiteral("UPDATE team_members SET email = 'x@example.com' WHERE name = 'Sam'")));
    CHECK(db.lastChanges() == 1);
}

TEST_CASE("The default database path is a rapport file in the application data folder", "[database]")
{
    const QString path = Database::defaultPath();
    CHECK(path.endsWith(QStringLiteral("/rapport.sqlite3")));
    CHECK(QFileInfo(path).isAbsolute());
}

TEST_CASE("A version 1 file is migrated to version 2 with its data, a filled activity rollup and a stale "
          "past-health cache",
          "[database][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v1.sqlite3"));
    rawExecute(path, schemaUpTo(1).constData());
    rawExecute(path, QByteArray("PRAGMA application_id = " + QByteArray::number(rapportApplicationId) +
                                "; PRAGMA user_version = 1")
                         .constData());
    // 2026-06-01 is a Monday: two interactions that week, one the week before, for a tagged, owned contact.
    rawExecute(path,
               "INSERT INTO team_members (id, name, created_at) VALUES (7, 'Grace', 0);"
               "INSERT INTO tags (id, name) VALUES (3, 'press');"
               "INSERT INTO contacts (id, display_name, owner_id, created_at, updated_at)"
               " VALUES (1, 'Ada', 7, 0, 0);"
               "INSERT INTO contact_tags VALUES (1, 3);"
               "INSERT INTO interactions (contact_id, occurred_at, channel, direction, created_at) VALUES"
               " (1, 1780272000, 'email', 'outbound', 0), (1, 1780358400, 'email', 'outbound', 0),"
               " (1, 1780185600, 'call', 'inbound', 0)");

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(QFileInfo::exists(path + QStringLiteral(".v1.bak")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM interactions"))).toInt() == 3);
    const auto count = [&](const char* where) {
        return require(db->scalar(QStringLiteral("SELECT coalesce(sum(n), 0) FROM activity_weeks WHERE %1")
                                      .arg(QLatin1String(where))))
            .toInt();
    };
    CHECK(count("week = 1780272000 AND owner_id = 7 AND tag_id = 0 AND channel = 'email'"
                " AND direction = 'outbound'") == 2);
    CHECK(count("week = 1780272000 AND owner_id = 7 AND tag_id = 3") == 2);
    CHECK(count("week = 1779667200 AND tag_id = 3 AND channel = 'call' AND direction = 'inbound'") == 1);
    CHECK(count("tag_id = 0") == 3);
    // The past-health cache starts empty and stale, and a backdated write keeps it stale.
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM health_weeks"))).toInt() == 0);
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contact_weeks"))).toInt() == 0);
    CHECK(require(db->scalar(QStringLiteral("SELECT valid FROM health_cache"))).toInt() == 0);
    requireOk(db->execute(QStringLiteral("UPDATE contacts SET archived = 1 WHERE id = 1")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM health_cache WHERE valid = 0"))).toInt() ==
          1);
}

TEST_CASE("Opening read-only never creates, migrates or writes the file", "[database][readonly]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("missing.sqlite3"));
    const Error error = [&] {
        Result<std::unique_ptr<Database>> opened = Database::open(missing, OpenMode::ReadOnly);
        REQUIRE_FALSE(opened.ok());
        return opened.error();
    }();
    CHECK(error.kind == ErrorKind::Database);
    CHECK(error.message.contains(QStringLiteral("no database at '%1'").arg(missing)));
    CHECK(QDir(dir.path()).isEmpty());

    const QString path = dir.filePath(QStringLiteral("rapport.sqlite3"));
    {
        std::unique_ptr<Database> db = require(Database::open(path));
        addMember(*db, QStringLiteral("Robin"));
    }
    const QByteArray before = readBytes(path);
    {
        std::unique_ptr<Database> db = require(Database::open(path, OpenMode::ReadOnly));
        CHECK(db->mode() == OpenMode::ReadOnly);
        CHECK(sqlite3_db_readonly(db->handle(), "main") == 1);
        CHECK(require(db->scalar(memberCount)).toInt() == 1);
        CHECK(require(db->scalar(QStringLiteral("PRAGMA foreign_keys"))).toInt() == 1);
    }
    CHECK(readBytes(path) == before);
}

TEST_CASE("Connections wait at least 10 s for a lock, and write transactions take it at once",
          "[database][transaction]")
{
    TempDatabase temp;
    CHECK(Database::busyTimeoutMs >= 10000);
    CHECK(temp.number(QStringLiteral("PRAGMA busy_timeout")) == Database::busyTimeoutMs);
    std::unique_ptr<Database> reader = require(Database::open(temp.path(), OpenMode::ReadOnly));
    CHECK(require(reader->scalar(QStringLiteral("PRAGMA busy_timeout"))).toInt() == Database::busyTimeoutMs);

    // BEGIN IMMEDIATE: the write lock is held from begin(), before any statement writes.
    Transaction transaction(temp.db());
    requireOk(transaction.status());
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open_v2(QFile::encodeName(temp.path()).constData(), &other, SQLITE_OPEN_READWRITE,
                            nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_BUSY);
    sqlite3_close(other);
}

TEST_CASE("Errors of prepared queries name the file", "[database]")
{
    TempDatabase temp;
    QSqlQuery duplicate =
        temp.db().prepare(QStringLiteral("INSERT INTO team_members (name, created_at) VALUES (?, 0)"));
    duplicate.bindValue(0, QStringLiteral("Robin"));
    requireOk(Database::run(duplicate));
    const Status again = Database::run(duplicate);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.startsWith(QStringLiteral("database '%1': ").arg(temp.path())));
    CHECK(again.error().message.contains(QStringLiteral("UNIQUE constraint failed")));
}
