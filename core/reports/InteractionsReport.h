// The interactions report: the conversation log in time order, one row per interaction, streamed
// straight from SQLite so that exporting millions of rows needs constant memory.
#pragma once

#include "ReportScope.h"

namespace rapport {

class InteractionsReport : public Report
{
public:
    InteractionsReport(Database& db, ReportScope scope)
        : m_db(db)
        , m_scope(std::move(scope))
    {}

    QStringList columns() const override;
    Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) override;

private:
    Database& m_db;
    ReportScope m_scope;
};

} // namespace rapport
