#include "Database.h"

#include "Migrations.h"
#include "OwnCommits.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
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

// Reads the first bytes of an existing file to tell "not SQLite at all" from other failures, so the
// user is told what the file is rather than SQLite's terse "file is not a database".
Status checkLooksLikeSqlite(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::database(QStringLiteral("cannot read database '%1': %2").arg(path, file.errorString()));
    if (file.size() == 0)
        return {};
    const QByteArray header = file.read(16);
    if (header != QByteArray("SQLite format 3\0", 16))
        return Error::database(
            QStringLiteral("'%1' is not a Rapport database: it is not an SQLite file").arg(path));
    return {};
}

Status checkLocation(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return Error::database(QStringLiteral("cannot open database '%1': it is a folder").arg(path));
        return checkLooksLikeSqlite(path);
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        return Error::database(QStringLiteral("cannot create database '%1': folder '%2' does not exist")
                                   .arg(path, folder.filePath()));
    if (!folder.isDir())
        return Error::database(
            QStringLiteral("cannot create database '%1': '%2' is not a folder").arg(path, folder.filePath()));
    return {};
}

} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
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

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    if (path.trimmed().isEmpty())
        return Error::usage(QStringLiteral("no database path given"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error::database(
            QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed; install libqt6sql6-sqlite"));
    if (Status location = checkLocation(path); !location)
        return location.error();

    const QString name = QStringLiteral("rapport-%1").arg(connectionCounter.fetchAndAddRelaxed(1));
    std::unique_ptr<Database> database(new Database(path, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return Error::database(
                QStringLiteral("cannot open database '%1': %2").arg(path, describe(db.lastError())));
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
            database->m_handle = *static_cast<sqlite3* const*>(handle.constData());
        if (!database->m_handle)
            return Error::database(QStringLiteral("cannot open database '%1': no SQLite handle").arg(path));
    }
    if (Status configured = database->configure(); !configured)
        return configured.error();
    database->m_canonicalPath = QFileInfo(path).canonicalFilePath();
    if (Status migrated = database->migrate(); !migrated)
        return migrated.error();
    return database;
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
    // Reading comes first and writes nothing, so a foreign or newer file is refused untouched.
    const Result<QVariant> version = scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Error::database(
            QStringLiteral("cannot read database '%1': %2").arg(m_path, version.error().message));
    const Result<QVariant> applicationId = scalar(QStringLiteral("PRAGMA application_id"));
    const Result<QVariant> tableCount = scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    if (!applicationId || !tableCount)
        return Error::database(QStringLiteral("cannot read database '%1'").arg(m_path));
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

    const Result<QVariant> journal = scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal || journal->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return Error::database(
            QStringLiteral("cannot open database '%1' for writing: the file or its folder is "
                           "read-only")
                .arg(m_path));
    return execute(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL"));
}

Status Database::migrate()
{
    const int from = schemaVersion();
    if (from == currentSchemaVersion())
        return {};

    if (from > 0) {
        const QString backup = QStringLiteral("%1.v%2.bak").arg(m_path).arg(from);
        QFile::remove(backup);
        QSqlQuery vacuum(connection());
        vacuum.prepare(QStringLiteral("VACUUM INTO ?"));
        vacuum.addBindValue(backup);
        if (!vacuum.exec())
            return Error::database(QStringLiteral("cannot back up '%1' to '%2' before upgrading it: %3")
                                       .arg(m_path, backup, describe(vacuum.lastError())));
    }

    if (Status begun = begin(); !begun)
        return begun;
    for (const Migration& migration : migrations()) {
        if (migration.version <= from)
            continue;
        for (const QString& statement : migration.statements) {
            QSqlQuery query(connection());
            if (!query.exec(statement)) {
                const QString reason = describe(query.lastError());
                rollback();
                return Error::database(QStringLiteral("cannot upgrade '%1' to schema version %2 (%3): %4")
                                           .arg(m_path)
                                           .arg(migration.version)
                                           .arg(QString::fromLatin1(migration.description), reason));
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
        const QString text = QString::fromUtf8(message ? message : sqlite3_errmsg(m_handle));
        sqlite3_free(message);
        return Error::database(QStringLiteral("database '%1': %2").arg(m_path, text));
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
        return Error::database(describe(query.lastError()));
    return {};
}

Result<QVariant> Database::scalar(const QString& sql) const
{
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return Error::database(describe(query.lastError()));
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

} // namespace rapport
