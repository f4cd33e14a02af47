// SPDX-License-Identifier: GPL-3.0-or-later
// Whether a process still has a file open, read from /proc/PID/fd with readlink only: no descriptor of
// the file is opened or closed to find out (closing one would drop the process's POSIX locks on it).
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>
#include <unistd.h>

namespace rapport::mptest {

// "open", "deleted" (open, but unlinked from its folder) or "closed", for the file at `path` among the
// descriptors listed in `fdFolder` ("/proc/self/fd", "/proc/1234/fd").
inline QString openFileState(const QString& fdFolder, const QString& path)
{
    const QFileInfo info(path);
    const QString wanted = QDir(info.absolutePath()).canonicalPath() + QLatin1Char('/') + info.fileName();
    const QDir fds(fdFolder);
    for (const QString& fd : fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot)) {
        char target[4096];
        const ssize_t length =
            ::readlink(fds.filePath(fd).toLocal8Bit().constData(), target, sizeof target - 1);
        if (length <= 0)
            continue;
        const QString linked = QString::fromLocal8Bit(target, length);
        if (linked == wanted)
            return QStringLiteral("open");
        if (linked == wanted + QLatin1String(" (deleted)"))
            return QStringLiteral("deleted");
    }
    return QStringLiteral("closed");
}

} // namespace rapport::mptest
