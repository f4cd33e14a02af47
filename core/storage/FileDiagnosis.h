// SPDX-License-Identifier: GPL-3.0-or-later
// Stat-only answers to "why can this file not be used?", for error messages. Nothing here opens the
// file: on POSIX, closing any descriptor of a database file drops every SQLite lock the process holds
// on it, so the database file, its -wal and its -shm are only ever opened by SQLite.
#pragma once

#include <QString>

namespace rapport::fileDiagnosis {

// The folder a path is in, absolute.
QString folderOf(const QString& path);

// "a folder", "a named pipe (FIFO)", "a device", "a socket" for something that exists and is not a
// regular file (symbolic links followed); empty for a regular file or nothing at all.
QString nonRegularKind(const QString& path);

// Whether the process may read or write the existing file, respectively create files in the folder.
bool canReadFile(const QString& path);
bool canWriteFile(const QString& path);
bool canWriteFolder(const QString& folder);

// Whether the file system holding `path` (or its folder, when `path` does not exist) is mounted
// read-only, respectively has (almost) no space left for this user.
bool isOnReadOnlyFileSystem(const QString& path);
bool isOnFullDisk(const QString& path);

// Why a file at `path` cannot be created or replaced, as the end of a sentence ("the disk is full; free
// some space and try again"); empty when none of the usual reasons applies.
QString whyCannotWrite(const QString& path);

} // namespace rapport::fileDiagnosis
