// SPDX-License-Identifier: GPL-3.0-or-later
// Events and their participants: SQL only. Writing the participants' interactions, and keeping scores in
// step with them, is EventLog's job.
#pragma once

#include "core/model/Event.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

// An event as the Events page and `rapport event list` show it.
struct ListedEvent
{
    Event event;
    int tookPart = 0;    // participants in any role but invited-no-show
    int invited = 0;     // invited who did not show
    int firstTimers = 0; // those for whom this is the first event they took part in
};

// A participant with what the event page marks beside them.
struct ListedParticipant
{
    EventParticipant participant;
    QString contactName;
    int earlierEvents = 0; // events taken part in before this one

    bool tookPart() const { return participant.role != ParticipantRole::InvitedNoShow; }
    // This event is the first they took part in.
    bool firstTimer() const { return tookPart() && earlierEvents == 0; }
    // They took part in at least `regularEvents` events before this one.
    bool regular() const { return earlierEvents >= regularEvents; }
    static constexpr int regularEvents = 3;
};

class EventRepository
{
public:
    explicit EventRepository(Database& db)
        : m_db(db)
    {}

    Result<qint64> insert(const Event& event);
    // Inserts a deleted event again under its own id (undo of a delete).
    Status restore(const Event& event);
    Result<Event> get(qint64 id) const;
    Status update(const Event& event);
    Status remove(qint64 id);
    // Events from `since` on (all when not given), newest first, with their counts.
    Result<QList<ListedEvent>> list(std::optional<qint64> since = {}) const;
    Result<ListedEvent> listed(qint64 id) const;

    Status addParticipant(const EventParticipant& participant);
    Status updateParticipant(const EventParticipant& participant);
    Status removeParticipant(qint64 eventId, qint64 contactId);
    // The participation of this contact in this event, if any.
    Result<std::optional<EventParticipant>> participant(qint64 eventId, qint64 contactId) const;
    Result<QList<EventParticipant>> participants(qint64 eventId) const;
    // The event's participants by name, with how many events each took part in before it.
    Result<QList<ListedParticipant>> listParticipants(qint64 eventId) const;
    // Every participation of a contact (kept in its snapshot for undo and unmerge).
    Result<QList<EventParticipant>> participationsOf(qint64 contactId) const;
    // Writes a deleted contact's participations again (undo of a delete or a merge); those in an event
    // deleted since are left out, and so is the link to an interaction deleted since.
    Status restoreParticipations(const QList<EventParticipant>& participations);
    // Gives `fromId`'s participations to `toId` (merging contacts). In an event both were in, `toId`'s
    // participation stays and `fromId`'s goes with the interaction it wrote, so the event counts one
    // person once.
    Status moveParticipations(qint64 fromId, qint64 toId);

    // Why this event cannot be stored, naming the field; empty when it can.
    static QString validationError(const Event& event);

private:
    Result<qint64> write(const Event& event, bool keepId);
    Database& m_db;
};

} // namespace rapport
