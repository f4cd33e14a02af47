// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/SlackArchive.h"

#include "core/conversations/JsonFile.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace rapport {

namespace {

const QRegularExpression& mentionPattern()
{
    static const QRegularExpression mention(QStringLiteral("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>"));
    return mention;
}

// Slack's "1742205600.000200": seconds since the epoch, and a unique id within the conversation.
std::optional<qint64> tsSeconds(const QString& ts)
{
    bool ok = false;
    const double seconds = ts.toDouble(&ok);
    if (!ok || seconds <= 0)
        return std::nullopt;
    return static_cast<qint64>(seconds);
}

Result<QJsonArray> readArray(const ArchiveFolder& folder, const QString& file, const QString& what)
{
    const Result<QByteArray> bytes = folder.read(file);
    if (!bytes)
        return bytes.error();
    const Result<QJsonDocument> document = parseJsonFile(*bytes, folder.where(file));
    if (!document)
        return document.error();
    if (!document->isArray())
        return Error::badInput(QStringLiteral("%1: not a Slack export's file: expected an array of %2")
                                   .arg(folder.where(file), what));
    return document->array();
}

} // namespace

bool SlackArchive::recognizes(const ArchiveFolder& folder)
{
    return folder.contains(QStringLiteral("users.json")) && folder.contains(QStringLiteral("channels.json"));
}

Result<std::unique_ptr<ConversationSource>> SlackArchive::open(std::unique_ptr<ArchiveFolder> folder,
                                                               bool withBodies)
{
    if (!recognizes(*folder))
        return Error::badInput(
            QStringLiteral("%1: not a Slack export: it has no users.json and channels.json")
                .arg(folder->path()));
    std::unique_ptr<SlackArchive> archive(new SlackArchive(std::move(folder), withBodies));
    if (Status read = archive->readUsers(); !read)
        return read.error();
    // Public channels, private channels, direct messages, multi-person direct messages: the folder of
    // each is named by its name, but a DM's by its id.
    if (Status read = archive->readConversations(QStringLiteral("channels.json"), false, true); !read)
        return read.error();
    if (Status read = archive->readConversations(QStringLiteral("groups.json"), false, true); !read)
        return read.error();
    if (Status read = archive->readConversations(QStringLiteral("dms.json"), true, false); !read)
        return read.error();
    if (Status read = archive->readConversations(QStringLiteral("mpims.json"), true, true); !read)
        return read.error();
    return std::unique_ptr<ConversationSource>(std::move(archive));
}

Status SlackArchive::readUsers()
{
    const QString file = QStringLiteral("users.json");
    const Result<QJsonArray> users = readArray(*m_folder, file, QStringLiteral("users"));
    if (!users)
        return users.error();
    for (qsizetype i = 0; i < users->size(); ++i) {
        const QJsonObject object = users->at(i).toObject();
        User user;
        user.id = object.value(QLatin1String("id")).toString();
        if (user.id.isEmpty())
            return Error::badInput(
                QStringLiteral("%1: [%2]: a user without an \"id\"").arg(m_folder->where(file)).arg(i));
        const QJsonObject profile = object.value(QLatin1String("profile")).toObject();
        user.name = object.value(QLatin1String("name")).toString();
        user.realName = object.value(QLatin1String("real_name")).toString();
        if (user.realName.isEmpty())
            user.realName = profile.value(QLatin1String("real_name")).toString();
        user.displayName = profile.value(QLatin1String("display_name")).toString();
        user.email = profile.value(QLatin1String("email")).toString();
        user.bot = object.value(QLatin1String("is_bot")).toBool() || user.id == QLatin1String("USLACKBOT");
        user.deleted = object.value(QLatin1String("deleted")).toBool();
        m_users.insert(user.id, user);
    }
    return {};
}

Status SlackArchive::readConversations(const QString& file, bool direct, bool namedByName)
{
    if (!m_folder->contains(file))
        return {};
    const Result<QJsonArray> list = readArray(*m_folder, file, QStringLiteral("conversations"));
    if (!list)
        return list.error();
    for (qsizetype i = 0; i < list->size(); ++i) {
        const QJsonObject object = list->at(i).toObject();
        Conversation conversation;
        conversation.id = object.value(QLatin1String("id")).toString();
        conversation.folder = namedByName ? object.value(QLatin1String("name")).toString() : conversation.id;
        if (conversation.id.isEmpty() || conversation.folder.isEmpty())
            return Error::badInput(QStringLiteral("%1: [%2]: a conversation without an \"id\" or \"name\"")
                                       .arg(m_folder->where(file))
                                       .arg(i));
        conversation.direct = direct;
        for (const QJsonValue member : object.value(QLatin1String("members")).toArray())
            conversation.members << member.toString();
        m_conversations << conversation;
    }
    return {};
}

Status SlackArchive::identifyMe(const QStringList& given)
{
    for (const QString& typed : given) {
        const QString key = typed.trimmed().toCaseFolded();
        if (key.isEmpty())
            continue;
        for (const User& user : std::as_const(m_users)) {
            if (user.id.toCaseFolded() == key || user.email.toCaseFolded() == key ||
                user.name.toCaseFolded() == key || user.realName.toCaseFolded() == key ||
                user.displayName.toCaseFolded() == key)
                m_me.insert(user.id);
        }
    }
    if (!m_me.isEmpty())
        return {};
    if (given.isEmpty())
        return Error::usage(
            QStringLiteral("who is \"me\" in this Slack export? Give --me with your Slack user "
                           "id (U…), or your email or name as users.json has them") +
            otherWayToGiveMe(QStringLiteral("a slack or email")));
    return Error::usage(QStringLiteral("no user of this Slack export (users.json) has the id, email or "
                                       "name '%1' (the --me values and the --by member's identities)")
                            .arg(given.join(QStringLiteral("', '"))));
}

Result<bool> SlackArchive::openNextDay()
{
    for (;;) {
        while (m_conversation < 0 || m_day >= m_days.size()) {
            if (++m_conversation >= m_conversations.size())
                return false;
            static const QRegularExpression dayFile(QStringLiteral("/\\d{4}-\\d{2}-\\d{2}\\.json$"));
            m_days = m_folder->filesIn(m_conversations.at(m_conversation).folder).filter(dayFile);
            m_day = 0;
            m_threadAuthors.clear();
        }
        m_dayFile = m_days.at(m_day++);
        const Result<QJsonArray> messages = readArray(*m_folder, m_dayFile, QStringLiteral("messages"));
        if (!messages)
            return messages.error();
        m_messages = *messages;
        m_message = 0;
        if (!m_messages.isEmpty())
            return true;
    }
}

Result<bool> SlackArchive::next(ConversationRecord& record)
{
    while (m_message >= m_messages.size()) {
        const Result<bool> opened = openNextDay();
        if (!opened || !*opened)
            return opened;
    }
    const qsizetype index = m_message++;
    record = ConversationRecord();
    record.location = QStringLiteral("%1: message %2").arg(m_folder->where(m_dayFile)).arg(index + 1);
    const QJsonValue value = m_messages.at(index);
    if (!value.isObject())
        return Error::badInput(
            QStringLiteral("%1: [%2]: not a message object").arg(m_folder->where(m_dayFile)).arg(index));
    judge(value.toObject(), record);
    return true;
}

std::optional<Counterpart> SlackArchive::counterpart(const QString& userId) const
{
    const auto found = m_users.constFind(userId);
    if (found == m_users.cend() || found->bot || found->deleted)
        return std::nullopt;
    const QString name = !found->realName.isEmpty()      ? found->realName
                         : !found->displayName.isEmpty() ? found->displayName
                                                         : found->name;
    return Counterpart{QStringLiteral("slack:") + found->id, found->email,
                       found->name.isEmpty() ? std::nullopt : std::optional<MethodKind>(MethodKind::Slack),
                       found->name, name};
}

// Slack's markup as people read it: "<@U024BE7LH>" as "@Ann Lee", "<#C024BE7LR|general>" as "#general",
// "<https://x|label>" as "label", and its three escaped characters.
QString SlackArchive::readable(const QString& text) const
{
    static const QRegularExpression markup(QStringLiteral("<([@#!]?)([^>|]*)(?:\\|([^>]*))?>"));
    QString out;
    qsizetype at = 0;
    for (auto it = markup.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += text.mid(at, match.capturedStart() - at);
        at = match.capturedEnd();
        const QString sigil = match.captured(1);
        const QString target = match.captured(2);
        const QString label = match.captured(3);
        if (sigil == QLatin1String("@")) {
            const auto user = m_users.constFind(target);
            const QString name = !label.isEmpty()            ? label
                                 : user == m_users.cend()    ? target
                                 : !user->realName.isEmpty() ? user->realName
                                                             : user->name;
            out += QLatin1Char('@') + name;
        } else if (sigil == QLatin1String("#") || sigil == QLatin1String("!")) {
            out += (sigil == QLatin1String("#") ? QStringLiteral("#") : QStringLiteral("@")) +
                   (label.isEmpty() ? target : label);
        } else {
            out += label.isEmpty() ? target : label;
        }
    }
    out += text.mid(at);
    out.replace(QLatin1String("&lt;"), QLatin1String("<"));
    out.replace(QLatin1String("&gt;"), QLatin1String(">"));
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return out;
}

void SlackArchive::judge(const QJsonObject& message, ConversationRecord& record)
{
    const Conversation& conversation = m_conversations.at(m_conversation);
    const QString ts = message.value(QLatin1String("ts")).toString();
    const QString author = message.value(QLatin1String("user")).toString();
    const QString threadTs = message.value(QLatin1String("thread_ts")).toString();
    // A thread's first message, remembered for the replies that follow it.
    if (!ts.isEmpty() && threadTs == ts && !author.isEmpty())
        m_threadAuthors.insert(ts, author);

    const QString subtype = message.value(QLatin1String("subtype")).toString();
    if (!subtype.isEmpty()) {
        record.skipReason = QStringLiteral("not a message (%1)").arg(subtype);
        return;
    }
    const auto user = m_users.constFind(author);
    if (message.contains(QLatin1String("bot_id")) || (user != m_users.cend() && user->bot)) {
        record.skipReason = QStringLiteral("bot");
        return;
    }
    if (user == m_users.cend()) {
        record.skipReason = QStringLiteral("author not in users.json");
        return;
    }
    if (user->deleted) {
        record.skipReason = QStringLiteral("deleted user");
        return;
    }
    const std::optional<qint64> seconds = tsSeconds(ts);
    if (!seconds) {
        record.skipReason = QStringLiteral("no date");
        return;
    }

    const bool mine = m_me.contains(author);
    const QString text = message.value(QLatin1String("text")).toString();
    QStringList mentioned;
    for (auto it = mentionPattern().globalMatch(text); it.hasNext();)
        mentioned << it.next().captured(1);
    QStringList others; // user ids of the counterparts
    if (conversation.direct) {
        const bool member = std::any_of(conversation.members.cbegin(), conversation.members.cend(),
                                        [&](const QString& id) { return m_me.contains(id); });
        if (!member) {
            record.skipReason = QStringLiteral("not yours");
            return;
        }
        if (mine) {
            for (const QString& id : conversation.members) {
                if (!m_me.contains(id))
                    others << id;
            }
        } else {
            others << author;
        }
    } else {
        QString threadAuthor = message.value(QLatin1String("parent_user_id")).toString();
        if (threadAuthor.isEmpty() && !threadTs.isEmpty() && threadTs != ts)
            threadAuthor = m_threadAuthors.value(threadTs);
        if (mine) {
            if (!threadAuthor.isEmpty() && !m_me.contains(threadAuthor))
                others << threadAuthor;
            for (const QString& id : std::as_const(mentioned)) {
                if (!m_me.contains(id))
                    others << id;
            }
        } else if (m_me.contains(threadAuthor) ||
                   std::any_of(mentioned.cbegin(), mentioned.cend(),
                               [&](const QString& id) { return m_me.contains(id); })) {
            others << author;
        }
        if (others.isEmpty()) {
            record.skipReason = mine
                                    ? QStringLiteral("channel message to no one (no thread reply or mention)")
                                    : QStringLiteral("not yours");
            return;
        }
    }
    QSet<QString> seen;
    for (const QString& id : std::as_const(others)) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (std::optional<Counterpart> person = counterpart(id))
            record.counterparts << *person;
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason = QStringLiteral("with bots or deleted users only");
        return;
    }
    record.channel = Channel::Chat;
    record.direction = mine ? Direction::Outbound : Direction::Inbound;
    record.occurredAt = *seconds;
    const QString shown = readable(text);
    record.summary = summaryLine(shown);
    if (m_withBodies)
        record.body = shown;
    record.sourceKey = "slack\n" + conversation.id.toUtf8() + '\n' + ts.toUtf8();
}

} // namespace rapport
