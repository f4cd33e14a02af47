// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Channel.h"

#include <cstring>

namespace rapport {

namespace {
const std::array<const char*, channelCount> channelKeys{"email", "call",   "meeting", "forum",
                                                        "chat",  "social", "event",   "other"};
const std::array<const char*, directionCount> directionKeys{"outbound", "inbound", "mutual"};
} // namespace

QString channelName(Channel channel)
{
    return QString::fromLatin1(channelKeys[static_cast<size_t>(channel)]);
}

std::optional<Channel> parseChannel(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (int i = 0; i < channelCount; ++i) {
        if (key == QLatin1String(channelKeys[static_cast<size_t>(i)]))
            return static_cast<Channel>(i);
    }
    return std::nullopt;
}

QStringList channelNames()
{
    QStringList names;
    for (const char* key : channelKeys)
        names << QString::fromLatin1(key);
    return names;
}

QString directionName(Direction direction)
{
    return QString::fromLatin1(directionKeys[static_cast<size_t>(direction)]);
}

std::optional<Direction> parseDirection(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (int i = 0; i < directionCount; ++i) {
        if (key == QLatin1String(directionKeys[static_cast<size_t>(i)]))
            return static_cast<Direction>(i);
    }
    return std::nullopt;
}

QStringList directionNames()
{
    QStringList names;
    for (const char* key : directionKeys)
        names << QString::fromLatin1(key);
    return names;
}

std::optional<Channel> channelFromKey(const char* key)
{
    for (int i = 0; key && i < channelCount; ++i) {
        const char* candidate = channelKeys[static_cast<size_t>(i)];
        // The first byte settles most comparisons of a log replay's millions of rows.
        if (key[0] == candidate[0] && std::strcmp(key, candidate) == 0)
            return static_cast<Channel>(i);
    }
    return std::nullopt;
}

std::optional<Direction> directionFromKey(const char* key)
{
    for (int i = 0; key && i < directionCount; ++i) {
        const char* candidate = directionKeys[static_cast<size_t>(i)];
        if (key[0] == candidate[0] && std::strcmp(key, candidate) == 0)
            return static_cast<Direction>(i);
    }
    return std::nullopt;
}

} // namespace rapport
