// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/DiscordPackage.h"

#include "core/conversations/DiscordCsv.h"
#include "core/conversations/DiscordExport.h"
#include "core/conversations/JsonFile.h"
#include "core/csv/CsvReader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace rapport {

namespace {

const QString userFile = QStringLiteral("account/user.json");
const QString indexFile = QStringLiteral("messages/index.json");
const QStringList csvHeader{QStringLiteral("ID"), QStringLiteral("Timestamp"), QStringLiteral("Contents"),
                            QStringLiteral("Attachments")};

// Discord's channel types, as channel.json gives them.
constexpr int directMessage = 1;
constexpr int groupDirectMessage = 3;

const QRegularExpression& mentionPattern()
{
    static const QRegularExpression mention(QStringLiteral("<@!?(\\d+)>"));
    return mention;
}

// An id as the package writes it: a string, or a number (exact: Qt keeps integers as 64-bit).
QString idOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

// "ann#1234" or "ann#0": "ann".
QString username(const QString& tag)
{
    static const QRegularExpression discriminator(QStringLiteral("#\\d{1,4}$"));
    return QString(tag).remove(discriminator).trimmed();
}

Result<QJsonDocument> readDocument(const ArchiveFolder& folder, const QString& file)
{
    const Result<QByteArray> bytes = folder.read(file);
    if (!bytes)
        return bytes.error();
    return parseJsonFile(*bytes, folder.where(file));
}

} // namespace

bool DiscordPackage::recognizes(const ArchiveFolder& folder)
{
    return folder.contains(userFile) && folder.contains(indexFile);
}

Result<std::unique_ptr<ConversationSource>> DiscordPackage::open(std::unique_ptr<ArchiveFolder> folder,
                                                                 bool withBodies)
{
    if (!recognizes(*folder))
        return Error::badInput(
            QStringLiteral("%1: not a Discord data package: it has no account/user.json and "
                           "messages/index.json")
                .arg(folder->path()));
    std::unique_ptr<DiscordPackage> package(new DiscordPackage(std::move(folder), withBodies));
    if (Status read = package->readAccount(); !read)
        return read.error();
    if (Status read = package->readIndex(); !read)
        return read.error();
    static const QRegularExpression channelFile(QStringLiteral("^messages/c?\\d+/channel\\.json$"));
    for (const QString& file : package->m_folder->files()) {
        if (channelFile.match(file).hasMatch())
            package->m_channelFolders << file.section(QLatin1Char('/'), 0, 1);
    }
    return std::unique_ptr<ConversationSource>(std::move(package));
}

Status DiscordPackage::readAccount()
{
    const Result<QJsonDocument> document = readDocument(*m_folder, userFile);
    if (!document)
        return document.error();
    const QJsonObject user = document->object();
    m_me = idOf(user.value(QLatin1String("id")));
    if (!document->isObject() || m_me.isEmpty())
        return Error::badInput(
            QStringLiteral("%1: not a Discord account: it has no \"id\"").arg(m_folder->where(userFile)));
    const QJsonArray relationships = user.value(QLatin1String("relationships")).toArray();
    for (qsizetype i = 0; i < relationships.size(); ++i) {
        const QJsonObject friendUser = relationships.at(i).toObject().value(QLatin1String("user")).toObject();
        const QString id = idOf(friendUser.value(QLatin1String("id")));
        const QString name = friendUser.value(QLatin1String("username")).toString().trimmed();
        if (id.isEmpty() || name.isEmpty())
            return Error::badInput(QStringLiteral("%1: relationships[%2]: a friend without a user id and "
                                                  "username")
                                       .arg(m_folder->where(userFile))
                                       .arg(i));
        const QString shown = friendUser.value(QLatin1String("global_name")).toString().trimmed();
        m_users.insert(id, User{name, shown.isEmpty() ? name : shown});
    }
    return {};
}

Status DiscordPackage::readIndex()
{
    const Result<QJsonDocument> document = readDocument(*m_folder, indexFile);
    if (!document)
        return document.error();
    if (!document->isObject())
        return Error::badInput(QStringLiteral("%1: not a Discord data package's index: expected an object of "
                                              "channel ids and names")
                                   .arg(m_folder->where(indexFile)));
    // A DM's name says who it is with; the recipient's id comes with the channel.
    static const QRegularExpression withWhom(QStringLiteral("^Direct Message with (.+)$"));
    const QJsonObject index = document->object();
    for (auto it = index.constBegin(); it != index.constEnd(); ++it) {
        const QRegularExpressionMatch match = withWhom.match(it.value().toString());
        if (match.hasMatch() && match.captured(1) != QLatin1String("Unknown Participant"))
            m_dmNames.insert(it.key(), username(match.captured(1)));
    }
    return {};
}

Status DiscordPackage::identifyMe(const QStringList&)
{
    return {};
}

Result<bool> DiscordPackage::openNextChannel()
{
    while (++m_channel < m_channelFolders.size()) {
        if (Status read = readChannel(m_channelFolders.at(m_channel)); !read)
            return read.error();
        if (!m_messages.isEmpty())
            return true;
    }
    return false;
}

Status DiscordPackage::readChannel(const QString& folder)
{
    const QString file = folder + QStringLiteral("/channel.json");
    const Result<QJsonDocument> document = readDocument(*m_folder, file);
    if (!document)
        return document.error();
    const QJsonObject channel = document->object();
    m_channelId = idOf(channel.value(QLatin1String("id")));
    if (!document->isObject() || m_channelId.isEmpty() || !channel.value(QLatin1String("type")).isDouble())
        return Error::badInput(QStringLiteral("%1: not a Discord channel: it has no \"id\" and \"type\"")
                                   .arg(m_folder->where(file)));
    const int type = channel.value(QLatin1String("type")).toInt();
    m_direct = type == directMessage || type == groupDirectMessage;
    m_recipients.clear();
    for (const QJsonValue recipient : channel.value(QLatin1String("recipients")).toArray()) {
        const QString id = idOf(recipient);
        if (!id.isEmpty() && id != m_me && !m_recipients.contains(id))
            m_recipients << id;
    }
    if (type == directMessage && m_recipients.size() == 1 && !m_users.contains(m_recipients.constFirst()) &&
        m_dmNames.contains(m_channelId)) {
        const QString name = m_dmNames.value(m_channelId);
        m_users.insert(m_recipients.constFirst(), User{name, name});
    }
    m_messages.clear();
    m_message = 0;
    if (m_folder->contains(folder + QStringLiteral("/messages.json")))
        return readMessagesJson(folder + QStringLiteral("/messages.json"));
    if (m_folder->contains(folder + QStringLiteral("/messages.csv")))
        return readMessagesCsv(folder + QStringLiteral("/messages.csv"));
    return {};
}

Status DiscordPackage::readMessagesJson(const QString& file)
{
    const Result<QJsonDocument> document = readDocument(*m_folder, file);
    if (!document)
        return document.error();
    if (!document->isArray())
        return Error::badInput(QStringLiteral("%1: not a Discord data package's messages: expected an array")
                                   .arg(m_folder->where(file)));
    const QJsonArray messages = document->array();
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString location = QStringLiteral("%1: [%2]").arg(m_folder->where(file)).arg(i);
        const QJsonObject message = messages.at(i).toObject();
        const QString id = idOf(message.value(QLatin1String("ID")));
        if (id.isEmpty())
            return Error::badInput(QStringLiteral("%1: not a message: it has no \"ID\"").arg(location));
        m_messages << Message{location, id, message.value(QLatin1String("Timestamp")).toString(),
                              message.value(QLatin1String("Contents")).toString()};
    }
    return {};
}

Status DiscordPackage::readMessagesCsv(const QString& file)
{
    Result<QByteArray> bytes = m_folder->read(file);
    if (!bytes)
        return bytes.error();
    QBuffer buffer(&*bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, m_folder->where(file));
    const Result<bool> first = reader.next();
    if (!first)
        return first.error();
    if (*first && reader.record().texts() != csvHeader)
        return Error::badInput(
            QStringLiteral("%1: line 1: not a Discord data package's messages: expected the "
                           "header %2")
                .arg(m_folder->where(file), csvHeader.join(QLatin1Char(','))));
    reader.setColumnNames(csvHeader);
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        const CsvRecord& row = reader.record();
        const QString id = row.text(0).trimmed();
        if (id.isEmpty())
            return Error::badInput(
                QStringLiteral("%1: a message without an ID").arg(reader.location(row.line(), 0)));
        m_messages << Message{reader.location(row.line()), id, row.text(1), row.text(2)};
    }
}

Result<bool> DiscordPackage::next(ConversationRecord& record)
{
    while (m_channel < 0 || m_message >= m_messages.size()) {
        const Result<bool> opened = openNextChannel();
        if (!opened || !*opened)
            return opened;
    }
    record = ConversationRecord();
    judge(m_messages.at(m_message++), record);
    return true;
}

// "<@123>" as "@ann" for the people the package names.
QString DiscordPackage::readable(const QString& contents) const
{
    QString out;
    qsizetype at = 0;
    for (auto it = mentionPattern().globalMatch(contents); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const auto user = m_users.constFind(match.captured(1));
        out += contents.mid(at, match.capturedStart() - at) +
               (user == m_users.cend() ? match.captured() : QLatin1Char('@') + user->username);
        at = match.capturedEnd();
    }
    return out + contents.mid(at);
}

void DiscordPackage::judge(const Message& message, ConversationRecord& record) const
{
    record.location = message.location;
    const std::optional<qint64> moment = discordMoment(message.timestamp);
    if (!moment) {
        record.skipReason = QStringLiteral("no date");
        return;
    }
    QStringList others = m_recipients;
    if (!m_direct) {
        others.clear();
        for (auto it = mentionPattern().globalMatch(message.contents); it.hasNext();) {
            const QString id = it.next().captured(1);
            if (id != m_me && !others.contains(id))
                others << id;
        }
    }
    for (const QString& id : std::as_const(others)) {
        const auto user = m_users.constFind(id);
        if (user != m_users.cend())
            record.counterparts << discordCounterpart(id, user->username, user->displayName);
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason = others.isEmpty()
                                ? QStringLiteral("channel message to no one (no mention)")
                                : QStringLiteral("with people the package does not name (not friends)");
        return;
    }
    record.channel = Channel::Chat;
    record.direction = Direction::Outbound;
    record.occurredAt = *moment;
    const QString shown = readable(message.contents);
    record.summary = summaryLine(shown);
    if (m_withBodies)
        record.body = shown;
    // As DiscordChatExporter's JSON keys its messages: importing both adds each message once.
    record.sourceKey = "discord\n" + m_channelId.toUtf8() + '\n' + message.id.toUtf8();
}

} // namespace rapport
