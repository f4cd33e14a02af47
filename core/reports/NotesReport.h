// SPDX-License-Identifier: GPL-3.0-or-later
// The trust-notes report: every note in time order with its contact, author, kind and trust level.
#pragma once

#include "core/reports/ScopedReport.h"

namespace rapport {

class NotesReport : public ScopedReport
{
public:
    using ScopedReport::ScopedReport;

    QStringList columns() const override;
    Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) override;
};

} // namespace rapport
