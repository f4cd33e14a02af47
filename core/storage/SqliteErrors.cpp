// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SqliteErrors.h"

#include "core/storage/Database.h"
#include "core/storage/FileDiagnosis.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <sqlite3.h>

namespace rapport {

namespace {

QMutex pathsMutex;
QHash<sqlite3*, QString>& paths()
{
    static QHash<sqlite3*, QString> all;
    return all;
}

QString quoted(const QString& path)
{
    return QLatin1Char('\'') + path + QLatin1Char('\'');
}

// SQLite says SQLITE_FULL, or an I/O error on a disk with no space left: the same advice for both.
Error diskFullError(const QString& quotedFile)
{
    return Error::database(
        QStringLiteral("cannot write %1: the disk is full; free some space and try again").arg(quotedFile));
}

// The backups Rapport wrote before upgrades ("F.v1.bak"), found by listing the folder.
QString restoreAdvice(const QString& path)
{
    const QFileInfo info(path);
    const QStringList backups = QDir(info.absolutePath())
                                    .entryList({info.fileName() + QStringLiteral(".v*.bak")}, QDir::Files,
                                               QDir::Name | QDir::Reversed);
    if (backups.isEmpty())
        return QStringLiteral("restore it from a backup");
    QStringList named;
    for (const QString& backup : backups)
        named << quoted(QDir(info.path()).filePath(backup));
    return QStringLiteral("restore %1 or another backup").arg(named.join(QStringLiteral(" or ")));
}

Error readOnlyError(const QString& path, int code, const QString& sqliteText)
{
    const QString file = quoted(path);
    const QString folder = fileDiagnosis::folderOf(path);
    switch (code) {
    case SQLITE_READONLY_RECOVERY:
        return Error::database(
            QStringLiteral("cannot read %1: its write-ahead log %2 must be recovered first, which a "
                           "read-only command does not do; open the file once in the app or run any "
                           "writing command on it")
                .arg(file, quoted(path + QStringLiteral("-wal"))));
    case SQLITE_READONLY_ROLLBACK:
        return Error::database(
            QStringLiteral("cannot read %1: an interrupted write left %2, which only a writing command can "
                           "roll back; open the file once in the app or run any writing command on it")
                .arg(file, quoted(path + QStringLiteral("-journal"))));
    case SQLITE_READONLY_CANTLOCK:
    case SQLITE_READONLY_CANTINIT:
        return Error::database(
            QStringLiteral("cannot read %1: SQLite cannot set up its shared-memory file %2 (it is read-only "
                           "or cannot be created); make %2 and the folder '%3' writable")
                .arg(file, quoted(path + QStringLiteral("-shm")), folder));
    case SQLITE_READONLY_DIRECTORY:
        return Error::database(
            QStringLiteral(
                "cannot create %1 beside %2: the folder '%3' is read-only; Rapport needs to create "
                "its write-ahead log there, and SQLite needs it even to read a database in WAL "
                "mode (chmod u+w '%3', or copy the file to a writable folder)")
                .arg(quoted(path + QStringLiteral("-wal")), file, folder));
    case SQLITE_READONLY_DBMOVED:
        return Error::database(
            QStringLiteral("cannot write %1: the file was moved or deleted while it was open").arg(file));
    default:
        break;
    }
    if (fileDiagnosis::isOnReadOnlyFileSystem(path))
        return Error::database(
            QStringLiteral("cannot open %1 for writing: it is on a read-only file system").arg(file));
    if (QFileInfo::exists(path) && !fileDiagnosis::canWriteFile(path))
        return Error::database(
            QStringLiteral("cannot open %1 for writing: the file is read-only (chmod u+w %1)").arg(file));
    if (!fileDiagnosis::canWriteFolder(folder))
        return Error::database(
            QStringLiteral("cannot create %1 beside %2: the folder '%3' is read-only; Rapport needs to "
                           "create its write-ahead log there (chmod u+w '%3')")
                .arg(quoted(path + QStringLiteral("-wal")), file, folder));
    return Error::database(
        QStringLiteral("cannot write %1: it is open read-only (SQLite: %2)").arg(file, sqliteText));
}

Error cantOpenError(const QString& path, int code, const QString& sqliteText)
{
    const QString file = quoted(path);
    const QString folder = fileDiagnosis::folderOf(path);
    if (code == SQLITE_CANTOPEN_ISDIR)
        return Error::database(QStringLiteral("cannot open %1: it is a folder").arg(file));
    if (code == SQLITE_CANTOPEN_NOTEMPDIR)
        return Error::database(QStringLiteral("cannot use %1: SQLite finds no writable folder for temporary "
                                              "files; set TMPDIR to one")
                                   .arg(file));
    const QFileInfo info(path);
    if (!QFileInfo(folder).isDir())
        return Error::database(
            QStringLiteral("cannot open %1: the folder '%2' does not exist").arg(file, folder));
    if (!info.exists()) {
        if (!fileDiagnosis::canWriteFolder(folder))
            return Error::database(
                QStringLiteral("cannot create %1: the folder '%2' is read-only (chmod u+w '%2')")
                    .arg(file, folder));
        return Error::database(QStringLiteral("cannot open %1: no such file").arg(file));
    }
    if (const QString kind = fileDiagnosis::nonRegularKind(path); !kind.isEmpty())
        return Error::database(
            QStringLiteral("cannot open %1: it is %2, not a database file").arg(file, kind));
    if (!fileDiagnosis::canReadFile(path))
        return Error::database(
            QStringLiteral("cannot open %1: permission denied (you may not read it; see ls -l %1)")
                .arg(file));
    return Error::database(QStringLiteral("cannot open %1 or the files SQLite keeps beside it (%2, %3): %4; "
                                          "check the permissions of the file and of the folder '%5'")
                               .arg(file, quoted(path + QStringLiteral("-wal")),
                                    quoted(path + QStringLiteral("-shm")), sqliteText, folder));
}

Error ioError(const QString& path, int code, const QString& sqliteText)
{
    const QString file = quoted(path);
    switch (code) {
    case SQLITE_IOERR_NOMEM:
        return Error::database(QStringLiteral("out of memory while using %1").arg(file));
    case SQLITE_IOERR_LOCK:
    case SQLITE_IOERR_RDLOCK:
    case SQLITE_IOERR_UNLOCK:
    case SQLITE_IOERR_CHECKRESERVEDLOCK:
    case SQLITE_IOERR_SHMLOCK:
        return Error::database(
            QStringLiteral("cannot lock %1: the file system does not grant the locks SQLite needs (network "
                           "shares often do not); move the file to a local disk")
                .arg(file));
    case SQLITE_IOERR_CORRUPTFS:
        return Error::database(
            QStringLiteral("cannot read %1: the file system reports damage; check the disk (fsck) and %2")
                .arg(file, restoreAdvice(path)));
    default:
        break;
    }
    if (fileDiagnosis::isOnFullDisk(path))
        return diskFullError(file);
    const bool sharedMemory =
        code == SQLITE_IOERR_SHMOPEN || code == SQLITE_IOERR_SHMSIZE || code == SQLITE_IOERR_SHMMAP;
    return Error::database(
        QStringLiteral("input/output error on %1 (SQLite: %2, code %3); the disk may be failing, "
                       "disconnected or full; check it and try again")
            .arg(sharedMemory ? quoted(path + QStringLiteral("-shm")) : file, sqliteText)
            .arg(code));
}

} // namespace

Error databaseError(const QString& path, int extendedCode, const QString& sqliteText)
{
    const QString file = quoted(path);
    const QString text = sqliteText.trimmed();
    switch (extendedCode & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        if (extendedCode == SQLITE_BUSY_SNAPSHOT)
            return Error::database(
                QStringLiteral("%1 was changed by another program during this operation; try again")
                    .arg(file));
        return Error::database(QStringLiteral("%1 is locked by another program, which did not release it "
                                              "within %2 s; try again when it has finished, or close it")
                                   .arg(file)
                                   .arg(Database::busyTimeoutMs / 1000));
    case SQLITE_READONLY:
        return readOnlyError(path, extendedCode, text);
    case SQLITE_CANTOPEN:
        return cantOpenError(path, extendedCode, text);
    case SQLITE_FULL:
        return diskFullError(file);
    case SQLITE_IOERR:
        return ioError(path, extendedCode, text);
    case SQLITE_NOTADB:
        return Error::database(
            QStringLiteral("%1 is not a Rapport database: it is not an SQLite file").arg(file));
    case SQLITE_CORRUPT:
        return Error::database(QStringLiteral("%1 is damaged (SQLite reports corruption: %2); %3")
                                   .arg(file, text, restoreAdvice(path)));
    case SQLITE_PERM:
        return Error::database(
            QStringLiteral("cannot use %1: the operating system denied access (file permissions, or an "
                           "immutable attribute: see ls -l and lsattr)")
                .arg(file));
    case SQLITE_AUTH:
        return Error::database(
            QStringLiteral("database %1: an authorization rule refused the statement (%2)").arg(file, text));
    case SQLITE_NOMEM:
        return Error::database(QStringLiteral("out of memory while using %1").arg(file));
    case SQLITE_PROTOCOL:
        return Error::database(
            QStringLiteral("cannot lock %1: SQLite's locking protocol kept failing, another program may be "
                           "misusing the file; try again")
                .arg(file));
    case SQLITE_INTERRUPT:
        return Error::database(QStringLiteral("database %1: the operation was interrupted").arg(file));
    default:
        return Error::database(QStringLiteral("database %1: %2").arg(file, text));
    }
}

Error connectionError(sqlite3* handle)
{
    return databaseError(connectionPath(handle), sqlite3_extended_errcode(handle),
                         QString::fromUtf8(sqlite3_errmsg(handle)));
}

void registerConnectionPath(sqlite3* handle, const QString& path)
{
    const QMutexLocker lock(&pathsMutex);
    paths().insert(handle, path);
}

void forgetConnectionPath(sqlite3* handle)
{
    const QMutexLocker lock(&pathsMutex);
    paths().remove(handle);
}

QString connectionPath(sqlite3* handle)
{
    {
        const QMutexLocker lock(&pathsMutex);
        const auto found = paths().constFind(handle);
        if (found != paths().cend())
            return *found;
    }
    const char* name = handle ? sqlite3_db_filename(handle, "main") : nullptr;
    return name && *name ? QString::fromUtf8(name) : QStringLiteral("(in memory)");
}

} // namespace rapport
