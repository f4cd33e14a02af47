// The contacts report: one row per contact with its names, organization, owner, tags, cadence target,
// emails, phones and handles; the columns Rapport's own contacts import reads back.
#pragma once

#include "ReportScope.h"

namespace rapport {

class ContactsReport : public Report
{
public:
    ContactsReport(Database& db, ReportScope scope)
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
