// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/DatasetCopy.h"

#include "core/storage/DatabaseBackup.h"

#include <QFile>

namespace rapport::bench {

Result<QString> copyDataset(Database& db, const QString& workdir)
{
    const QString copy = workdir + QStringLiteral("/import-copy.sqlite3");
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(copy + QLatin1String(suffix));
    if (Status written = writeDatabaseBackup(db.path(), copy); !written)
        return written.error();
    return copy;
}

} // namespace rapport::bench
