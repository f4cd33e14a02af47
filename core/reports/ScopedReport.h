// SPDX-License-Identifier: GPL-3.0-or-later
// What the reports that stream the rows of one query share (contacts, interactions, notes): the database
// and the scope they cover, and the loop that writes the query's rows, reports progress and cancels.
#pragma once

#include "core/reports/ReportScope.h"

#include <functional>
#include <string>

namespace rapport {

class SqliteStatement;

class ScopedReport : public Report
{
public:
    ScopedReport(Database& db, ReportScope scope)
        : m_db(db)
        , m_scope(std::move(scope))
    {}

protected:
    using RowWriter = std::function<void(CsvWriter& writer, const SqliteStatement& rows)>;

    Database& database() const { return m_db; }
    const ReportScope& scope() const { return m_scope; }
    // Runs `sql` with the scope's parameters bound, writes the header, each result row's cells with
    // `writeRow`, and finishes the file. Progress goes out every `progressEvery` rows against `total` (0
    // while unknown). Returns the number of rows.
    Result<qint64> writeRows(CsvWriter& writer, const std::string& sql, const RowWriter& writeRow,
                             qint64 progressEvery, qint64 total, const ProgressCallback& progress) const;

private:
    Database& m_db;
    ReportScope m_scope;
};

} // namespace rapport
