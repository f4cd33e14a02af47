// SPDX-License-Identifier: GPL-3.0-or-later
// The team members' identities (schema version 13): each email or handle belongs to one member at most,
// compared as contact methods are (emails and handles ignoring case, handles without a leading '@'), and
// goes with its member.
#pragma once

#include "core/model/TeamIdentity.h"
#include "core/storage/Database.h"

#include <QList>
#include <QMap>

namespace rapport {

class TeamIdentityRepository
{
public:
    explicit TeamIdentityRepository(Database& db)
        : m_db(db)
    {}

    // Every member's identities, by member id, then kind and value.
    Result<QList<TeamIdentity>> list() const;
    Result<QList<TeamIdentity>> listForMember(qint64 memberId) const;
    // Keeps the identity for its member. A value its kind refuses, a member that does not exist, or an
    // identity some member already has is refused (bad input naming the identity, and who has it).
    Result<qint64> add(const TeamIdentity& identity);
    // Removes the member's identity that compares equal to `identity`; not-found naming it otherwise.
    Status remove(const TeamIdentity& identity);
    // Makes each listed member's identities exactly these, all or nothing: what is no longer listed goes
    // first, so an identity moved from one member to another in the same edit is not refused.
    Status replace(const QMap<qint64, QList<TeamIdentity>>& byMember);

private:
    Database& m_db;
};

} // namespace rapport
