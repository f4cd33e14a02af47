// SPDX-License-Identifier: GPL-3.0-or-later
// The interactions report: the conversation log in time order, one row per interaction, streamed
// straight from SQLite so that exporting millions of rows needs constant memory.
#pragma once

#include "core/reports/ScopedReport.h"

namespace rapport {

class InteractionsReport : public ScopedReport
{
public:
    using ScopedReport::ScopedReport;

    QStringList columns() const override;
    Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) override;
};

} // namespace rapport
