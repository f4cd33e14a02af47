// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/TeamMemberRepository.h"

#include "core/base/Clock.h"
#include "core/model/SingleLineText.h"
#include "core/storage/TeamIdentityRepository.h"

namespace rapport {

namespace {
TeamMember memberFrom(const QSqlQuery& query)
{
    return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString()};
}

QString nameProblem(const QString& trimmed)
{
    if (trimmed.isEmpty())
        return QStringLiteral("team member name: must not be empty");
    if (const QString problem = singleLineTextProblem(trimmed); !problem.isEmpty())
        return QStringLiteral("team member name: %1").arg(problem);
    return {};
}
} // namespace

Result<qint64> TeamMemberRepository::create(const TeamMember& member)
{
    const QString name = member.name.trimmed();
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<std::optional<TeamMember>> existing = findByName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::badInput(QStringLiteral("team member name: '%1' already exists").arg(name));
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO team_members (name, email, created_at) VALUES (?, ?, ?)"));
    insert.addBindValue(name);
    insert.addBindValue(textValue(member.email.trimmed()));
    insert.addBindValue(Clock::nowSeconds());
    if (Status status = Database::run(insert); !status)
        return status.error();
    const qint64 id = insert.lastInsertId().toLongLong();
    // The email a member is created with is how the conversation import knows them.
    if (!member.email.trimmed().isEmpty()) {
        const Result<qint64> identity =
            TeamIdentityRepository(m_db).add(TeamIdentity{0, id, MethodKind::Email, member.email});
        if (!identity)
            return identity.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Result<qint64> TeamMemberRepository::ensure(const QString& name)
{
    const Result<std::optional<TeamMember>> existing = findByName(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return (*existing)->id;
    return create(TeamMember{0, name, QString()});
}

Result<std::optional<TeamMember>> TeamMemberRepository::findByName(const QString& name) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, name, email FROM team_members WHERE name = ?"));
    query.addBindValue(textValue(name.trimmed()));
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<TeamMember>();
    return std::optional<TeamMember>(memberFrom(query));
}

Result<TeamMember> TeamMemberRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, name, email FROM team_members WHERE id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no team member with id %1").arg(id));
    return memberFrom(query);
}

Result<QList<TeamMember>> TeamMemberRepository::list() const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, name, email FROM team_members ORDER BY name"));
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<TeamMember> members;
    while (query.next())
        members << memberFrom(query);
    return members;
}

Status TeamMemberRepository::rename(qint64 id, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (const QString problem = nameProblem(trimmed); !problem.isEmpty())
        return Error::badInput(problem);
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE team_members SET name = ? WHERE id = ?"));
    update.addBindValue(trimmed);
    update.addBindValue(id);
    if (Status status = Database::run(update); !status)
        return Error::badInput(QStringLiteral("team member name: '%1' already exists").arg(trimmed));
    if (update.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no team member with id %1").arg(id));
    return {};
}

Status TeamMemberRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM team_members WHERE id = ?"));
    remove.addBindValue(id);
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no team member with id %1").arg(id));
    return {};
}

} // namespace rapport
