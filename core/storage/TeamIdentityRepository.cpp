// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/TeamIdentityRepository.h"

#include "core/base/Clock.h"
#include "core/storage/TeamMemberRepository.h"

#include <QSet>

namespace rapport {

namespace {

const QString selectIdentities = QStringLiteral("SELECT id, member_id, kind, value FROM team_identities");
const QString identityOrder = QStringLiteral(" ORDER BY member_id, kind, normalized");

Result<QList<TeamIdentity>> identitiesFrom(QSqlQuery& query)
{
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<TeamIdentity> identities;
    while (query.next()) {
        const std::optional<MethodKind> kind = parseMethodKind(query.value(2).toString());
        if (!kind)
            return Error::database(QStringLiteral("team identity %1: unknown kind '%2'")
                                       .arg(query.value(0).toLongLong())
                                       .arg(query.value(2).toString()));
        identities << TeamIdentity{query.value(0).toLongLong(), query.value(1).toLongLong(), *kind,
                                   query.value(3).toString()};
    }
    return identities;
}

} // namespace

Result<QList<TeamIdentity>> TeamIdentityRepository::list() const
{
    QSqlQuery query = m_db.prepare(selectIdentities + identityOrder);
    return identitiesFrom(query);
}

Result<QList<TeamIdentity>> TeamIdentityRepository::listForMember(qint64 memberId) const
{
    QSqlQuery query = m_db.prepare(selectIdentities + QStringLiteral(" WHERE member_id = ?") + identityOrder);
    query.addBindValue(memberId);
    return identitiesFrom(query);
}

Result<qint64> TeamIdentityRepository::add(const TeamIdentity& identity)
{
    const QString value = identity.value.trimmed();
    if (const QString problem = validateMethodValue(identity.kind, value); !problem.isEmpty())
        return Error::badInput(QStringLiteral("identity %1: %2").arg(identity.text(), problem));
    const Result<TeamMember> member = TeamMemberRepository(m_db).get(identity.memberId);
    if (!member)
        return member.error();
    const QString kind = methodKindName(identity.kind);
    const QString normalized = normalizeMethodValue(identity.kind, value);
    QSqlQuery holder = m_db.prepare(
        QStringLiteral("SELECT m.name FROM team_identities i JOIN team_members m ON m.id = i.member_id "
                       "WHERE i.kind = ? AND i.normalized = ?"));
    holder.addBindValue(kind);
    holder.addBindValue(normalized);
    if (Status status = Database::run(holder); !status)
        return status.error();
    if (holder.next())
        return Error::badInput(QStringLiteral("identity %1:%2 already belongs to team member %3")
                                   .arg(kind, value, holder.value(0).toString()));
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO team_identities (member_id, kind, value, "
                                                   "normalized, created_at) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(identity.memberId);
    insert.addBindValue(kind);
    insert.addBindValue(value);
    insert.addBindValue(normalized);
    insert.addBindValue(Clock::nowSeconds());
    if (Status status = Database::run(insert); !status)
        return status.error();
    return insert.lastInsertId().toLongLong();
}

Status TeamIdentityRepository::remove(const TeamIdentity& identity)
{
    QSqlQuery remove = m_db.prepare(
        QStringLiteral("DELETE FROM team_identities WHERE member_id = ? AND kind = ? AND normalized = ?"));
    remove.addBindValue(identity.memberId);
    remove.addBindValue(methodKindName(identity.kind));
    remove.addBindValue(normalizeMethodValue(identity.kind, identity.value));
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0) {
        const Result<TeamMember> member = TeamMemberRepository(m_db).get(identity.memberId);
        if (!member)
            return member.error();
        return Error::notFound(
            QStringLiteral("team member %1 has no identity %2").arg(member->name, identity.text()));
    }
    return {};
}

Status TeamIdentityRepository::replace(const QMap<qint64, QList<TeamIdentity>>& byMember)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    QMap<qint64, QSet<QString>> kept; // member -> keys of the identities it has and keeps
    for (auto it = byMember.cbegin(); it != byMember.cend(); ++it) {
        QSet<QString> wanted;
        for (const TeamIdentity& identity : it.value())
            wanted.insert(identity.key());
        const Result<QList<TeamIdentity>> stored = listForMember(it.key());
        if (!stored)
            return stored.error();
        for (const TeamIdentity& identity : *stored) {
            if (wanted.contains(identity.key()))
                kept[it.key()].insert(identity.key());
            else if (Status removed = remove(identity); !removed)
                return removed;
        }
    }
    for (auto it = byMember.cbegin(); it != byMember.cend(); ++it) {
        for (TeamIdentity identity : it.value()) {
            if (kept.value(it.key()).contains(identity.key()))
                continue;
            identity.memberId = it.key();
            if (const Result<qint64> added = add(identity); !added)
                return added.error();
            kept[it.key()].insert(identity.key());
        }
    }
    return transaction.commit();
}

} // namespace rapport
