// SPDX-License-Identifier: GPL-3.0-or-later
// An event or group conversation — a meetup, an AMA, a webinar, a survey, a poll, a podcast, a live chat, a
// forum thread — and the people who took part in it, each in one role. Everyone who took part has one
// ordinary interaction in the log, linked to the event; someone invited who did not show has none.
#pragma once

#include "core/model/Channel.h"
#include "core/model/Interaction.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace rapport {

enum class EventKind : int
{
    Meetup = 0,
    Ama,
    Webinar,
    Survey,
    Poll,
    Podcast,
    LiveChat,
    ForumThread
};
inline constexpr int eventKindCount = 8;

enum class ParticipantRole : int
{
    Attended = 0,
    Spoke,
    Answered,
    Organized,
    InvitedNoShow
};
inline constexpr int participantRoleCount = 5;
inline constexpr std::array<ParticipantRole, participantRoleCount> allParticipantRoles{
    ParticipantRole::Attended, ParticipantRole::Spoke, ParticipantRole::Answered, ParticipantRole::Organized,
    ParticipantRole::InvitedNoShow};

QString eventKindName(EventKind kind);  // stable key, e.g. "live_chat"
QString eventKindLabel(EventKind kind); // for people, e.g. "Live chat"
std::optional<EventKind> parseEventKind(const QString& text);
QStringList eventKindNames();

QString participantRoleName(ParticipantRole role);  // stable key, e.g. "invited_no_show"
QString participantRoleLabel(ParticipantRole role); // for people, e.g. "Invited, did not show"
std::optional<ParticipantRole> parseParticipantRole(const QString& text);
QStringList participantRoleNames();

// The direction of the interaction a role writes: mutual for those who were there together with us
// (attended, spoke, organized), inbound for those who answered a survey, poll or thread; none for someone
// invited who did not show.
std::optional<Direction> roleDirection(ParticipantRole role);

struct Event
{
    qint64 id = 0;
    QString name;
    EventKind kind = EventKind::Meetup;
    qint64 occurredAt = 0; // seconds since the epoch, UTC
    Channel channel = Channel::Event;
    QString link; // empty when there is none
    qint64 createdAt = 0;
};

struct EventParticipant
{
    qint64 eventId = 0;
    qint64 contactId = 0;
    ParticipantRole role = ParticipantRole::Attended;
    std::optional<qint64> interactionId; // the interaction this participation wrote
};

// Someone to add to an event: who, and in what role.
struct ParticipantEntry
{
    qint64 contactId = 0;
    ParticipantRole role = ParticipantRole::Attended;
};

// An event as it was, with its participations and the interactions they wrote, to create it again under
// the same ids (undo of a delete, redo of a create).
struct EventSnapshot
{
    Event event;
    QList<EventParticipant> participants;
    QList<Interaction> interactions;
};

// The interaction a participation writes: the event's time and channel, the role's direction, and a
// summary naming the event.
Interaction eventInteraction(const Event& event, qint64 contactId, ParticipantRole role);

} // namespace rapport
