// SPDX-License-Identifier: GPL-3.0-or-later
// Discord's own data package (Settings > Data & Privacy > Request data), as its zip or unpacked, as
// conversation records. account/user.json names its owner, who is "me", and their friends
// (`relationships`); messages/index.json names each channel; messages/c<ID>/ (messages/<ID>/ in older
// packages) holds channel.json (the type: 1 a DM, 3 a group DM, else a server channel; the recipients) and
// the owner's own messages, as messages.json or messages.csv (ID,Timestamp,Contents,Attachments). Only my
// messages are there, so every conversation is outbound: in a DM or group DM with each other recipient, in a
// server channel with each person a message mentions ("<@id>"). Recipients are known by id; a name, needed
// to be a contact, comes from the friends or from index.json's "Direct Message with ann#0".
#pragma once

#include "core/conversations/ArchiveFolder.h"
#include "core/conversations/ConversationSource.h"

#include <QHash>
#include <QList>

namespace rapport {

class DiscordPackage : public ConversationSource
{
public:
    // Whether the folder holds account/user.json and messages/index.json.
    static bool recognizes(const ArchiveFolder& folder);
    static Result<std::unique_ptr<ConversationSource>> open(std::unique_ptr<ArchiveFolder> folder,
                                                            bool withBodies);

    // The package names its owner; the given values are not needed.
    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("discord data package"); }

private:
    struct User
    {
        QString username; // the handle
        QString displayName;
    };
    struct Message
    {
        QString location;
        QString id;
        QString timestamp;
        QString contents;
    };

    DiscordPackage(std::unique_ptr<ArchiveFolder> folder, bool withBodies)
        : m_folder(std::move(folder))
        , m_withBodies(withBodies)
    {}
    Status readAccount();
    Status readIndex();
    // Reads the next channel with messages; false after the last.
    Result<bool> openNextChannel();
    Status readChannel(const QString& folder);
    Status readMessagesJson(const QString& file);
    Status readMessagesCsv(const QString& file);
    void judge(const Message& message, ConversationRecord& record) const;
    QString readable(const QString& contents) const;

    std::unique_ptr<ArchiveFolder> m_folder;
    bool m_withBodies;
    QString m_me;                      // the owner's user id
    QHash<QString, User> m_users;      // user id -> name, of friends and DM recipients
    QHash<QString, QString> m_dmNames; // DM channel id -> the other's username, from index.json
    QStringList m_channelFolders;      // "messages/c123", sorted
    qsizetype m_channel = -1;
    QString m_channelId;
    bool m_direct = false;
    QStringList m_recipients; // of a DM or group DM, not me
    QList<Message> m_messages;
    qsizetype m_message = 0;
};

} // namespace rapport
