// SPDX-License-Identifier: GPL-3.0-or-later
// A channel exported by DiscordChatExporter as JSON (guild, channel, messages[]) as conversation records.
// A direct or group DM is as Slack's: each message with every other participant (its authors); in a
// server channel only replies (`reference`) and mentions between me and someone are conversations.
// "me" is my Discord user id or name.
#pragma once

#include "core/conversations/ConversationSource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rapport {

// A Discord user as a counterpart: known by the user id, a contact by the username as the discord handle.
Counterpart discordCounterpart(const QString& userId, const QString& username, const QString& displayName);

class DiscordExport : public ConversationSource
{
public:
    // Whether the JSON is a DiscordChatExporter export: an object with guild, channel and messages.
    static bool recognizes(const QJsonDocument& document);
    static Result<std::unique_ptr<ConversationSource>> open(const QString& path,
                                                            const QJsonDocument& document, bool withBodies);

    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("discord"); }

private:
    struct Author
    {
        QString id;
        QString name; // the username: the handle
        QString nickname;
        bool bot = false;
    };

    DiscordExport(QString path, bool withBodies)
        : m_path(std::move(path))
        , m_withBodies(withBodies)
    {}
    void judge(const QJsonObject& message, ConversationRecord& record) const;
    Counterpart counterpart(const QString& id) const;

    QString m_path;
    bool m_withBodies;
    QString m_channelId;
    bool m_direct = false;
    QJsonArray m_messages;
    QHash<QString, Author> m_authors;         // user id -> who, of authors and mentioned people
    QStringList m_participants;               // of a DM: the authors that are not bots, in order
    QHash<QString, QString> m_messageAuthors; // message id -> author id, for replies
    QSet<QString> m_me;                       // user ids
    qsizetype m_next = 0;
};

} // namespace rapport
