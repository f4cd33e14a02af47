// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Database.h"

#include "core/storage/DatabaseBackup.h"
#include "core/storage/FileDiagnosis.h"
#include "core/storage/Migrations.h"
#include "core/storage/OwnCommits.h"
#include "core/storage/SqliteErrors.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QStandardPaths>
#include <sqlite3.h>

namespace rapport {

namespace {

QAtomicInt connectionCounter;

QString describe(const QSqlError& error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return text.trimmed();
}

sqlite3* handleOf(const QSqlDriver* driver)
{
    if (!driver)
        return nullptr;
    const QVariant handle = driver->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3* const*>(handle.constData());
    return nullptr;
}

// Everything that can be told from the file's metadata alone, before SQLite touches it. Nothing here
// opens the file: a FIFO would block the open, and on an open database closing any descriptor drops
// the process's locks (the cause of a WAL deleted from under the app).
Status checkLocation(const QString& path, OpenMode mode)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (const QString kind = fileDiagnosis::nonRegularKind(path); !kind.isEmpty())
            return Error::database(
                QStringLiteral("cannot open database '%1': it is %2, not a database file").arg(path, kind));
        if (mode == OpenMode::ReadOnly && info.size() == 0)
            return Error::database(QStringLiteral("'%1' is empty, not a Rapport database yet; it was opened "
                                                  "read-only, so it was left as it is")
                                       .arg(path));
        return {};
    }
    if (mode == OpenMode::ReadOnly)
        return Error::database(QStringLiteral("no database at '%1'").arg(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return Error::database(QStringLiteral("cannot create database '%1': folder '%2' does not exist")
                                   .arg(path, folder.filePath()));
    if (!folder.isDir())
        return Error::database(
            QStringLiteral("cannot create database '%1': '%2' is not a folder").arg(path, folder.filePath()));
    if (!fileDiagnosis::canWriteFolder(folder.filePath()) || fileDiagnosis::isOnReadOnlyFileSystem(path))
        return Error::database(QStringLiteral("cannot create database '%1': the folder '%2' is read-only "
                                              "(chmod u+w '%2')")
                                   .arg(path, folder.filePath()));
    return {};
}

// WAL mode, switched on after an upgrade (or the creation of the schema), so that a refused or
// failed upgrade leaves the file exactly as it was.
Status useWriteAheadLog(Database& db)
{
    const Result<QVariant> journal = db.scalar(QStringLiteral("PRAGMA journal_mode"));
    if (!journal)
        return journal.error();
    if (journal->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
        return {};
    const Result<QVariant> changed = db.scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!changed)
        return changed.error();
    // SQLite answers with the mode it stayed in when it cannot switch (a read-only file or folder).
    if (changed->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return databaseError(db.path(), SQLITE_READONLY,
                             QStringLiteral("cannot switch to write-ahead logging (WAL)"));
    return {};
}

} // namespace

Database::Database(QString path, QString connectionName, OpenMode mode)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_mode(mode)
{}

Database::~Database()
{
    if (m_handle)
        forgetConnectionPath(m_handle);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/rapport.sqlite3");
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, OpenMode mode)
{
    if (path.trimmed().isEmpty())
        return Error::usage(QStringLiteral("no database path given"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error::database(
            QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed; install libqt6sql6-sqlite"));
    if (Status location = checkLocation(path, mode); !location)
        return location.error();

    const QString name = QStringLiteral("rapport-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(path, name, mode));
    if (Status connected = database->connect(); !connected)
        return connected.error();
    if (Status configured = database->configure(); !configured)
        return configured.error();
    database->m_canonicalPath = QFileInfo(path).canonicalFilePath();
    if (mode == OpenMode::ReadWrite) {
        if (Status migrated = database->migrate(); !migrated)
            return migrated.error();
        if (Status logged = useWriteAheadLog(*database); !logged)
            return logged.error();
    }
    return database;
}

Status Database::connect()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (m_mode == OpenMode::ReadOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    db.setConnectOptions(options);
    if (!db.open()) {
        const int code = db.lastError().nativeErrorCode().toInt();
        return databaseError(m_path, code != 0 ? code : SQLITE_CANTOPEN, describe(db.lastError()));
    }
    m_handle = handleOf(db.driver());
    if (!m_handle)
        return Error::database(QStringLiteral("cannot open database '%1': no SQLite handle").arg(m_path));
    sqlite3_extended_result_codes(m_handle, 1);
    registerConnectionPath(m_handle, m_path);
    // SQLite falls back to reading when the file cannot be opened for writing; say so now rather than
    // at the first write.
    if (m_mode == OpenMode::ReadWrite && sqlite3_db_readonly(m_handle, "main") == 1)
        return databaseError(m_path, SQLITE_READONLY, QStringLiteral("attempt to write a readonly database"));
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    const Result<QVariant> version = scalar(QStringLiteral("PRAGMA user_version"));
    return version ? version->toInt() : -1;
}

qint64 Database::dataVersion() const
{
    const Result<QVariant> version = scalar(QStringLiteral("PRAGMA data_version"));
    return version ? version->toLongLong() : -1;
}

Result<Database::ChangeStamp> Database::changeStamp()
{
    Transaction snapshot(*this, TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    const Result<QVariant> revision = scalar(QStringLiteral("SELECT n FROM commit_revision"));
    if (!revision)
        return revision.error();
    ChangeStamp stamp;
    stamp.revision = revision->toLongLong();
    stamp.dataVersion = dataVersion();
    if (Status ended = snapshot.commit(); !ended)
        return ended.error();
    return stamp;
}

Status Database::configure()
{
    // The first read: SQLite reads the header here, so a file that is not SQLite (SQLITE_NOTADB), a
    // damaged or truncated one (SQLITE_CORRUPT) and a lock held by another program show up now, each
    // with its own message. Reading comes first and writes nothing, so a refused file is left untouched.
    if (const Result<QVariant> schema = scalar(QStringLiteral("PRAGMA schema_version")); !schema)
        return schema.error();
    const Result<QVariant> version = scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const Result<QVariant> applicationId = scalar(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return applicationId.error();
    const Result<QVariant> tableCount = scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!tableCount)
        return tableCount.error();
    if (tableCount->toInt() > 0 && applicationId->toInt() != rapportApplicationId)
        return Error::database(
            QStringLiteral("'%1' is an SQLite database but not a Rapport database; it was left untouched")
                .arg(m_path));
    if (version->toInt() > currentSchemaVersion())
        return Error::database(QStringLiteral("'%1' was written by a newer Rapport (schema version %2; this "
                                              "version reads up to %3); it was left untouched")
                                   .arg(m_path)
                                   .arg(version->toInt())
                                   .arg(currentSchemaVersion()));

    if (m_mode == OpenMode::ReadOnly) {
        if (tableCount->toInt() == 0)
            return Error::database(QStringLiteral("'%1' is empty, not a Rapport database yet; it was opened "
                                                  "read-only, so it was left as it is")
                                       .arg(m_path));
        if (version->toInt() < currentSchemaVersion())
            return Error::database(
                QStringLiteral("'%1' has schema version %2 and needs an upgrade to version %3, which this "
                               "read-only command does not do; open the file in the Rapport app or run any "
                               "writing command on it, which first backs it up to '%1.v%2.bak'")
                    .arg(m_path)
                    .arg(version->toInt())
                    .arg(currentSchemaVersion()));
        // A setting of this connection only: nothing is written.
        return execute(QStringLiteral("PRAGMA foreign_keys=ON"));
    }

    return execute(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL"));
}

Status Database::migrate()
{
    if (schemaVersion() == currentSchemaVersion())
        return {};

    // The write lock first, then the version again: another process may have upgraded the file in the
    // meantime, and no one can change it between the backup and the upgrade.
    if (Status begun = begin(); !begun)
        return begun;
    const int from = schemaVersion();
    if (from == currentSchemaVersion()) {
        rollback();
        return {};
    }
    if (from > currentSchemaVersion() || from < 0) {
        rollback();
        return Error::database(QStringLiteral("'%1' was upgraded to schema version %2 by another program "
                                              "while it was being opened; it was left untouched")
                                   .arg(m_path)
                                   .arg(from));
    }
    if (from > 0) {
        const QString backup = QStringLiteral("%1.v%2.bak").arg(m_path).arg(from);
        if (Status copied = writeDatabaseBackup(m_path, backup); !copied) {
            rollback();
            return copied;
        }
    }

    for (const Migration& migration : migrations()) {
        if (migration.version <= from)
            continue;
        for (const QString& statement : migration.statements) {
            QSqlQuery query(connection());
            if (!query.exec(statement)) {
                const Error reason = queryError(query);
                rollback();
                return Error::database(QStringLiteral("cannot upgrade '%1' to schema version %2 (%3): %4")
                                           .arg(m_path)
                                           .arg(migration.version)
                                           .arg(QString::fromLatin1(migration.description), reason.message));
            }
        }
    }
    const Status stamped = execute(QStringLiteral("PRAGMA application_id=%1; PRAGMA user_version=%2")
                                       .arg(rapportApplicationId)
                                       .arg(currentSchemaVersion()));
    if (!stamped) {
        rollback();
        return stamped;
    }
    return commit();
}

Status Database::execute(const QString& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const int code = sqlite3_extended_errcode(m_handle);
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
        sqlite3_free(message);
        return databaseError(m_path, code, text);
    }
    return {};
}

QSqlQuery Database::prepare(const QString& sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    return query;
}

Status Database::run(QSqlQuery& query)
{
    if (!query.exec())
        return queryError(query);
    return {};
}

Error Database::queryError(const QSqlQuery& query)
{
    const QSqlError error = query.lastError();
    sqlite3* handle = handleOf(query.driver());
    // Qt's driver records the (extended) code SQLite returned for the failed call.
    bool numeric = false;
    int code = error.nativeErrorCode().toInt(&numeric);
    if (!numeric || code == 0)
        code = handle ? sqlite3_extended_errcode(handle) : SQLITE_ERROR;
    if (code == 0)
        code = SQLITE_ERROR;
    return databaseError(connectionPath(handle), code, describe(error));
}

Result<QVariant> Database::scalar(const QString& sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return queryError(query);
    if (!query.next())
        return QVariant();
    return query.value(0);
}

Status Database::begin(TransactionMode mode)
{
    const Status begun = m_transactionDepth == 0
                             ? execute(mode == TransactionMode::Write ? QStringLiteral("BEGIN IMMEDIATE")
                                                                      : QStringLiteral("BEGIN DEFERRED"))
                             : execute(QStringLiteral("SAVEPOINT level%1").arg(m_transactionDepth));
    if (!begun)
        return begun;
    if (m_transactionDepth == 0) {
        m_outermostMode = mode;
        m_changesAtBegin = sqlite3_total_changes64(m_handle);
    }
    ++m_transactionDepth;
    return begun;
}

Status Database::commit()
{
    Q_ASSERT(m_transactionDepth > 0);
    const Status committed = m_transactionDepth == 1
                                 ? commitOutermost()
                                 : execute(QStringLiteral("RELEASE level%1").arg(m_transactionDepth - 1));
    if (committed)
        --m_transactionDepth;
    else
        rollback();
    return committed;
}

Status Database::commitOutermost()
{
    if (m_outermostMode == TransactionMode::Read || sqlite3_total_changes64(m_handle) == m_changesAtBegin)
        return execute(QStringLiteral("COMMIT"));
    const Result<QVariant> revision =
        scalar(QStringLiteral("UPDATE commit_revision SET n = n + 1 RETURNING n"));
    if (!revision)
        return revision.error();
    if (Status committed = execute(QStringLiteral("COMMIT")); !committed)
        return committed;
    OwnCommits::record(m_canonicalPath, revision->toLongLong());
    return {};
}

void Database::rollback()
{
    Q_ASSERT(m_transactionDepth > 0);
    --m_transactionDepth;
    if (m_transactionDepth == 0) {
        sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const QByteArray level = QByteArray::number(m_transactionDepth);
        sqlite3_exec(m_handle,
                     QByteArray("ROLLBACK TO level" + level + "; RELEASE level" + level).constData(), nullptr,
                     nullptr, nullptr);
    }
}

int Database::lastChanges() const
{
    return sqlite3_changes(m_handle);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

Transaction::Transaction(Database& db, TransactionMode mode)
    : m_db(db)
    , m_begun(db.begin(mode))
    , m_open(m_begun.ok())
{}

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? Error::database(QStringLiteral("transaction already finished")) : m_begun;
    m_open = false;
    return m_db.commit();
}

ChangeSourceScope::ChangeSourceScope(Database& db, ChangeSource source)
    : m_db(db)
    , m_before(db.changeAttribution().source)
{
    if (m_before == ChangeSource::Undo || m_before == ChangeSource::Redo)
        return;
    ChangeAttribution attribution = db.changeAttribution();
    attribution.source = source;
    db.setChangeAttribution(attribution);
}

ChangeSourceScope::~ChangeSourceScope()
{
    ChangeAttribution attribution = m_db.changeAttribution();
    attribution.source = m_before;
    m_db.setChangeAttribution(attribution);
}

} // namespace rapport
