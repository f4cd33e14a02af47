// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON files of chat exports, read through Qt's JSON classes one file at a time, with the refusals
// naming the file and line; and the text helpers the chat readers share.
#pragma once

#include "core/base/Result.h"

#include <QJsonDocument>
#include <QString>

namespace rapport {

inline constexpr qsizetype chatSummaryLimit = 200; // characters of a chat message's summary

// `bytes` as JSON; a bad-input error "WHERE: line 3: not JSON: unterminated string" otherwise.
Result<QJsonDocument> parseJsonFile(const QByteArray& bytes, const QString& where);

// The first line of a message's text, trimmed, at most chatSummaryLimit characters.
QString summaryLine(const QString& text);

// The text of a post's HTML (Mastodon's content, Discourse's cooked): paragraphs and line breaks as
// new lines, tags dropped, the common entities decoded.
QString htmlText(const QString& html);

} // namespace rapport
