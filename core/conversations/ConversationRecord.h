// SPDX-License-Identifier: GPL-3.0-or-later
// One message of an archive as the conversation import writes it, whatever the archive was: read by a
// ConversationSource (mail, Slack, Mastodon, Discourse, Discord), written by ConversationImporter. A
// record either is a conversation with its counterparts or carries the reason it is not one.
#pragma once

#include "core/model/Channel.h"
#include "core/model/ContactMethod.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace rapport {

// Someone a message was with: found among the contacts by email, else by handle; a new contact gets both.
struct Counterpart
{
    // Who this is within the source, stable across exports ("ann@example.org", "slack:U024BE7LH"): the
    // part of each interaction's source key that tells the counterparts of one message apart.
    QString key;
    QString email;                        // may be empty
    std::optional<MethodKind> handleKind; // the service of `handle`, when there is one
    QString handle;                       // "ann", "@ann@mastodon.social"
    QString name;                         // to name a new contact; may be empty
};

struct ConversationRecord
{
    QString location;   // "Inbox: message 12", "export.zip: general/2025-03-17.json: message 3"
    QString skipReason; // not empty: the message is no conversation and is counted under this reason
    Channel channel = Channel::Email;
    Direction direction = Direction::Outbound;
    QList<Counterpart> counterparts; // each once, none of them me
    qint64 occurredAt = 0;           // seconds since the epoch, UTC
    QString summary;
    QString body; // only when the source was asked for bodies
    // The message within its source ("email\nid\n<message-id>", "slack\nC024BE91L\n1742205600.000200"):
    // with a counterpart's key, the interaction's source key, so that importing again adds nothing.
    QByteArray sourceKey;
};

} // namespace rapport
