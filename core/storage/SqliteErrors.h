// SPDX-License-Identifier: GPL-3.0-or-later
// The one translation of SQLite's result codes into Rapport's messages: each names the file and the
// likely remedy ("cannot write 'F': the disk is full; free some space and try again"). Database (open,
// execute, run), SqliteStatement and through them the command line and the GUI all report with it.
#pragma once

#include "core/base/Result.h"

#include <QString>

struct sqlite3;

namespace rapport {

// An error about the database `path` from SQLite's extended result code (primary codes work too) and
// SQLite's own text, which is kept where it says more than the code (an SQL or constraint error).
Error databaseError(const QString& path, int extendedCode, const QString& sqliteText);

// The error of the last failed call on an open connection, naming the path the connection was opened
// with (see registerConnectionPath), else SQLite's own name for the file.
Error connectionError(sqlite3* handle);

// How Rapport spells the path of each open connection, for the messages of code that only has the
// handle (a QSqlQuery, a SqliteStatement). Database registers and forgets its connections.
void registerConnectionPath(sqlite3* handle, const QString& path);
void forgetConnectionPath(sqlite3* handle);
QString connectionPath(sqlite3* handle);

} // namespace rapport
