// SPDX-License-Identifier: GPL-3.0-or-later
// A copy of the dataset to import into, so that imports never change the dataset itself. SQLite writes it
// (VACUUM INTO): copying the open file by hand would drop this process's locks on it when the copy closes.
#pragma once

#include "core/storage/Database.h"

namespace rapport::bench {

// `workdir`/import-copy.sqlite3, replacing an earlier copy.
Result<QString> copyDataset(Database& db, const QString& workdir);

} // namespace rapport::bench
