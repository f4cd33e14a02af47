// SPDX-License-Identifier: GPL-3.0-or-later
// The commits this process made to each database file, by revision number. Every Rapport write
// transaction raises the file's revision (schema v3, table commit_revision); a window watching the file
// uses this record to tell its own workers' commits (an import, a bulk edit, the dashboard's cache) from
// another program's, so that only the latter make it re-read everything.
#pragma once

#include <QString>

namespace rapport {

class OwnCommits
{
public:
    // Notes that a connection of this process committed `revision` to the file at `canonicalPath`.
    static void record(const QString& canonicalPath, qint64 revision);
    // True when every revision after `seen` up to `current` was committed by this process. Forgets the
    // revisions up to `current`: a watcher asks about each range once.
    static bool takeAllOwn(const QString& canonicalPath, qint64 seen, qint64 current);
    // Forgets the revisions up to `current`, after a watcher re-read everything anyway.
    static void forgetUpTo(const QString& canonicalPath, qint64 current);
};

} // namespace rapport
