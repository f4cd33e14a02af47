// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's underlying numbers as one CSV table in long form (section, group, series, week,
// value), so a spreadsheet can pivot any chart back out of it. Written through CsvWriter.
#pragma once

#include "core/csv/CsvWriter.h"
#include "core/dashboard/DashboardData.h"

namespace rapport {

class DashboardCsv
{
public:
    static QStringList header();
    // Writes the header and every number of `data`, then finishes the writer.
    static Status write(const DashboardData& data, CsvWriter& writer);
};

} // namespace rapport
