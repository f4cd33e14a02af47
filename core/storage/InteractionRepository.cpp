// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/InteractionRepository.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"

namespace rapport {

namespace {

// Interactions are logged after the fact; a few minutes of slack allow for clocks a little ahead. More
// would let scores read "now" before the newest interaction.
constexpr qint64 futureSlackSeconds = 600;
constexpr int maxSummaryLength = 2000;

const QString selectColumns = QStringLiteral(
    "SELECT id, contact_id, occurred_at, channel, direction, summary, body, logged_by FROM interactions ");

Interaction interactionFrom(const QSqlQuery& query)
{
    Interaction interaction;
    interaction.id = query.value(0).toLongLong();
    interaction.contactId = query.value(1).toLongLong();
    interaction.occurredAt = query.value(2).toLongLong();
    interaction.channel = parseChannel(query.value(3).toString()).value_or(Channel::Other);
    interaction.direction = parseDirection(query.value(4).toString()).value_or(Direction::Mutual);
    interaction.summary = query.value(5).toString();
    interaction.body = query.value(6).toString();
    if (!query.isNull(7))
        interaction.loggedBy = query.value(7).toLongLong();
    return interaction;
}

void bindFields(QSqlQuery& query, const Interaction& interaction)
{
    query.addBindValue(interaction.contactId);
    query.addBindValue(interaction.occurredAt);
    query.addBindValue(channelName(interaction.channel));
    query.addBindValue(directionName(interaction.direction));
    query.addBindValue(textValue(interaction.summary.trimmed()));
    query.addBindValue(textValue(interaction.body));
    query.addBindValue(interaction.loggedBy ? QVariant(*interaction.loggedBy) : QVariant());
}

} // namespace

QString InteractionRepository::validationError(const Interaction& interaction)
{
    if (interaction.contactId <= 0)
        return QStringLiteral("contact: missing");
    if (interaction.occurredAt > Clock::nowSeconds() + futureSlackSeconds)
        return QStringLiteral("at: %1 is in the future; log conversations that have happened")
            .arg(QDateTime::fromSecsSinceEpoch(interaction.occurredAt, Qt::UTC).toString(Qt::ISODate));
    if (interaction.occurredAt < 0)
        return QStringLiteral("at: dates before 1970 are not supported");
    if (interaction.summary.size() > maxSummaryLength)
        return QStringLiteral("summary: longer than %1 characters; put details in the body")
            .arg(maxSummaryLength);
    return {};
}

Result<qint64> InteractionRepository::insert(const Interaction& interaction)
{
    return write(interaction, false);
}

Result<qint64> InteractionRepository::restore(const Interaction& interaction)
{
    return write(interaction, true);
}

Result<qint64> InteractionRepository::write(const Interaction& interaction, bool keepId)
{
    if (const QString problem = validationError(interaction); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<bool> known = ContactRepository(m_db).exists(interaction.contactId);
    if (!known)
        return known.error();
    if (!*known)
        return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(interaction.contactId));
    // A NULL id lets SQLite choose the next one.
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO interactions (id, contact_id, occurred_at, "
                                                   "channel, direction, summary, body, logged_by, created_at)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(keepId && interaction.id > 0 ? QVariant(interaction.id) : QVariant());
    bindFields(insert, interaction);
    insert.addBindValue(Clock::nowSeconds());
    if (Status status = Database::run(insert); !status) {
        if (interaction.loggedBy)
            return Error::badInput(
                QStringLiteral("logged by: no team member with id %1").arg(*interaction.loggedBy));
        return status.error();
    }
    return insert.lastInsertId().toLongLong();
}

Status InteractionRepository::restoreAll(const QList<Interaction>& interactions)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO interactions (id, contact_id, occurred_at, "
                                                   "channel, direction, summary, body, logged_by, created_at)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = Clock::nowSeconds();
    for (const Interaction& interaction : interactions) {
        if (const QString problem = validationError(interaction); !problem.isEmpty())
            return Error::badInput(problem);
        insert.addBindValue(interaction.id);
        bindFields(insert, interaction);
        insert.addBindValue(now);
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

Result<Interaction> InteractionRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(selectColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no interaction with id %1").arg(id));
    return interactionFrom(query);
}

Status InteractionRepository::update(const Interaction& interaction)
{
    if (const QString problem = validationError(interaction); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<bool> known = ContactRepository(m_db).exists(interaction.contactId);
    if (!known)
        return known.error();
    if (!*known)
        return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(interaction.contactId));
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE interactions SET contact_id = ?, occurred_at = ?, "
                                                   "channel = ?, direction = ?, summary = ?, body = ?,"
                                                   " logged_by = ? WHERE id = ?"));
    bindFields(update, interaction);
    update.addBindValue(interaction.id);
    if (Status status = Database::run(update); !status) {
        if (interaction.loggedBy)
            return Error::badInput(
                QStringLiteral("logged by: no team member with id %1").arg(*interaction.loggedBy));
        return status;
    }
    if (update.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no interaction with id %1").arg(interaction.id));
    return {};
}

Status InteractionRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM interactions WHERE id = ?"));
    remove.addBindValue(id);
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no interaction with id %1").arg(id));
    return {};
}

Result<QList<Interaction>> InteractionRepository::listForContact(qint64 contactId, int limit) const
{
    QSqlQuery query = m_db.prepare(
        selectColumns + QStringLiteral("WHERE contact_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?"));
    query.addBindValue(contactId);
    query.addBindValue(limit > 0 ? limit : -1);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<Interaction> interactions;
    while (query.next())
        interactions << interactionFrom(query);
    return interactions;
}

Result<qint64> InteractionRepository::count() const
{
    const Result<QVariant> value = m_db.scalar(QStringLiteral("SELECT count(*) FROM interactions"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace rapport
