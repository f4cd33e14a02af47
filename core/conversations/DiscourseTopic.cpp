// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/DiscourseTopic.h"

#include "core/base/IsoTime.h"
#include "core/conversations/JsonFile.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace rapport {

namespace {

// The forum's own accounts, which post notices rather than conversations.
bool isForumBot(const QString& username)
{
    return username == QLatin1String("system") || username == QLatin1String("discobot");
}

constexpr int regularPost = 1; // post_type; the others are moderator notes and small actions

} // namespace

bool DiscourseTopic::recognizes(const QJsonDocument& document)
{
    return document.object()
        .value(QLatin1String("post_stream"))
        .toObject()
        .value(QLatin1String("posts"))
        .isArray();
}

Result<std::unique_ptr<ConversationSource>>
DiscourseTopic::open(const QString& path, const QJsonDocument& document, bool withBodies)
{
    if (!recognizes(document))
        return Error::badInput(
            QStringLiteral("%1: not a Discourse topic: it has no post_stream.posts (save /t/ID.json)")
                .arg(path));
    std::unique_ptr<DiscourseTopic> topic(new DiscourseTopic(path, withBodies));
    const QJsonObject object = document.object();
    const QJsonValue id = object.value(QLatin1String("id"));
    topic->m_topicId = id.isDouble() ? QString::number(id.toInteger()) : id.toString();
    topic->m_title = object.value(QLatin1String("title")).toString();
    topic->m_posts =
        object.value(QLatin1String("post_stream")).toObject().value(QLatin1String("posts")).toArray();
    for (const QJsonValue value : std::as_const(topic->m_posts)) {
        const QJsonObject post = value.toObject();
        const QString username = post.value(QLatin1String("username")).toString().toLower();
        topic->m_authors.insert(post.value(QLatin1String("post_number")).toInteger(), username);
        // Whom a post replies to may only be named there, when their own post is on another page.
        const QJsonObject repliedTo = post.value(QLatin1String("reply_to_user")).toObject();
        const QString repliedToName = repliedTo.value(QLatin1String("name")).toString();
        if (!repliedToName.isEmpty())
            topic->m_names.insert(repliedTo.value(QLatin1String("username")).toString().toLower(),
                                  repliedToName);
        const QString name = post.value(QLatin1String("name")).toString();
        topic->m_names.insert(username,
                              name.isEmpty() ? post.value(QLatin1String("username")).toString() : name);
    }
    return std::unique_ptr<ConversationSource>(std::move(topic));
}

Status DiscourseTopic::identifyMe(const QStringList& given)
{
    for (const QString& username : given) {
        if (!username.trimmed().isEmpty() && !username.contains(QLatin1Char('@')))
            m_me.insert(username.trimmed().toLower());
    }
    if (m_me.isEmpty())
        return Error::usage(
            QStringLiteral("who is \"me\" on this Discourse forum? Give --me with your username") +
            otherWayToGiveMe(QStringLiteral("a forum")));
    return {};
}

Result<bool> DiscourseTopic::next(ConversationRecord& record)
{
    if (m_next >= m_posts.size())
        return false;
    const qsizetype index = m_next++;
    record = ConversationRecord();
    record.location = QStringLiteral("%1: post_stream.posts[%2]").arg(m_path).arg(index);
    const QJsonValue post = m_posts.at(index);
    if (!post.isObject())
        return Error::badInput(QStringLiteral("%1: not a post object").arg(record.location));
    judge(post.toObject(), record);
    return true;
}

void DiscourseTopic::judge(const QJsonObject& post, ConversationRecord& record) const
{
    const QString author = post.value(QLatin1String("username")).toString().toLower();
    if (post.contains(QLatin1String("post_type")) &&
        post.value(QLatin1String("post_type")).toInt() != regularPost) {
        record.skipReason = QStringLiteral("not a message (moderator action)");
        return;
    }
    if (author.isEmpty() || isForumBot(author)) {
        record.skipReason = QStringLiteral("bot");
        return;
    }
    const QString created = post.value(QLatin1String("created_at")).toString();
    const Result<qint64> moment = parseIsoMoment(created);
    if (created.isEmpty() || !moment) {
        record.skipReason = QStringLiteral("no date");
        return;
    }
    // The post replied to: Discourse names its author, also when that post is not in this page.
    QString repliedTo = post.value(QLatin1String("reply_to_user"))
                            .toObject()
                            .value(QLatin1String("username"))
                            .toString()
                            .toLower();
    if (repliedTo.isEmpty() && post.value(QLatin1String("reply_to_post_number")).isDouble())
        repliedTo = m_authors.value(post.value(QLatin1String("reply_to_post_number")).toInteger());
    const QString html = post.value(QLatin1String("cooked")).toString();
    const QString text = html.isEmpty() ? post.value(QLatin1String("raw")).toString() : htmlText(html);
    static const QRegularExpression mention(QStringLiteral("(?:^|[^\\w@])@([\\w.-]+)"));
    QStringList mentioned;
    for (auto it = mention.globalMatch(text); it.hasNext();)
        mentioned << it.next().captured(1).toLower();

    const bool mine = m_me.contains(author);
    QStringList others;
    if (mine) {
        if (!repliedTo.isEmpty())
            others << repliedTo;
        others << mentioned;
    } else if (m_me.contains(repliedTo) ||
               std::any_of(mentioned.cbegin(), mentioned.cend(),
                           [&](const QString& name) { return m_me.contains(name); })) {
        others << author;
    }
    QSet<QString> seen;
    for (const QString& username : std::as_const(others)) {
        if (m_me.contains(username) || isForumBot(username) || seen.contains(username))
            continue;
        seen.insert(username);
        record.counterparts << Counterpart{QStringLiteral("forum:") + username, QString(), MethodKind::Forum,
                                           username, m_names.value(username, username)};
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason =
            mine ? QStringLiteral("post to no one (no reply or mention)") : QStringLiteral("not yours");
        return;
    }
    record.channel = Channel::Forum;
    record.direction = mine ? Direction::Outbound : Direction::Inbound;
    record.occurredAt = *moment;
    record.summary = summaryLine(text);
    if (record.summary.isEmpty())
        record.summary = m_title.left(chatSummaryLimit);
    if (m_withBodies)
        record.body = text;
    record.sourceKey = "discourse\n" + m_topicId.toUtf8() + '\n' +
                       QByteArray::number(post.value(QLatin1String("id")).toInteger());
}

} // namespace rapport
