// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/EventLog.h"

#include "core/model/ContactReference.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/EventRepository.h"
#include "core/storage/InteractionRepository.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

namespace rapport {

namespace {

Error alreadyIn(qint64 eventId, qint64 contactId)
{
    return Error::badInput(
        QStringLiteral("participant: contact %1 is already in event %2").arg(contactId).arg(eventId));
}

Error notIn(qint64 eventId, qint64 contactId)
{
    return Error::notFound(
        QStringLiteral("participant: contact %1 is not in event %2").arg(contactId).arg(eventId));
}

// The interaction a participation wrote, as the event now says it is.
Interaction rewritten(const Interaction& before, const Event& event, ParticipantRole role)
{
    Interaction interaction = eventInteraction(event, before.contactId, role);
    interaction.id = before.id;
    interaction.loggedBy = before.loggedBy;
    return interaction;
}

} // namespace

Status EventLog::addTo(const Event& event, const ParticipantEntry& entry)
{
    EventParticipant participant{event.id, entry.contactId, entry.role, std::nullopt};
    if (roleDirection(entry.role)) {
        Interaction interaction = eventInteraction(event, entry.contactId, entry.role);
        interaction.loggedBy = m_loggedBy;
        const Result<qint64> id = ConversationLog(m_db, m_engine).log(interaction);
        if (!id)
            return id.error();
        participant.interactionId = *id;
    } else {
        const Result<bool> known = ContactRepository(m_db).exists(entry.contactId);
        if (!known)
            return known.error();
        if (!*known)
            return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(entry.contactId));
    }
    return EventRepository(m_db).addParticipant(participant);
}

Result<qint64> EventLog::create(const Event& event, const QList<ParticipantEntry>& participants)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<qint64> id = EventRepository(m_db).insert(event);
    if (!id)
        return id.error();
    Event created = event;
    created.id = *id;
    QSet<qint64> seen;
    for (const ParticipantEntry& entry : participants) {
        if (seen.contains(entry.contactId))
            return alreadyIn(*id, entry.contactId);
        seen.insert(entry.contactId);
        if (Status added = addTo(created, entry); !added)
            return added.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Status EventLog::edit(const Event& event)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    EventRepository events(m_db);
    if (Status updated = events.update(event); !updated)
        return updated;
    const Result<QList<EventParticipant>> participants = events.participants(event.id);
    if (!participants)
        return participants.error();
    InteractionRepository interactions(m_db);
    ConversationLog log(m_db, m_engine);
    for (const EventParticipant& participant : *participants) {
        if (!participant.interactionId)
            continue;
        const Result<Interaction> before = interactions.get(*participant.interactionId);
        if (!before)
            return before.error();
        if (Status edited = log.edit(rewritten(*before, event, participant.role)); !edited)
            return edited;
    }
    return transaction.commit();
}

Status EventLog::addParticipant(qint64 eventId, const ParticipantEntry& entry)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    EventRepository events(m_db);
    const Result<Event> event = events.get(eventId);
    if (!event)
        return event.error();
    const Result<std::optional<EventParticipant>> existing = events.participant(eventId, entry.contactId);
    if (!existing)
        return existing.error();
    if (*existing)
        return alreadyIn(eventId, entry.contactId);
    if (Status added = addTo(*event, entry); !added)
        return added;
    return transaction.commit();
}

Result<std::optional<Interaction>> EventLog::changeRole(qint64 eventId, qint64 contactId,
                                                        ParticipantRole role,
                                                        const std::optional<Interaction>& earlier)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    EventRepository events(m_db);
    const Result<Event> event = events.get(eventId);
    if (!event)
        return event.error();
    const Result<std::optional<EventParticipant>> existing = events.participant(eventId, contactId);
    if (!existing)
        return existing.error();
    if (!*existing)
        return notIn(eventId, contactId);
    EventParticipant participant = **existing;
    participant.role = role;
    ConversationLog log(m_db, m_engine);
    std::optional<Interaction> deleted;
    if (participant.interactionId) {
        const Result<Interaction> before = InteractionRepository(m_db).get(*participant.interactionId);
        if (!before)
            return before.error();
        if (roleDirection(role)) {
            if (Status edited = log.edit(rewritten(*before, *event, role)); !edited)
                return edited.error();
        } else {
            if (Status removed = log.remove(*participant.interactionId); !removed)
                return removed.error();
            participant.interactionId.reset();
            deleted = *before;
        }
    } else if (roleDirection(role)) {
        Result<qint64> id = 0;
        if (earlier && earlier->contactId == contactId) {
            id = log.restore(rewritten(*earlier, *event, role));
        } else {
            Interaction interaction = eventInteraction(*event, contactId, role);
            interaction.loggedBy = m_loggedBy;
            id = log.log(interaction);
        }
        if (!id)
            return id.error();
        participant.interactionId = *id;
    }
    if (Status updated = events.updateParticipant(participant); !updated)
        return updated.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return deleted;
}

Status EventLog::removeParticipant(qint64 eventId, qint64 contactId)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    EventRepository events(m_db);
    const Result<std::optional<EventParticipant>> existing = events.participant(eventId, contactId);
    if (!existing)
        return existing.error();
    if (!*existing)
        return notIn(eventId, contactId);
    if (Status removed = events.removeParticipant(eventId, contactId); !removed)
        return removed;
    if ((*existing)->interactionId) {
        if (Status removed = ConversationLog(m_db, m_engine).remove(*(*existing)->interactionId); !removed)
            return removed;
    }
    return transaction.commit();
}

Status EventLog::restoreParticipant(const EventParticipant& participant,
                                    const std::optional<Interaction>& interaction)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    EventParticipant restored = participant;
    restored.interactionId.reset();
    if (interaction) {
        const Result<qint64> id = ConversationLog(m_db, m_engine).restore(*interaction);
        if (!id)
            return id.error();
        restored.interactionId = *id;
    }
    if (Status added = EventRepository(m_db).addParticipant(restored); !added)
        return added;
    return transaction.commit();
}

Status EventLog::remove(qint64 eventId)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    EventRepository events(m_db);
    const Result<QList<EventParticipant>> participants = events.participants(eventId);
    if (!participants)
        return participants.error();
    if (Status removed = events.remove(eventId); !removed)
        return removed;
    ConversationLog log(m_db, m_engine);
    for (const EventParticipant& participant : *participants) {
        if (!participant.interactionId)
            continue;
        if (Status removed = log.remove(*participant.interactionId); !removed)
            return removed;
    }
    return transaction.commit();
}

Result<EventSnapshot> EventLog::snapshot(qint64 eventId) const
{
    Transaction transaction(m_db, TransactionMode::Read);
    if (!transaction.status().ok())
        return transaction.status().error();
    EventRepository events(m_db);
    EventSnapshot snapshot;
    Result<Event> event = events.get(eventId);
    if (!event)
        return event.error();
    snapshot.event = std::move(*event);
    Result<QList<EventParticipant>> participants = events.participants(eventId);
    if (!participants)
        return participants.error();
    snapshot.participants = std::move(*participants);
    InteractionRepository interactions(m_db);
    for (const EventParticipant& participant : std::as_const(snapshot.participants)) {
        if (!participant.interactionId)
            continue;
        Result<Interaction> interaction = interactions.get(*participant.interactionId);
        if (!interaction)
            return interaction.error();
        snapshot.interactions << std::move(*interaction);
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return snapshot;
}

Status EventLog::restore(const EventSnapshot& snapshot)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status restored = EventRepository(m_db).restore(snapshot.event); !restored)
        return restored;
    ConversationLog log(m_db, m_engine);
    for (const Interaction& interaction : snapshot.interactions) {
        if (const Result<qint64> restored = log.restore(interaction); !restored)
            return restored.error();
    }
    EventRepository events(m_db);
    for (const EventParticipant& participant : snapshot.participants) {
        if (Status added = events.addParticipant(participant); !added)
            return added;
    }
    return transaction.commit();
}

Result<qint64> resolveParticipant(Database& db, const QString& typed)
{
    const Result<qint64> resolved = ContactRepository(db).resolve(typed);
    if (resolved || resolved.error().kind != ErrorKind::NotFound)
        return resolved;
    const Result<ContactReference> reference = ContactReference::parse(typed);
    if (!reference || reference->id)
        return resolved;
    // Not an id, email or handle anyone has: perhaps a name, as attendance lists often give them.
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT id FROM contacts WHERE display_name = ? COLLATE NOCASE ORDER BY archived, id LIMIT 2"));
    query.addBindValue(reference->text);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<qint64> named;
    while (query.next())
        named << query.value(0).toLongLong();
    if (named.isEmpty())
        return Error::notFound(
            QStringLiteral("contact: no contact with id, email, handle or name '%1'").arg(reference->text));
    if (named.size() > 1) {
        const Error several = reference->severalMatch(named.at(0), named.at(1));
        return Error{several.kind, QStringLiteral("contact: %1").arg(several.message)};
    }
    return named.constFirst();
}

Result<QList<ParticipantEntry>> resolvePastedParticipants(Database& db, const QString& pasted,
                                                          ParticipantRole role)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\t]"));
    QList<ParticipantEntry> entries;
    QSet<qint64> seen;
    QStringList problems;
    const QStringList lines = pasted.split(QLatin1Char('\n'));
    for (qsizetype line = 0; line < lines.size(); ++line) {
        for (const QString& item : lines.at(line).split(separators)) {
            if (item.trimmed().isEmpty())
                continue;
            const Result<qint64> id = resolveParticipant(db, item);
            if (!id) {
                problems << QStringLiteral("line %1: %2").arg(line + 1).arg(id.error().message);
                continue;
            }
            // The same person twice in a pasted list is one participant.
            if (seen.contains(*id))
                continue;
            seen.insert(*id);
            entries << ParticipantEntry{*id, role};
        }
    }
    if (!problems.isEmpty())
        return Error::badInput(problems.join(QLatin1Char('\n')));
    return entries;
}

} // namespace rapport
