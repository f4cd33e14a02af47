// SPDX-License-Identifier: GPL-3.0-or-later
// A Slack workspace export (users.json, channels.json, groups.json, dms.json, mpims.json, and a folder
// of YYYY-MM-DD.json files per conversation) as conversation records, one day file in memory at a time.
// In a direct or group message with me, each message is with every other member; in a channel, only
// thread replies and mentions between me and someone are (README, "Slack").
#pragma once

#include "core/conversations/ArchiveFolder.h"
#include "core/conversations/ConversationSource.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace rapport {

class SlackArchive : public ConversationSource
{
public:
    // Whether the folder looks like a Slack export: users.json and channels.json at its top.
    static bool recognizes(const ArchiveFolder& folder);
    // Reads the users and conversations; a bad-input error names a file that is not Slack's.
    static Result<std::unique_ptr<ConversationSource>> open(std::unique_ptr<ArchiveFolder> folder,
                                                            bool withBodies);

    // "me" is a user id, or the email or a name of a user in users.json.
    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("slack"); }

private:
    struct User
    {
        QString id;
        QString name; // the handle
        QString realName;
        QString displayName;
        QString email;
        bool bot = false;
        bool deleted = false;
    };
    struct Conversation
    {
        QString id;
        QString folder;
        bool direct = false; // a DM or multi-person DM: every message is with every member
        QStringList members;
    };

    SlackArchive(std::unique_ptr<ArchiveFolder> folder, bool withBodies)
        : m_folder(std::move(folder))
        , m_withBodies(withBodies)
    {}
    Status readUsers();
    Status readConversations(const QString& file, bool direct, bool namedByName);
    // Moves on to the next day file with messages; false after the last.
    Result<bool> openNextDay();
    void judge(const QJsonObject& message, ConversationRecord& record);
    // The counterpart a user is, none for bots, deleted users and unknown ids.
    std::optional<Counterpart> counterpart(const QString& userId) const;
    QString readable(const QString& text) const;

    std::unique_ptr<ArchiveFolder> m_folder;
    bool m_withBodies;
    QHash<QString, User> m_users;
    QList<Conversation> m_conversations;
    QSet<QString> m_me; // user ids
    qsizetype m_conversation = -1;
    QStringList m_days; // the day files of the current conversation
    qsizetype m_day = 0;
    QString m_dayFile;
    QJsonArray m_messages; // of the day file being read
    qsizetype m_message = 0;
    QHash<QString, QString> m_threadAuthors; // thread ts -> its author, in the current conversation
};

} // namespace rapport
