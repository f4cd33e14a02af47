// The trust-notes report: every note in time order with its contact, author, kind and trust level.
#pragma once

#include "ReportScope.h"

namespace rapport {

class NotesReport : public Report
{
public:
    NotesReport(Database& db, ReportScope scope)
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
