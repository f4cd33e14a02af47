// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/TeamMemberCache.h"

#include "core/storage/SqliteStatement.h"
#include "core/storage/TeamMemberRepository.h"

namespace rapport {

Result<TeamMemberCache> TeamMemberCache::load(Database& db)
{
    TeamMemberCache cache;
    SqliteStatement members(db.handle(), "SELECT id, name FROM team_members");
    while (members.step())
        cache.m_ids.insert(members.columnText(1).toCaseFolded(), members.columnInt64(0));
    if (!members.ok())
        return Error::database(members.errorMessage());
    return cache;
}

Result<std::optional<qint64>> TeamMemberCache::idFor(Database& db, const QString& name, bool create)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return std::optional<qint64>();
    const QString key = trimmed.toCaseFolded();
    if (const auto found = m_ids.constFind(key); found != m_ids.cend())
        return std::optional<qint64>(*found);
    if (!create)
        return std::optional<qint64>();
    const Result<qint64> created = TeamMemberRepository(db).ensure(trimmed);
    if (!created)
        return created.error();
    m_ids.insert(key, *created);
    return std::optional<qint64>(*created);
}

} // namespace rapport
