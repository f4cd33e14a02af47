// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Event.h"

namespace rapport {

namespace {
const std::array<const char*, eventKindCount> kindKeys{"meetup", "ama",     "webinar",   "survey",
                                                       "poll",   "podcast", "live_chat", "forum_thread"};
const std::array<const char*, eventKindCount> kindLabels{"Meetup", "AMA",     "Webinar",   "Survey",
                                                         "Poll",   "Podcast", "Live chat", "Forum thread"};
const std::array<const char*, participantRoleCount> roleKeys{"attended", "spoke", "answered", "organized",
                                                             "invited_no_show"};
const std::array<const char*, participantRoleCount> roleLabels{"Attended", "Spoke", "Answered", "Organized",
                                                               "Invited, did not show"};

template <size_t N>
std::optional<int> keyIndex(const std::array<const char*, N>& keys, const QString& text)
{
    // "live-chat" and "Live chat" read as "live_chat": people type keys the way they say them.
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    for (size_t i = 0; i < N; ++i) {
        if (key == QLatin1String(keys[i]))
            return static_cast<int>(i);
    }
    return std::nullopt;
}

template <size_t N>
QStringList keyList(const std::array<const char*, N>& keys)
{
    QStringList names;
    for (const char* key : keys)
        names << QString::fromLatin1(key);
    return names;
}
} // namespace

QString eventKindName(EventKind kind)
{
    return QString::fromLatin1(kindKeys[static_cast<size_t>(kind)]);
}

QString eventKindLabel(EventKind kind)
{
    return QString::fromLatin1(kindLabels[static_cast<size_t>(kind)]);
}

std::optional<EventKind> parseEventKind(const QString& text)
{
    if (const std::optional<int> index = keyIndex(kindKeys, text))
        return static_cast<EventKind>(*index);
    return std::nullopt;
}

QStringList eventKindNames()
{
    return keyList(kindKeys);
}

QString participantRoleName(ParticipantRole role)
{
    return QString::fromLatin1(roleKeys[static_cast<size_t>(role)]);
}

QString participantRoleLabel(ParticipantRole role)
{
    return QString::fromLatin1(roleLabels[static_cast<size_t>(role)]);
}

std::optional<ParticipantRole> parseParticipantRole(const QString& text)
{
    if (const std::optional<int> index = keyIndex(roleKeys, text))
        return static_cast<ParticipantRole>(*index);
    return std::nullopt;
}

QStringList participantRoleNames()
{
    return keyList(roleKeys);
}

std::optional<Direction> roleDirection(ParticipantRole role)
{
    switch (role) {
    case ParticipantRole::Attended:
    case ParticipantRole::Spoke:
    case ParticipantRole::Organized:
        return Direction::Mutual;
    case ParticipantRole::Answered:
        return Direction::Inbound;
    case ParticipantRole::InvitedNoShow:
        return std::nullopt;
    }
    return std::nullopt;
}

Interaction eventInteraction(const Event& event, qint64 contactId, ParticipantRole role)
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.occurredAt = event.occurredAt;
    interaction.channel = event.channel;
    interaction.direction = roleDirection(role).value_or(Direction::Mutual);
    interaction.summary =
        QStringLiteral("%1: %2 (%3)")
            .arg(eventKindLabel(event.kind), event.name.trimmed(), participantRoleLabel(role).toLower());
    interaction.body = event.link;
    return interaction;
}

} // namespace rapport
