// SPDX-License-Identifier: GPL-3.0-or-later
// A ReportFilter checked against the database and turned into SQL: the owner and tag become ids, and
// the reports append the conditions this class writes, with the numbered parameters ?1 (since), ?2
// (until), ?3 (owner) and ?4 (tag) that bind() fills.
#pragma once

#include "core/reports/Report.h"

#include <string>

namespace rapport {

class SqliteStatement;

class ReportScope
{
public:
    // Bad input when the owner or the tag does not exist or the period is empty.
    static Result<ReportScope> resolve(Database& db, const ReportFilter& filter);

    const ReportFilter& filter() const { return m_filter; }
    // " AND …" conditions on the contact whose id is the SQL expression `contactId`: owner, tag and, with
    // `withPeriod`, an interaction in the period.
    std::string contactConditions(const char* contactId, bool withPeriod) const;
    // " AND …" conditions that put the SQL expression `time` in the period.
    std::string periodConditions(const char* time) const;
    void bind(SqliteStatement& statement) const;

private:
    ReportFilter m_filter;
    std::optional<qint64> m_ownerId;
    std::optional<qint64> m_tagId;
};

} // namespace rapport
