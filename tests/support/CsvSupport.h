// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers of the CSV tests: export a report to memory, parse CSV bytes, write a file to import.
#pragma once

#include "core/csv/CsvWriter.h"
#include "core/reports/Report.h"
#include "tests/support/TestSupport.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace rapport::test {

// The report as CSV bytes; fails the test when it cannot be written.
QByteArray exportReport(Database& db, ReportKind kind, const ReportFilter& filter = {},
                        CsvWriteOptions options = {});
// Every record of `bytes` (the header included), failing the test on a read error.
QList<QStringList> parseCsv(const QByteArray& bytes);
// Writes `bytes` to `name` in `folder` and returns the path.
QString writeFile(const QString& folder, const QString& name, const QByteArray& bytes);

} // namespace rapport::test
