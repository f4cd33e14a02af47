// SPDX-License-Identifier: GPL-3.0-or-later
// The archive formats `rapport import conversations --format` names.
#pragma once

#include <QStringList>
#include <optional>

namespace rapport {

enum class ConversationFormat
{
    Auto, // by content
    Mbox,
    Eml,
    Slack,
    Mastodon,
    Discourse,
    Discord
};

// "auto", "mbox", "eml", "slack", "mastodon", "discourse", "discord".
std::optional<ConversationFormat> parseConversationFormat(const QString& text);
QStringList conversationFormatNames();

} // namespace rapport
