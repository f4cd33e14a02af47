// SPDX-License-Identifier: GPL-3.0-or-later
// Creating, deleting and editing events and their participants as undoable commands.
#include "ui/undo/EventCommands.h"

#include "core/services/EventLog.h"
#include "core/storage/EventRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {

QString translated(const char* text)
{
    return QCoreApplication::translate("rapport::ui::EventCommands", text);
}

EventLog eventLog(DatabaseSession& session)
{
    const qint64 member = session.currentMemberId();
    return EventLog(session.database(), session.engine(),
                    member > 0 ? std::optional<qint64>(member) : std::nullopt);
}

// The participation of a contact in an event and the interaction it wrote, as they are now.
Result<std::pair<EventParticipant, std::optional<Interaction>>> participationOf(Database& db, qint64 eventId,
                                                                                qint64 contactId)
{
    const Result<std::optional<EventParticipant>> participant =
        EventRepository(db).participant(eventId, contactId);
    if (!participant)
        return participant.error();
    if (!*participant)
        return Error::notFound(
            QStringLiteral("participant: contact %1 is not in event %2").arg(contactId).arg(eventId));
    std::optional<Interaction> interaction;
    if ((*participant)->interactionId) {
        Result<Interaction> written = InteractionRepository(db).get(*(*participant)->interactionId);
        if (!written)
            return written.error();
        interaction = std::move(*written);
    }
    return std::pair{**participant, interaction};
}

} // namespace

AddRemoveEventCommand::AddRemoveEventCommand(DatabaseSession& session, const Event& event,
                                             const QList<ParticipantEntry>& participants)
    : DatabaseCommand(session, translated("Create event %1").arg(event.name.trimmed()))
    , m_action(Action::Create)
    , m_participants(participants)
{
    m_snapshot.event = event;
}

AddRemoveEventCommand::AddRemoveEventCommand(DatabaseSession& session, qint64 eventId,
                                             const QString& eventName)
    : DatabaseCommand(session, translated("Delete event %1").arg(eventName))
    , m_action(Action::Delete)
{
    m_snapshot.event.id = eventId;
}

Status AddRemoveEventCommand::apply()
{
    return m_action == Action::Create ? add() : remove();
}

Status AddRemoveEventCommand::revert()
{
    return m_action == Action::Create ? remove() : add();
}

Status AddRemoveEventCommand::add()
{
    EventLog log = eventLog(session());
    if (isFirstRun()) {
        const Result<qint64> created = log.create(m_snapshot.event, m_participants);
        if (!created)
            return created.error();
        // The event as written, with the ids of its interactions, for a redo to write it again.
        Result<EventSnapshot> snapshot = log.snapshot(*created);
        if (!snapshot)
            return snapshot.error();
        m_snapshot = std::move(*snapshot);
        m_participants.clear();
    } else if (Status restored = log.restore(m_snapshot); !restored) {
        // Its ids may have gone to an event or conversation written elsewhere since: the other commands
        // on the stack would then act on the wrong ones.
        return historyBroken(restored.error());
    }
    touchParticipants();
    return {};
}

Status AddRemoveEventCommand::remove()
{
    EventLog log = eventLog(session());
    if (isFirstRun()) {
        Result<EventSnapshot> snapshot = log.snapshot(m_snapshot.event.id);
        if (!snapshot)
            return snapshot.error();
        m_snapshot = std::move(*snapshot);
    }
    if (Status removed = log.remove(m_snapshot.event.id); !removed)
        return removed;
    touchParticipants();
    return {};
}

void AddRemoveEventCommand::touchParticipants()
{
    for (const EventParticipant& participant : std::as_const(m_snapshot.participants))
        session().contactTouched(participant.contactId);
}

EditEventCommand::EditEventCommand(DatabaseSession& session, const Event& before, const Event& after)
    : DatabaseCommand(session, translated("Edit event %1").arg(after.name.trimmed()))
    , m_before(before)
    , m_after(after)
{}

Status EditEventCommand::apply()
{
    return write(m_after);
}

Status EditEventCommand::revert()
{
    return write(m_before);
}

Status EditEventCommand::write(const Event& event)
{
    if (Status edited = eventLog(session()).edit(event); !edited)
        return edited;
    const Result<QList<EventParticipant>> participants =
        EventRepository(session().database()).participants(event.id);
    if (!participants)
        return participants.error();
    // Their interactions moved with the event's time or channel.
    for (const EventParticipant& participant : *participants)
        session().contactTouched(participant.contactId);
    return {};
}

AddEventParticipantCommand::AddEventParticipantCommand(DatabaseSession& session, qint64 eventId,
                                                       const ParticipantEntry& entry,
                                                       const QString& contactName)
    : DatabaseCommand(session, translated("Add %1 to the event").arg(contactName))
    , m_eventId(eventId)
    , m_entry(entry)
{}

Status AddEventParticipantCommand::apply()
{
    EventLog log = eventLog(session());
    if (isFirstRun()) {
        if (Status added = log.addParticipant(m_eventId, m_entry); !added)
            return added;
        const auto written = participationOf(session().database(), m_eventId, m_entry.contactId);
        if (!written)
            return written.error();
        m_participant = written->first;
        m_interaction = written->second;
    } else if (Status restored = log.restoreParticipant(m_participant, m_interaction); !restored) {
        return historyBroken(restored.error());
    }
    session().contactTouched(m_entry.contactId);
    return {};
}

Status AddEventParticipantCommand::revert()
{
    if (Status removed = eventLog(session()).removeParticipant(m_eventId, m_entry.contactId); !removed)
        return removed;
    session().contactTouched(m_entry.contactId);
    return {};
}

ChangeParticipantRoleCommand::ChangeParticipantRoleCommand(DatabaseSession& session, qint64 eventId,
                                                           qint64 contactId, ParticipantRole role,
                                                           const QString& contactName)
    : DatabaseCommand(session, translated("%1: %2").arg(contactName, participantRoleLabel(role).toLower()))
    , m_eventId(eventId)
    , m_contactId(contactId)
    , m_after(role)
{}

Status ChangeParticipantRoleCommand::apply()
{
    if (isFirstRun()) {
        const Result<std::optional<EventParticipant>> before =
            EventRepository(session().database()).participant(m_eventId, m_contactId);
        if (!before)
            return before.error();
        if (!*before)
            return Error::notFound(
                QStringLiteral("participant: contact %1 is not in event %2").arg(m_contactId).arg(m_eventId));
        // The same role again would put a step that does nothing on the stack.
        if ((*before)->role == m_after)
            return Error::cancelled();
        m_before = (*before)->role;
    }
    return write(m_after);
}

Status ChangeParticipantRoleCommand::revert()
{
    return write(m_before);
}

Status ChangeParticipantRoleCommand::write(ParticipantRole role)
{
    const Result<std::optional<Interaction>> deleted =
        eventLog(session()).changeRole(m_eventId, m_contactId, role, m_deleted);
    if (!deleted)
        return deleted.error();
    m_deleted = *deleted;
    session().contactTouched(m_contactId);
    return {};
}

RemoveEventParticipantCommand::RemoveEventParticipantCommand(DatabaseSession& session, qint64 eventId,
                                                             qint64 contactId, const QString& contactName)
    : DatabaseCommand(session, translated("Remove %1 from the event").arg(contactName))
    , m_eventId(eventId)
    , m_contactId(contactId)
{}

Status RemoveEventParticipantCommand::apply()
{
    if (isFirstRun()) {
        const auto before = participationOf(session().database(), m_eventId, m_contactId);
        if (!before)
            return before.error();
        m_participant = before->first;
        m_interaction = before->second;
    }
    if (Status removed = eventLog(session()).removeParticipant(m_eventId, m_contactId); !removed)
        return removed;
    session().contactTouched(m_contactId);
    return {};
}

Status RemoveEventParticipantCommand::revert()
{
    if (Status restored = eventLog(session()).restoreParticipant(m_participant, m_interaction); !restored)
        return historyBroken(restored.error());
    session().contactTouched(m_contactId);
    return {};
}

} // namespace rapport::ui
