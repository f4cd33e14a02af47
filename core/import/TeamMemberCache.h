// SPDX-License-Identifier: GPL-3.0-or-later
// Team members by name for imports that name who logged or wrote something: looked up in memory, and
// created (TeamMemberRepository::ensure) only in the writing pass.
#pragma once

#include "core/storage/Database.h"

#include <QHash>
#include <optional>

namespace rapport {

class TeamMemberCache
{
public:
    static Result<TeamMemberCache> load(Database& db);

    // The member's id; an unknown name is created when `create`, else gives nullopt. An empty name
    // gives nullopt.
    Result<std::optional<qint64>> idFor(Database& db, const QString& name, bool create);

private:
    QHash<QString, qint64> m_ids; // case-folded name -> id
};

} // namespace rapport
