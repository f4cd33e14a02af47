// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable changes to events: creating or deleting one (each the mirror of the other), editing its name,
// kind, time, channel or link, and adding a participant, changing one's role or taking one out. Each
// writes through EventLog, so the participants' interactions, scores and the dashboard follow, and an
// event or interaction brought back comes under its own id, which the other commands on the stack know it
// by.
#pragma once

#include "core/model/Event.h"
#include "ui/undo/DatabaseCommand.h"

#include <QList>
#include <optional>

namespace rapport::ui {

class AddRemoveEventCommand : public DatabaseCommand
{
public:
    enum class Action
    {
        Create,
        Delete
    };

    // Creates `event` with `participants`.
    AddRemoveEventCommand(DatabaseSession& session, const Event& event,
                          const QList<ParticipantEntry>& participants);
    // Deletes the event with this id, with its participants' interactions.
    AddRemoveEventCommand(DatabaseSession& session, qint64 eventId, const QString& eventName);
    // Known once a created event is written.
    qint64 eventId() const { return m_snapshot.event.id; }

protected:
    Status apply() override;
    Status revert() override;

private:
    Status add();
    Status remove();
    void touchParticipants();

    Action m_action;
    QList<ParticipantEntry> m_participants; // of an event to create, for its first write
    EventSnapshot m_snapshot;               // the event as written, to bring it back under its ids
};

class EditEventCommand : public DatabaseCommand
{
public:
    EditEventCommand(DatabaseSession& session, const Event& before, const Event& after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Status write(const Event& event);

    Event m_before;
    Event m_after;
};

class AddEventParticipantCommand : public DatabaseCommand
{
public:
    // Adds someone who was not in the event yet (a late participant), with their interaction.
    AddEventParticipantCommand(DatabaseSession& session, qint64 eventId, const ParticipantEntry& entry,
                               const QString& contactName);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_eventId;
    ParticipantEntry m_entry;
    // The participation and interaction the first write made, to write them again under their ids.
    EventParticipant m_participant;
    std::optional<Interaction> m_interaction;
};

class ChangeParticipantRoleCommand : public DatabaseCommand
{
public:
    ChangeParticipantRoleCommand(DatabaseSession& session, qint64 eventId, qint64 contactId,
                                 ParticipantRole role, const QString& contactName);

protected:
    Status apply() override;
    Status revert() override;

private:
    Status write(ParticipantRole role);

    qint64 m_eventId;
    qint64 m_contactId;
    ParticipantRole m_after;
    ParticipantRole m_before = ParticipantRole::Attended; // read by the first write
    // The conversation the last write deleted (a role that did not take part), for the next write to put
    // back under its id.
    std::optional<Interaction> m_deleted;
};

class RemoveEventParticipantCommand : public DatabaseCommand
{
public:
    RemoveEventParticipantCommand(DatabaseSession& session, qint64 eventId, qint64 contactId,
                                  const QString& contactName);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_eventId;
    qint64 m_contactId;
    // What the first write took out, to put it back under its ids.
    EventParticipant m_participant;
    std::optional<Interaction> m_interaction;
};

} // namespace rapport::ui
