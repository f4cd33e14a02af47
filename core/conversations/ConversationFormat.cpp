// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ConversationFormat.h"

#include <iterator>

namespace rapport {

namespace {

const char* const formatKeys[] = {"auto", "mbox", "eml", "slack", "mastodon", "discourse", "discord"};

} // namespace

std::optional<ConversationFormat> parseConversationFormat(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (size_t i = 0; i < std::size(formatKeys); ++i) {
        if (key == QLatin1String(formatKeys[i]))
            return static_cast<ConversationFormat>(i);
    }
    return std::nullopt;
}

QStringList conversationFormatNames()
{
    QStringList names;
    for (const char* key : formatKeys)
        names << QString::fromLatin1(key);
    return names;
}

} // namespace rapport
