// SPDX-License-Identifier: GPL-3.0-or-later
// The demo community's events: a meetup every month, alternating between Berlin and New York, each with a
// core of regulars, newcomers, a speaker or two, organizers and people who said they would come and did
// not; a few AMAs, webinars and podcast episodes with speakers; a survey and a poll with many answers; a
// forum thread and a live chat. Planned before the contacts are written, so that each participation that
// took part is one of its contact's conversations, scored with the others.
#pragma once

#include "core/model/Event.h"
#include "core/storage/Database.h"

#include <QByteArray>
#include <array>
#include <vector>

namespace rapport {

// When a contact can take part in an event: within their conversations (from, to), and how many of their
// conversations may be events. A contact with no conversations (capacity 0) can only be a no-show.
struct DemoEventWindow
{
    qint64 from = 0;
    qint64 to = 0;
    qint64 capacity = 0;
};

struct DemoParticipation
{
    size_t event = 0;   // index into DemoEventPlan::events
    size_t contact = 0; // index into the demo's contacts
    ParticipantRole role = ParticipantRole::Attended;
};

struct DemoEventPlan
{
    std::vector<Event> events;    // oldest first, without ids
    std::vector<size_t> loggedBy; // per event, the index of the team member who logged it
    std::vector<DemoParticipation> participations;
    // Per contact, the participations (indices into `participations`) that took part, oldest first.
    std::vector<std::vector<size_t>> tookPartBy;
    // Per event and role, the summary of the interaction the role writes (as eventInteraction() words it).
    std::vector<std::array<QByteArray, participantRoleCount>> summaries;
};

// Plans the events of the demo ending at `end` among contacts with these windows; its own random sequence
// from `seed`, so that the same seed plans the same events. No contact takes part in more events than
// their capacity.
DemoEventPlan planDemoEvents(const std::vector<DemoEventWindow>& windows, size_t teamMembers, qint64 end,
                             quint64 seed);

// Writes the plan's events and participations inside the caller's transaction. `interactionIds[i]` is the
// interaction participation i wrote (0 for a no-show).
Result<qint64> writeDemoEvents(Database& db, const DemoEventPlan& plan, const std::vector<qint64>& contactIds,
                               const std::vector<qint64>& interactionIds);

} // namespace rapport
