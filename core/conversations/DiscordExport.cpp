// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/DiscordExport.h"

#include "core/base/IsoTime.h"
#include "core/conversations/JsonFile.h"

#include <QJsonObject>

namespace rapport {

namespace {

bool isDirect(const QString& channelType)
{
    return channelType == QLatin1String("DirectTextChat") ||
           channelType == QLatin1String("DirectGroupTextChat");
}

} // namespace

bool DiscordExport::recognizes(const QJsonDocument& document)
{
    const QJsonObject object = document.object();
    return object.value(QLatin1String("guild")).isObject() &&
           object.value(QLatin1String("channel")).isObject() &&
           object.value(QLatin1String("messages")).isArray();
}

Result<std::unique_ptr<ConversationSource>>
DiscordExport::open(const QString& path, const QJsonDocument& document, bool withBodies)
{
    if (!recognizes(document))
        return Error::badInput(QStringLiteral("%1: not a DiscordChatExporter JSON export: it has no guild, "
                                              "channel and messages")
                                   .arg(path));
    std::unique_ptr<DiscordExport> exported(new DiscordExport(path, withBodies));
    const QJsonObject object = document.object();
    const QJsonObject channel = object.value(QLatin1String("channel")).toObject();
    exported->m_channelId = channel.value(QLatin1String("id")).toString();
    exported->m_direct = isDirect(channel.value(QLatin1String("type")).toString());
    exported->m_messages = object.value(QLatin1String("messages")).toArray();
    const auto remember = [&](const QJsonObject& user) {
        Author author;
        author.id = user.value(QLatin1String("id")).toString();
        author.name = user.value(QLatin1String("name")).toString();
        author.nickname = user.value(QLatin1String("nickname")).toString();
        author.bot = user.value(QLatin1String("isBot")).toBool();
        if (!author.id.isEmpty() && !exported->m_authors.contains(author.id))
            exported->m_authors.insert(author.id, author);
        return author;
    };
    // Who took part and who wrote what, for the messages that follow and reply.
    for (const QJsonValue value : std::as_const(exported->m_messages)) {
        const QJsonObject message = value.toObject();
        const Author author = remember(message.value(QLatin1String("author")).toObject());
        for (const QJsonValue mention : message.value(QLatin1String("mentions")).toArray())
            remember(mention.toObject());
        exported->m_messageAuthors.insert(message.value(QLatin1String("id")).toString(), author.id);
        if (!author.bot && !author.id.isEmpty() && !exported->m_participants.contains(author.id))
            exported->m_participants << author.id;
    }
    return std::unique_ptr<ConversationSource>(std::move(exported));
}

Status DiscordExport::identifyMe(const QStringList& given)
{
    for (const QString& typed : given) {
        const QString key = typed.trimmed().toCaseFolded();
        for (const Author& author : std::as_const(m_authors)) {
            if (!key.isEmpty() && (author.id == key || author.name.toCaseFolded() == key ||
                                   author.nickname.toCaseFolded() == key))
                m_me.insert(author.id);
        }
    }
    if (!m_me.isEmpty())
        return {};
    if (given.isEmpty())
        return Error::usage(
            QStringLiteral(
                "who is \"me\" in this Discord export? Give --me with your Discord user id or name") +
            otherWayToGiveMe(QStringLiteral("a discord")));
    return Error::usage(
        QStringLiteral("no one in this Discord export has the id or name '%1' (the --me values "
                       "and the --by member's identities)")
            .arg(given.join(QStringLiteral("', '"))));
}

Result<bool> DiscordExport::next(ConversationRecord& record)
{
    if (m_next >= m_messages.size())
        return false;
    const qsizetype index = m_next++;
    record = ConversationRecord();
    record.location = QStringLiteral("%1: messages[%2]").arg(m_path).arg(index);
    const QJsonValue message = m_messages.at(index);
    if (!message.isObject())
        return Error::badInput(QStringLiteral("%1: not a message object").arg(record.location));
    judge(message.toObject(), record);
    return true;
}

Counterpart discordCounterpart(const QString& userId, const QString& username, const QString& displayName)
{
    return Counterpart{QStringLiteral("discord:") + userId, QString(), MethodKind::Discord, username,
                       displayName.isEmpty() ? username : displayName};
}

Counterpart DiscordExport::counterpart(const QString& id) const
{
    const Author author = m_authors.value(id);
    return discordCounterpart(id, author.name, author.nickname);
}

void DiscordExport::judge(const QJsonObject& message, ConversationRecord& record) const
{
    const QString type = message.value(QLatin1String("type")).toString();
    if (type != QLatin1String("Default") && type != QLatin1String("Reply")) {
        record.skipReason =
            QStringLiteral("not a message (%1)").arg(type.isEmpty() ? QStringLiteral("no type") : type);
        return;
    }
    const QString author =
        message.value(QLatin1String("author")).toObject().value(QLatin1String("id")).toString();
    if (author.isEmpty() || m_authors.value(author).bot) {
        record.skipReason = QStringLiteral("bot");
        return;
    }
    const QString timestamp = message.value(QLatin1String("timestamp")).toString();
    const Result<qint64> moment = parseIsoMoment(timestamp);
    if (timestamp.isEmpty() || !moment) {
        record.skipReason = QStringLiteral("no date");
        return;
    }
    const bool mine = m_me.contains(author);
    QStringList mentioned;
    for (const QJsonValue mention : message.value(QLatin1String("mentions")).toArray())
        mentioned << mention.toObject().value(QLatin1String("id")).toString();
    QStringList others;
    if (m_direct) {
        if (mine) {
            for (const QString& id : m_participants) {
                if (!m_me.contains(id))
                    others << id;
            }
        } else {
            others << author;
        }
    } else {
        const QString repliedTo = m_messageAuthors.value(message.value(QLatin1String("reference"))
                                                             .toObject()
                                                             .value(QLatin1String("messageId"))
                                                             .toString());
        if (mine) {
            others << repliedTo << mentioned;
        } else if (m_me.contains(repliedTo) ||
                   std::any_of(mentioned.cbegin(), mentioned.cend(),
                               [&](const QString& id) { return m_me.contains(id); })) {
            others << author;
        }
    }
    QSet<QString> seen;
    for (const QString& id : std::as_const(others)) {
        if (id.isEmpty() || m_me.contains(id) || seen.contains(id) || m_authors.value(id).bot)
            continue;
        seen.insert(id);
        record.counterparts << counterpart(id);
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason = mine ? QStringLiteral("channel message to no one (no reply or mention)")
                                 : QStringLiteral("not yours");
        return;
    }
    record.channel = Channel::Chat;
    record.direction = mine ? Direction::Outbound : Direction::Inbound;
    record.occurredAt = *moment;
    const QString text = message.value(QLatin1String("content")).toString();
    record.summary = summaryLine(text);
    if (m_withBodies)
        record.body = text;
    record.sourceKey =
        "discord\n" + m_channelId.toUtf8() + '\n' + message.value(QLatin1String("id")).toString().toUtf8();
}

} // namespace rapport
