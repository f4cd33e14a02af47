// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/FileDiagnosis.h"

#include <QFile>
#include <QFileInfo>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace rapport::fileDiagnosis {

namespace {

// Less than this much free space makes a failed write "the disk is full": a database or a report needs
// more than that to grow, and a write that failed with this little left most likely failed for want of it.
constexpr unsigned long long nearlyFullBytes = 1024 * 1024;

QByteArray existingPathFor(const QString& path)
{
    return QFile::encodeName(QFileInfo::exists(path) ? path : folderOf(path));
}

} // namespace

QString folderOf(const QString& path)
{
    return QFileInfo(path).absolutePath();
}

QString nonRegularKind(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0 || S_ISREG(status.st_mode))
        return {};
    if (S_ISDIR(status.st_mode))
        return QStringLiteral("a folder");
    if (S_ISFIFO(status.st_mode))
        return QStringLiteral("a named pipe (FIFO)");
    if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(status.st_mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

// With the effective ids (AT_EACCESS), which are the ones open() uses; access() would ask for the real ones.
bool allowed(const QString& path, int mode)
{
    return ::faccessat(AT_FDCWD, QFile::encodeName(path).constData(), mode, AT_EACCESS) == 0;
}

bool canReadFile(const QString& path)
{
    return allowed(path, R_OK);
}

bool canWriteFile(const QString& path)
{
    return allowed(path, W_OK);
}

bool canWriteFolder(const QString& folder)
{
    return allowed(folder, W_OK | X_OK);
}

bool isOnReadOnlyFileSystem(const QString& path)
{
    struct statvfs info = {};
    return ::statvfs(existingPathFor(path).constData(), &info) == 0 && (info.f_flag & ST_RDONLY) != 0;
}

bool isOnFullDisk(const QString& path)
{
    struct statvfs info = {};
    if (::statvfs(existingPathFor(path).constData(), &info) != 0)
        return false;
    return static_cast<unsigned long long>(info.f_bavail) * info.f_frsize < nearlyFullBytes;
}

QString whyCannotWrite(const QString& path)
{
    const QString folder = folderOf(path);
    const QFileInfo folderInfo(folder);
    if (!folderInfo.exists())
        return QStringLiteral("the folder '%1' does not exist").arg(folder);
    if (!folderInfo.isDir())
        return QStringLiteral("'%1' is not a folder").arg(folder);
    if (const QString kind = nonRegularKind(path); !kind.isEmpty())
        return QStringLiteral("it is %1").arg(kind);
    if (isOnReadOnlyFileSystem(path))
        return QStringLiteral("it is on a read-only file system");
    if (QFileInfo::exists(path) && !canWriteFile(path))
        return QStringLiteral("the file is read-only (chmod u+w '%1')").arg(path);
    if (!canWriteFolder(folder))
        return QStringLiteral("the folder '%1' is read-only (chmod u+w '%1')").arg(folder);
    if (isOnFullDisk(path))
        return QStringLiteral("the disk is full; free some space and try again");
    return {};
}

} // namespace rapport::fileDiagnosis
