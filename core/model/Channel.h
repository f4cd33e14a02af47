// SPDX-License-Identifier: GPL-3.0-or-later
// Interaction channels and directions: the closed vocabularies of the interaction log.
#pragma once

#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace rapport {

enum class Channel : int
{
    Email = 0,
    Call,
    Meeting,
    Forum,
    Chat,
    Social,
    Event,
    Other
};
inline constexpr int channelCount = 8;
inline constexpr std::array<Channel, channelCount> allChannels{
    Channel::Email, Channel::Call,   Channel::Meeting, Channel::Forum,
    Channel::Chat,  Channel::Social, Channel::Event,   Channel::Other};

enum class Direction : int
{
    Outbound = 0, // we reached out
    Inbound,      // they reached out
    Mutual        // both took part, e.g. a meeting
};
inline constexpr int directionCount = 3;

QString channelName(Channel channel);
std::optional<Channel> parseChannel(const QString& text);
QStringList channelNames();

QString directionName(Direction direction);
std::optional<Direction> parseDirection(const QString& text);
QStringList directionNames();

// Allocation-free parsing of the stored keys, for streaming the log.
std::optional<Channel> channelFromKey(const char* key);
std::optional<Direction> directionFromKey(const char* key);

} // namespace rapport
