// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/EventRepository.h"

#include "core/base/Clock.h"

#include <QSqlQuery>

namespace rapport {

namespace {

const QString eventColumns =
    QStringLiteral("e.id, e.name, e.kind, e.occurred_at, e.channel, e.link, e.created_at");

// How many events this participation's contact took part in before this participation's event; events at
// the same moment are ordered by id, so that one of two is always the first.
const QString earlierEventsOfParticipation =
    QStringLiteral("(SELECT count(*) FROM event_participants q JOIN events f ON f.id = q.event_id "
                   "WHERE q.contact_id = p.contact_id AND q.role <> 'invited_no_show' AND "
                   "(f.occurred_at < e.occurred_at OR (f.occurred_at = e.occurred_at AND f.id < e.id)))");

const QString listedColumns =
    eventColumns +
    QStringLiteral(", (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND "
                   "p.role <> 'invited_no_show'), "
                   "(SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND "
                   "p.role = 'invited_no_show'), "
                   "(SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND "
                   "p.role <> 'invited_no_show' AND ") +
    earlierEventsOfParticipation + QStringLiteral(" = 0)");

Event eventFrom(const QSqlQuery& query)
{
    Event event;
    event.id = query.value(0).toLongLong();
    event.name = query.value(1).toString();
    event.kind = parseEventKind(query.value(2).toString()).value_or(EventKind::Meetup);
    event.occurredAt = query.value(3).toLongLong();
    event.channel = parseChannel(query.value(4).toString()).value_or(Channel::Event);
    event.link = query.value(5).toString();
    event.createdAt = query.value(6).toLongLong();
    return event;
}

ListedEvent listedFrom(const QSqlQuery& query)
{
    ListedEvent listed;
    listed.event = eventFrom(query);
    listed.tookPart = query.value(7).toInt();
    listed.invited = query.value(8).toInt();
    listed.firstTimers = query.value(9).toInt();
    return listed;
}

EventParticipant participantFrom(const QSqlQuery& query)
{
    EventParticipant participant;
    participant.eventId = query.value(0).toLongLong();
    participant.contactId = query.value(1).toLongLong();
    participant.role = parseParticipantRole(query.value(2).toString()).value_or(ParticipantRole::Attended);
    if (!query.isNull(3))
        participant.interactionId = query.value(3).toLongLong();
    return participant;
}

QVariant idValue(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant();
}

// The column holds '' for no link: an empty QString may be a null one, which SQLite stores as NULL.
QString storedLink(const Event& event)
{
    const QString link = event.link.trimmed();
    return link.isEmpty() ? QStringLiteral("") : link;
}

Error noEvent(qint64 id)
{
    return Error::notFound(QStringLiteral("event: no event with id %1").arg(id));
}

} // namespace

QString EventRepository::validationError(const Event& event)
{
    if (event.name.trimmed().isEmpty())
        return QStringLiteral("name: an event needs a name");
    if (event.occurredAt <= 0)
        return QStringLiteral("at: missing");
    return {};
}

Result<qint64> EventRepository::insert(const Event& event)
{
    return write(event, false);
}

Status EventRepository::restore(const Event& event)
{
    const Result<qint64> id = write(event, true);
    return id ? Status() : Status(id.error());
}

Result<qint64> EventRepository::write(const Event& event, bool keepId)
{
    if (const QString problem = validationError(event); !problem.isEmpty())
        return Error::badInput(problem);
    QSqlQuery insert = m_db.prepare(
        keepId ? QStringLiteral("INSERT INTO events (id, name, kind, occurred_at, channel, link, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?)")
               : QStringLiteral("INSERT INTO events (name, kind, occurred_at, channel, link, created_at) "
                                "VALUES (?, ?, ?, ?, ?, ?)"));
    if (keepId)
        insert.addBindValue(event.id);
    insert.addBindValue(event.name.trimmed());
    insert.addBindValue(eventKindName(event.kind));
    insert.addBindValue(event.occurredAt);
    insert.addBindValue(channelName(event.channel));
    insert.addBindValue(storedLink(event));
    insert.addBindValue(event.createdAt > 0 ? event.createdAt : Clock::nowSeconds());
    if (Status status = Database::run(insert); !status)
        return status.error();
    return insert.lastInsertId().toLongLong();
}

Result<Event> EventRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT ") + eventColumns +
                                   QStringLiteral(" FROM events e WHERE e.id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return noEvent(id);
    return eventFrom(query);
}

Status EventRepository::update(const Event& event)
{
    if (const QString problem = validationError(event); !problem.isEmpty())
        return Error::badInput(problem);
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE events SET name = ?, kind = ?, occurred_at = ?, channel = ?, link = ? WHERE id = ?"));
    update.addBindValue(event.name.trimmed());
    update.addBindValue(eventKindName(event.kind));
    update.addBindValue(event.occurredAt);
    update.addBindValue(channelName(event.channel));
    update.addBindValue(storedLink(event));
    update.addBindValue(event.id);
    if (Status status = Database::run(update); !status)
        return status;
    if (update.numRowsAffected() == 0)
        return noEvent(event.id);
    return {};
}

Status EventRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
    remove.addBindValue(id);
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0)
        return noEvent(id);
    return {};
}

Result<QList<ListedEvent>> EventRepository::list(std::optional<qint64> since) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT ") + listedColumns +
        QStringLiteral(" FROM events e WHERE e.occurred_at >= ? ORDER BY e.occurred_at DESC, e.id DESC"));
    query.addBindValue(since.value_or(std::numeric_limits<qint64>::min()));
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ListedEvent> events;
    while (query.next())
        events << listedFrom(query);
    return events;
}

Result<ListedEvent> EventRepository::listed(qint64 id) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT ") + listedColumns +
                                   QStringLiteral(" FROM events e WHERE e.id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return noEvent(id);
    return listedFrom(query);
}

Status EventRepository::addParticipant(const EventParticipant& participant)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO event_participants (event_id, contact_id, role, interaction_id) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(participant.eventId);
    insert.addBindValue(participant.contactId);
    insert.addBindValue(participantRoleName(participant.role));
    insert.addBindValue(idValue(participant.interactionId));
    return Database::run(insert);
}

Status EventRepository::updateParticipant(const EventParticipant& participant)
{
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE event_participants SET role = ?, interaction_id = ? WHERE event_id = ? AND contact_id = ?"));
    update.addBindValue(participantRoleName(participant.role));
    update.addBindValue(idValue(participant.interactionId));
    update.addBindValue(participant.eventId);
    update.addBindValue(participant.contactId);
    return Database::run(update);
}

Status EventRepository::removeParticipant(qint64 eventId, qint64 contactId)
{
    QSqlQuery remove =
        m_db.prepare(QStringLiteral("DELETE FROM event_participants WHERE event_id = ? AND contact_id = ?"));
    remove.addBindValue(eventId);
    remove.addBindValue(contactId);
    return Database::run(remove);
}

Result<std::optional<EventParticipant>> EventRepository::participant(qint64 eventId, qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT event_id, contact_id, role, interaction_id FROM event_participants "
                       "WHERE event_id = ? AND contact_id = ?"));
    query.addBindValue(eventId);
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<EventParticipant>();
    return std::optional<EventParticipant>(participantFrom(query));
}

Result<QList<EventParticipant>> EventRepository::participants(qint64 eventId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT event_id, contact_id, role, interaction_id FROM event_participants "
                       "WHERE event_id = ? ORDER BY contact_id"));
    query.addBindValue(eventId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<EventParticipant> participants;
    while (query.next())
        participants << participantFrom(query);
    return participants;
}

Result<QList<ListedParticipant>> EventRepository::listParticipants(qint64 eventId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT p.event_id, p.contact_id, p.role, p.interaction_id, c.display_name, ") +
        earlierEventsOfParticipation +
        QStringLiteral(" FROM event_participants p JOIN events e ON e.id = p.event_id "
                       "JOIN contacts c ON c.id = p.contact_id WHERE p.event_id = ? "
                       "ORDER BY c.display_name COLLATE NOCASE, c.id"));
    query.addBindValue(eventId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ListedParticipant> participants;
    while (query.next()) {
        ListedParticipant listed;
        listed.participant = participantFrom(query);
        listed.contactName = query.value(4).toString();
        listed.earlierEvents = query.value(5).toInt();
        participants << listed;
    }
    return participants;
}

Result<QList<EventParticipant>> EventRepository::participationsOf(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT event_id, contact_id, role, interaction_id FROM event_participants "
                       "WHERE contact_id = ? ORDER BY event_id"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<EventParticipant> participations;
    while (query.next())
        participations << participantFrom(query);
    return participations;
}

Status EventRepository::restoreParticipations(const QList<EventParticipant>& participations)
{
    QSqlQuery insert = m_db.prepare(
        QStringLiteral("INSERT INTO event_participants (event_id, contact_id, role, interaction_id) "
                       "SELECT ?, ?, ?, (SELECT id FROM interactions WHERE id = ?) "
                       "WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)"));
    for (const EventParticipant& participant : participations) {
        insert.addBindValue(participant.eventId);
        insert.addBindValue(participant.contactId);
        insert.addBindValue(participantRoleName(participant.role));
        insert.addBindValue(idValue(participant.interactionId));
        insert.addBindValue(participant.eventId);
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

Status EventRepository::moveParticipations(qint64 fromId, qint64 toId)
{
    const QString shared = QStringLiteral(
        "contact_id = ? AND event_id IN (SELECT event_id FROM event_participants WHERE contact_id = ?)");
    QSqlQuery dropInteractions = m_db.prepare(
        QStringLiteral("DELETE FROM interactions WHERE id IN (SELECT interaction_id FROM event_participants "
                       "WHERE ") +
        shared + QStringLiteral(")"));
    QSqlQuery dropParticipations =
        m_db.prepare(QStringLiteral("DELETE FROM event_participants WHERE ") + shared);
    for (QSqlQuery* query : {&dropInteractions, &dropParticipations}) {
        query->addBindValue(fromId);
        query->addBindValue(toId);
        if (Status status = Database::run(*query); !status)
            return status;
    }
    QSqlQuery move =
        m_db.prepare(QStringLiteral("UPDATE event_participants SET contact_id = ? WHERE contact_id = ?"));
    move.addBindValue(toId);
    move.addBindValue(fromId);
    return Database::run(move);
}

} // namespace rapport
