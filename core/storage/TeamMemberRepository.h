// SPDX-License-Identifier: GPL-3.0-or-later
// The team: people who own relationships and log conversations.
#pragma once

#include "core/model/TeamMember.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

class TeamMemberRepository
{
public:
    explicit TeamMemberRepository(Database& db)
        : m_db(db)
    {}

    Result<qint64> create(const TeamMember& member);
    // The id of the member with this name (case-insensitive), creating the member when there is none.
    Result<qint64> ensure(const QString& name);
    Result<std::optional<TeamMember>> findByName(const QString& name) const;
    Result<TeamMember> get(qint64 id) const;
    Result<QList<TeamMember>> list() const;
    Status rename(qint64 id, const QString& name);
    Status remove(qint64 id);

private:
    Database& m_db;
};

} // namespace rapport
