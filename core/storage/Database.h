// SPDX-License-Identifier: GPL-3.0-or-later
// An open Rapport database file: one Qt SQL connection (QSQLITE) with WAL, foreign keys and a busy
// timeout; opened for writing it is migrated to the current schema, opened read-only it is only read.
// One Database per thread; never share it across threads. Only SQLite ever opens the file (see
// FileDiagnosis.h for why).
#pragma once

#include "core/base/Result.h"
#include "core/model/ContactChange.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

struct sqlite3;

namespace rapport {

enum class TransactionMode
{
    Write, // takes the write lock at once, so that a later write cannot fail with SQLITE_BUSY
    Read   // a snapshot for a series of reads
};

enum class OpenMode
{
    // Creates the file (and the schema) when it does not exist, or fills a zero-byte file; upgrades an
    // older schema after a backup copy FILE.vN.bak; puts the file in WAL mode.
    ReadWrite,
    // SQLITE_OPEN_READONLY: never creates, upgrades or writes the file. A missing or empty file, or one
    // whose schema is older than this version's, is refused.
    //
    // A WAL database needs its -shm (and -wal) to be read safely. SQLite 3.40 creates them beside a
    // read-only file when the folder is writable, and cannot remove them afterwards (the next writer
    // does); it reads a file in a read-only folder only while they exist there (another program has
    // the file open), and otherwise fails with SQLITE_READONLY_DIRECTORY, which is reported as such.
    // immutable=1 would read without them but is only safe when no one can write the file, which
    // Rapport cannot know, so it is not used.
    ReadOnly
};

// Who a contact's change history says made a connection's writes, and in the course of what. Core cannot
// know who is at the keyboard: the desktop app sets its "I am" member, the command line the configured
// one, and each worker connection gets the attribution of the connection it works for.
struct ChangeAttribution
{
    std::optional<qint64> authorId; // a team member
    ChangeSource source = ChangeSource::Edit;
};

class Database
{
public:
    // How long a statement waits for another connection's lock before it fails with "locked".
    static constexpr int busyTimeoutMs = 10000;

    // Opens the file. Something that is not a regular file, a file that is not SQLite, another
    // program's SQLite database, a Rapport file from a newer version, or a location that cannot be
    // used is refused with an error naming the path and what to do, and the file is left as it was.
    static Result<std::unique_ptr<Database>> open(const QString& path, OpenMode mode = OpenMode::ReadWrite);

    // Where the GUI and the command line keep their database when none is given.
    static QString defaultPath();

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    OpenMode mode() const { return m_mode; }
    QSqlDatabase connection() const;
    // The SQLite handle behind the Qt connection, for the few bulk paths that need it.
    sqlite3* handle() const { return m_handle; }
    int schemaVersion() const;
    // A number that changes whenever another connection (another thread, process or tool) commits to
    // the file; this connection's own commits leave it as it is. -1 when it cannot be read.
    qint64 dataVersion() const;
    // What a watcher compares between two looks, read in one snapshot: data_version says whether any
    // other connection committed; the revision, raised by every Rapport write transaction, says which
    // commits they were (see OwnCommits).
    struct ChangeStamp
    {
        qint64 dataVersion = -1;
        qint64 revision = 0;
    };
    Result<ChangeStamp> changeStamp();
    // The file's path with links resolved: the same for every connection to one file.
    const QString& canonicalPath() const { return m_canonicalPath; }

    // Runs statements that return no rows; a failure is a database error naming the file.
    Status execute(const QString& sql);
    // A prepared query on this connection; errors are reported by run() below.
    QSqlQuery prepare(const QString& sql) const;
    // Executes a prepared query, turning a failure into a database error naming the file.
    static Status run(QSqlQuery& query);
    // The database error of a failed query of any Database's connection.
    static Error queryError(const QSqlQuery& query);
    // A single value from a query with no parameters.
    Result<QVariant> scalar(const QString& sql) const;

    // Transaction nesting: the outermost level is BEGIN IMMEDIATE/COMMIT, inner ones are savepoints.
    // A read transaction (BEGIN DEFERRED) gives a consistent snapshot without taking the write lock: in WAL
    // mode it never blocks a writer on another connection.
    Status begin(TransactionMode mode = TransactionMode::Write);
    Status commit();
    void rollback();
    int transactionDepth() const { return m_transactionDepth; }

    const ChangeAttribution& changeAttribution() const { return m_attribution; }
    void setChangeAttribution(const ChangeAttribution& attribution) { m_attribution = attribution; }

    // Number of row changes by the last INSERT/UPDATE/DELETE.
    int lastChanges() const;
    // The rowid of the last row inserted on this connection.
    qint64 lastInsertId() const;

private:
    Database(QString path, QString connectionName, OpenMode mode);
    Status connect();
    Status configure();
    Status migrate();

    Status commitOutermost();

    QString m_path;
    QString m_canonicalPath;
    QString m_connectionName;
    OpenMode m_mode;
    sqlite3* m_handle = nullptr;
    int m_transactionDepth = 0;
    TransactionMode m_outermostMode = TransactionMode::Read;
    qint64 m_changesAtBegin = 0; // sqlite3_total_changes64 when the outermost transaction began
    ChangeAttribution m_attribution;
};

// Qt SQL binds a null QString as SQL NULL; text columns here are NOT NULL with '' for "none".
inline QVariant textValue(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

// Begins a (possibly nested) transaction and rolls it back unless commit() was called.
class Transaction
{
public:
    explicit Transaction(Database& db, TransactionMode mode = TransactionMode::Write);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    const Status& status() const { return m_begun; }
    Status commit();

private:
    Database& m_db;
    Status m_begun;
    bool m_open = false;
};

// Attributes a connection's writes to `source` while it lives, then to what they were before. An undo or
// a redo stays one: what it runs (a bulk edit putting owners back, an unmerge) is recorded as that undo.
class ChangeSourceScope
{
public:
    ChangeSourceScope(Database& db, ChangeSource source);
    ~ChangeSourceScope();
    ChangeSourceScope(const ChangeSourceScope&) = delete;
    ChangeSourceScope& operator=(const ChangeSourceScope&) = delete;

private:
    Database& m_db;
    ChangeSource m_before;
};

} // namespace rapport
