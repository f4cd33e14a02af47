// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ReportScope.h"

#include "core/base/IsoTime.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

Result<ReportScope> ReportScope::resolve(Database& db, const ReportFilter& filter)
{
    ReportScope scope;
    scope.m_filter = filter;
    if (filter.since && filter.until && *filter.since >= *filter.until)
        return Error::badInput(QStringLiteral("period: %1 is not before %2")
                                   .arg(formatIsoMoment(*filter.since), formatIsoMoment(*filter.until)));
    if (!filter.owner.trimmed().isEmpty()) {
        SqliteStatement owner(db.handle(), "SELECT id FROM team_members WHERE name = ?1 COLLATE NOCASE");
        owner.bind(1, filter.owner.trimmed());
        if (owner.step())
            scope.m_ownerId = owner.columnInt64(0);
        else if (!owner.ok())
            return Error::database(owner.errorMessage());
        else
            return Error::badInput(
                QStringLiteral("owner: no team member named '%1'").arg(filter.owner.trimmed()));
    }
    if (!filter.tag.trimmed().isEmpty()) {
        SqliteStatement tag(db.handle(), "SELECT id FROM tags WHERE name = ?1 COLLATE NOCASE");
        tag.bind(1, filter.tag.trimmed());
        if (tag.step())
            scope.m_tagId = tag.columnInt64(0);
        else if (!tag.ok())
            return Error::database(tag.errorMessage());
        else
            return Error::badInput(QStringLiteral("tag: no tag named '%1'").arg(filter.tag.trimmed()));
    }
    return scope;
}

std::string ReportScope::periodConditions(const char* time) const
{
    std::string sql;
    if (m_filter.since)
        sql += std::string(" AND ") + time + " >= ?1";
    if (m_filter.until)
        sql += std::string(" AND ") + time + " < ?2";
    return sql;
}

std::string ReportScope::contactConditions(const char* contactId, bool withPeriod) const
{
    std::string sql;
    // IN (subquery) is evaluated once into a temporary index, not once per row.
    if (m_ownerId)
        sql += std::string(" AND ") + contactId + " IN (SELECT id FROM contacts WHERE owner_id = ?3)";
    if (m_tagId)
        sql +=
            std::string(" AND ") + contactId + " IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?4)";
    if (withPeriod && (m_filter.since || m_filter.until))
        sql += std::string(" AND EXISTS (SELECT 1 FROM interactions p WHERE p.contact_id = ") + contactId +
               periodConditions("p.occurred_at") + ")";
    return sql;
}

void ReportScope::bind(SqliteStatement& statement) const
{
    if (m_filter.since)
        statement.bind(1, *m_filter.since);
    if (m_filter.until)
        statement.bind(2, *m_filter.until);
    if (m_ownerId)
        statement.bind(3, *m_ownerId);
    if (m_tagId)
        statement.bind(4, *m_tagId);
}

} // namespace rapport
