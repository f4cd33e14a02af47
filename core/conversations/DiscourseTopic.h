// SPDX-License-Identifier: GPL-3.0-or-later
// A Discourse topic as its API returns it (/t/ID.json: post_stream.posts[]) as conversation records:
// a post of mine replying to someone's is outbound to them, their reply to mine inbound from them, and
// @mentions between me and someone the same. "me" is my username on the forum.
#pragma once

#include "core/conversations/ConversationSource.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rapport {

class DiscourseTopic : public ConversationSource
{
public:
    // Whether the JSON is a topic: an object with post_stream.posts.
    static bool recognizes(const QJsonDocument& document);
    // `document` was read from `path`; a bad-input error when it is not a topic.
    static Result<std::unique_ptr<ConversationSource>> open(const QString& path,
                                                            const QJsonDocument& document, bool withBodies);

    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("discourse"); }

private:
    DiscourseTopic(QString path, bool withBodies)
        : m_path(std::move(path))
        , m_withBodies(withBodies)
    {}
    void judge(const QJsonObject& post, ConversationRecord& record) const;

    QString m_path;
    bool m_withBodies;
    QString m_topicId;
    QString m_title;
    QJsonArray m_posts;
    QHash<qint64, QString> m_authors; // post number -> username, lower-cased
    QHash<QString, QString> m_names;  // username, lower-cased -> the name the forum shows
    QSet<QString> m_me;               // usernames, lower-cased
    qsizetype m_next = 0;
};

} // namespace rapport
