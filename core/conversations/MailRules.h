// SPDX-License-Identifier: GPL-3.0-or-later
// The rules that make conversations of mail (README, "Importing conversations from email"): automated
// and list mail is not a conversation; a mail from me is outbound to everyone else it went to, a mail to
// me inbound from its sender; a mail to more than ten people is a broadcast; a mail needs a date.
#pragma once

#include "core/conversations/MailMessage.h"
#include "core/model/Channel.h"

#include <QSet>

namespace rapport {

inline constexpr int broadcastLimit = 10; // counterparts; more make a broadcast, not a conversation

struct MailVerdict
{
    QString skipReason; // empty for a conversation: "automated sender", "mailing list", "not yours", …
    Direction direction = Direction::Outbound;
    QList<MailAddress> counterparts; // each once, none of them me
};

// The lower-cased form of an address that "me" and team sets hold.
QString mailKey(const QString& address);

// `me` holds mailKey()s.
MailVerdict judgeMail(const MailMessage& message, const QSet<QString>& me);

} // namespace rapport
