// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/DatabaseBackup.h"

#include "core/storage/Database.h"
#include "core/storage/FileDiagnosis.h"
#include "core/storage/SqliteErrors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace rapport {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// fsync of a file or folder we wrote. Never used on the database: only SQLite opens that.
bool syncToDisk(const QString& path, bool folder)
{
    const int descriptor = ::open(QFile::encodeName(path).constData(), O_RDONLY | (folder ? O_DIRECTORY : 0));
    if (descriptor < 0)
        return false;
    const bool synced = ::fsync(descriptor) == 0;
    const int savedErrno = errno;
    ::close(descriptor);
    errno = savedErrno;
    return synced;
}

Error backupError(const QString& path, const QString& backupPath, const QString& reason)
{
    return Error::database(QStringLiteral("cannot back up '%1' to '%2' before upgrading it: %3; the file "
                                          "was not upgraded")
                               .arg(path, backupPath, reason));
}

// Leftovers of interrupted backups of this version ("FILE.vN.bak.tmp-123"). The caller holds the write
// lock, so no other process is writing one right now.
void removeStaleTemporaries(const QString& backupPath)
{
    const QFileInfo info(backupPath);
    QDir folder(info.absolutePath());
    for (const QString& name :
         folder.entryList({info.fileName() + QStringLiteral(".tmp-*")}, QDir::Files | QDir::Hidden))
        folder.remove(name);
}

} // namespace

QString temporaryBackupPath(const QString& backupPath)
{
    return QStringLiteral("%1.tmp-%2").arg(backupPath).arg(QCoreApplication::applicationPid());
}

Status writeDatabaseBackup(const QString& path, const QString& backupPath)
{
    removeStaleTemporaries(backupPath);
    const QString temporary = temporaryBackupPath(backupPath);

    sqlite3* source = nullptr;
    int code = sqlite3_open_v2(QFile::encodeName(path).constData(), &source, SQLITE_OPEN_READONLY, nullptr);
    if (code == SQLITE_OK) {
        sqlite3_extended_result_codes(source, 1);
        sqlite3_busy_timeout(source, Database::busyTimeoutMs);
        sqlite3_stmt* vacuum = nullptr;
        code = sqlite3_prepare_v2(source, "VACUUM INTO ?", -1, &vacuum, nullptr);
        if (code == SQLITE_OK) {
            const QByteArray target = temporary.toUtf8();
            sqlite3_bind_text(vacuum, 1, target.constData(), static_cast<int>(target.size()),
                              SQLITE_TRANSIENT);
            code = sqlite3_step(vacuum);
            if (code == SQLITE_DONE)
                code = SQLITE_OK;
            sqlite3_finalize(vacuum);
        }
    }
    if (code != SQLITE_OK) {
        // The error is about writing the copy when the source could be read: name the copy then.
        const int extended = source ? sqlite3_extended_errcode(source) : code;
        const QString text = QString::fromUtf8(source ? sqlite3_errmsg(source) : sqlite3_errstr(code));
        sqlite3_close(source);
        QFile::remove(temporary);
        const int primary = extended & 0xff;
        const bool aboutCopy =
            primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN;
        const Error reason = databaseError(aboutCopy ? temporary : path, extended, text);
        return backupError(path, backupPath, reason.message);
    }
    sqlite3_close(source);

    if (!syncToDisk(temporary, false)) {
        const QString reason = systemError();
        QFile::remove(temporary);
        return backupError(path, backupPath,
                           QStringLiteral("cannot flush '%1' to disk: %2").arg(temporary, reason));
    }
    // rename(2) replaces an older backup of the same version in one step: there is always one complete
    // FILE.vN.bak, the old or the new.
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(backupPath).constData()) != 0) {
        const QString reason = systemError();
        QFile::remove(temporary);
        return backupError(path, backupPath, QStringLiteral("cannot rename '%1': %2").arg(temporary, reason));
    }
    if (!syncToDisk(fileDiagnosis::folderOf(backupPath), true))
        return backupError(path, backupPath,
                           QStringLiteral("cannot flush the folder '%1' to disk: %2")
                               .arg(fileDiagnosis::folderOf(backupPath), systemError()));
    return {};
}

} // namespace rapport
