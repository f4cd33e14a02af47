// SPDX-License-Identifier: GPL-3.0-or-later
// The contacts report: one row per contact with its names, organization, owner, tags, cadence target,
// emails, phones and handles; the columns Rapport's own contacts import reads back.
#pragma once

#include "core/reports/ScopedReport.h"

namespace rapport {

class ContactsReport : public ScopedReport
{
public:
    using ScopedReport::ScopedReport;

    QStringList columns() const override;
    Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) override;
};

} // namespace rapport
