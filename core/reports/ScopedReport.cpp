// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ScopedReport.h"

#include "core/csv/CsvWriter.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

Result<qint64> ScopedReport::writeRows(CsvWriter& writer, const std::string& sql, const RowWriter& writeRow,
                                       qint64 progressEvery, qint64 total,
                                       const ProgressCallback& progress) const
{
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    m_scope.bind(rows);
    if (Status header = writer.writeHeader(columns()); !header)
        return header.error();
    qint64 count = 0;
    while (rows.step()) {
        writeRow(writer, rows);
        if (Status ended = writer.endRow(); !ended)
            return ended.error();
        if (++count % progressEvery == 0 && !reportProgress(progress, count, total))
            return Error::cancelled();
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (Status finished = writer.finish(); !finished)
        return finished.error();
    return count;
}

} // namespace rapport
