// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/MastodonArchive.h"

#include "core/base/IsoTime.h"
#include "core/conversations/JsonFile.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace rapport {

namespace {

const QString actorFile = QStringLiteral("actor.json");
const QString outboxFile = QStringLiteral("outbox.json");

Result<QJsonObject> readObject(const ArchiveFolder& folder, const QString& file)
{
    const Result<QByteArray> bytes = folder.read(file);
    if (!bytes)
        return bytes.error();
    const Result<QJsonDocument> document = parseJsonFile(*bytes, folder.where(file));
    if (!document)
        return document.error();
    if (!document->isObject())
        return Error::badInput(
            QStringLiteral("%1: not a Mastodon archive's file: expected an object").arg(folder.where(file)));
    return document->object();
}

} // namespace

bool MastodonArchive::recognizes(const ArchiveFolder& folder)
{
    return folder.contains(actorFile) && folder.contains(outboxFile);
}

Result<std::unique_ptr<ConversationSource>> MastodonArchive::open(std::unique_ptr<ArchiveFolder> folder,
                                                                  bool withBodies)
{
    if (!recognizes(*folder))
        return Error::badInput(
            QStringLiteral("%1: not a Mastodon archive: it has no actor.json and outbox.json")
                .arg(folder->path()));
    std::unique_ptr<MastodonArchive> archive(new MastodonArchive(std::move(folder), withBodies));
    const ArchiveFolder& files = *archive->m_folder;
    const Result<QJsonObject> actor = readObject(files, actorFile);
    if (!actor)
        return actor.error();
    archive->m_actorId = actor->value(QLatin1String("id")).toString();
    const QString username = actor->value(QLatin1String("preferredUsername")).toString();
    archive->m_host = QUrl(archive->m_actorId).host();
    if (username.isEmpty() || archive->m_host.isEmpty())
        return Error::badInput(QStringLiteral("%1: not a Mastodon actor: it has no \"id\" URL and "
                                              "\"preferredUsername\"")
                                   .arg(files.where(actorFile)));
    archive->m_me = QStringLiteral("@%1@%2").arg(username, archive->m_host).toLower();
    const Result<QJsonObject> outbox = readObject(files, outboxFile);
    if (!outbox)
        return outbox.error();
    if (!outbox->value(QLatin1String("orderedItems")).isArray())
        return Error::badInput(QStringLiteral("%1: not a Mastodon outbox: it has no \"orderedItems\" array")
                                   .arg(files.where(outboxFile)));
    archive->m_items = outbox->value(QLatin1String("orderedItems")).toArray();
    return std::unique_ptr<ConversationSource>(std::move(archive));
}

QString MastodonArchive::accountOfMention(const QString& name, const QString& href) const
{
    QString account = name.trimmed();
    if (!account.startsWith(QLatin1Char('@')))
        account.prepend(QLatin1Char('@'));
    if (account.count(QLatin1Char('@')) == 1) {
        const QString host = QUrl(href).host();
        account += QLatin1Char('@') + (host.isEmpty() ? m_host : host);
    }
    return account.toLower();
}

// Mastodon's "https://host/users/bob/statuses/1" and "https://host/@bob/1"; empty for other servers' forms.
QString MastodonArchive::accountOfStatus(const QString& url) const
{
    static const QRegularExpression status(
        QStringLiteral("^https?://([^/]+)/(?:users/([^/]+)/statuses|@([^/]+))/"));
    const QRegularExpressionMatch match = status.match(url);
    if (!match.hasMatch())
        return {};
    const QString user = match.captured(2).isEmpty() ? match.captured(3) : match.captured(2);
    return QStringLiteral("@%1@%2").arg(user, match.captured(1)).toLower();
}

Result<bool> MastodonArchive::next(ConversationRecord& record)
{
    if (m_next >= m_items.size())
        return false;
    const qsizetype index = m_next++;
    record = ConversationRecord();
    record.location = QStringLiteral("%1: orderedItems[%2]").arg(m_folder->where(outboxFile)).arg(index);
    const QJsonValue item = m_items.at(index);
    if (!item.isObject())
        return Error::badInput(QStringLiteral("%1: not an activity object").arg(record.location));
    judge(item.toObject(), record);
    return true;
}

void MastodonArchive::judge(const QJsonObject& activity, ConversationRecord& record) const
{
    const QString type = activity.value(QLatin1String("type")).toString();
    if (type == QLatin1String("Announce")) {
        record.skipReason = QStringLiteral("boost");
        return;
    }
    const QJsonObject note = activity.value(QLatin1String("object")).toObject();
    if (type != QLatin1String("Create") ||
        note.value(QLatin1String("type")).toString() != QLatin1String("Note")) {
        record.skipReason =
            QStringLiteral("not a post (%1)").arg(type.isEmpty() ? QStringLiteral("no type") : type);
        return;
    }
    QString published = note.value(QLatin1String("published")).toString();
    if (published.isEmpty())
        published = activity.value(QLatin1String("published")).toString();
    const Result<qint64> moment = parseIsoMoment(published);
    if (published.isEmpty() || !moment) {
        record.skipReason = QStringLiteral("no date");
        return;
    }

    QStringList accounts;
    for (const QJsonValue tagValue : note.value(QLatin1String("tag")).toArray()) {
        const QJsonObject tag = tagValue.toObject();
        if (tag.value(QLatin1String("type")).toString() == QLatin1String("Mention") &&
            tag.value(QLatin1String("href")).toString() != m_actorId)
            accounts << accountOfMention(tag.value(QLatin1String("name")).toString(),
                                         tag.value(QLatin1String("href")).toString());
    }
    const QString inReplyTo = note.value(QLatin1String("inReplyTo")).toString();
    if (!inReplyTo.isEmpty() && !inReplyTo.startsWith(m_actorId + QLatin1Char('/')))
        accounts << accountOfStatus(inReplyTo);
    QSet<QString> seen;
    for (const QString& account : std::as_const(accounts)) {
        if (account.isEmpty() || account == m_me || seen.contains(account))
            continue;
        seen.insert(account);
        record.counterparts << Counterpart{QStringLiteral("mastodon:") + account, QString(),
                                           MethodKind::Mastodon, account, account};
    }
    if (record.counterparts.isEmpty()) {
        record.skipReason = QStringLiteral("public post (no mention or reply)");
        return;
    }
    record.channel = Channel::Social;
    record.direction = Direction::Outbound;
    record.occurredAt = *moment;
    const QString text = htmlText(note.value(QLatin1String("content")).toString());
    record.summary = summaryLine(text);
    if (m_withBodies)
        record.body = text;
    record.sourceKey = "mastodon\n" + note.value(QLatin1String("id")).toString().toUtf8();
}

} // namespace rapport
