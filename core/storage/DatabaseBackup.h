// SPDX-License-Identifier: GPL-3.0-or-later
// The copy of a database Rapport writes before it upgrades the schema (FILE.vN.bak). The copy is made
// by SQLite (VACUUM INTO) under a temporary name beside the file, flushed to disk, and only then renamed
// to its final name, so an interrupted upgrade never leaves an empty or partial backup, nor destroys an
// older one.
#pragma once

#include "core/base/Result.h"

#include <QString>

namespace rapport {

// Copies the database `path` to `backupPath` through a second, read-only SQLite connection. Call it
// while holding the write lock (BEGIN IMMEDIATE) on another connection: the copy is then exactly the
// state the upgrade starts from.
Status writeDatabaseBackup(const QString& path, const QString& backupPath);

// The temporary name a backup is written under: "FILE.vN.bak.tmp-<pid>".
QString temporaryBackupPath(const QString& backupPath);

} // namespace rapport
