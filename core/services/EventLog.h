// SPDX-License-Identifier: GPL-3.0-or-later
// Logging events: each change to an event, its participants or their roles is one transaction that writes,
// rewrites or deletes the participants' interactions through ConversationLog, so scores, the dashboard's
// rollup and every report count an event's conversations as any other. The command line and the GUI both
// go through here.
#pragma once

#include "core/model/Event.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"

#include <QList>
#include <QStringList>
#include <optional>

namespace rapport {

class EventLog
{
public:
    // `loggedBy` is the team member the interactions written are logged by (none when not known).
    EventLog(Database& db, ScoringEngine& engine, std::optional<qint64> loggedBy = {})
        : m_db(db)
        , m_engine(engine)
        , m_loggedBy(loggedBy)
    {}

    // Creates the event with its participants, each taking part once, and their interactions.
    Result<qint64> create(const Event& event, const QList<ParticipantEntry>& participants);
    // Changes the event's name, kind, time, channel or link, and its participants' interactions with it.
    Status edit(const Event& event);
    // Adds a participant who was not in the event yet (a late one), with their interaction.
    Status addParticipant(qint64 eventId, const ParticipantEntry& entry);
    // Changes a participant's role: their interaction is rewritten to the new role's direction, written
    // when they now took part, deleted when they now did not show. Returns the interaction it deleted, so
    // that the undo step can give it back as `earlier`: written again under its own id (as the event now
    // says it is), other steps naming that conversation still find it.
    Result<std::optional<Interaction>> changeRole(qint64 eventId, qint64 contactId, ParticipantRole role,
                                                  const std::optional<Interaction>& earlier = {});
    // Takes a participant out of the event, with their interaction.
    Status removeParticipant(qint64 eventId, qint64 contactId);
    // Puts back a participant removeParticipant() took out, their interaction under its own id.
    Status restoreParticipant(const EventParticipant& participant,
                              const std::optional<Interaction>& interaction);
    // Deletes the event with its participants' interactions.
    Status remove(qint64 eventId);

    // The event with its participants and their interactions, for restore().
    Result<EventSnapshot> snapshot(qint64 eventId) const;
    // Creates a snapshot's event again under its ids (undo of a delete, redo of a create).
    Status restore(const EventSnapshot& snapshot);

private:
    // Writes a participation and, when the role took part, its interaction.
    Status addTo(const Event& event, const ParticipantEntry& entry);
    Database& m_db;
    ScoringEngine& m_engine;
    std::optional<qint64> m_loggedBy;
};

// Resolves what names a participant — an id, an email, "service:handle", "@handle", or a contact's display
// name — to a contact id; the error names the field as ContactRepository::resolve does.
Result<qint64> resolveParticipant(Database& db, const QString& typed);

// Participants as a pasted list gives them: one per line, or separated by commas or semicolons, each
// resolved by resolveParticipant() in `role`. Unknown ones are all reported, one per line ("line N:
// contact: …"), and then nothing is returned.
Result<QList<ParticipantEntry>> resolvePastedParticipants(Database& db, const QString& pasted,
                                                          ParticipantRole role);

} // namespace rapport
