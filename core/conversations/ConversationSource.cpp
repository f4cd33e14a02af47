// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ConversationSource.h"

#include "core/conversations/ArchiveFolder.h"
#include "core/conversations/DiscordCsv.h"
#include "core/conversations/DiscordExport.h"
#include "core/conversations/DiscordPackage.h"
#include "core/conversations/DiscourseTopic.h"
#include "core/conversations/JsonFile.h"
#include "core/conversations/MailSource.h"
#include "core/conversations/MastodonArchive.h"
#include "core/conversations/SlackArchive.h"

#include <QFile>
#include <QFileInfo>

namespace rapport {

namespace {

// Whether the file's first byte past white space and a byte order mark opens a JSON object or array.
bool looksLikeJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QByteArray head = file.read(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    head = head.trimmed();
    return head.startsWith('{') || head.startsWith('[');
}

Result<std::unique_ptr<ConversationSource>> openMail(const QString& path, MailFormat format, bool withBodies)
{
    Result<std::unique_ptr<MailReader>> reader = MailReader::open(path, format, withBodies);
    if (!reader)
        return reader.error();
    return std::unique_ptr<ConversationSource>(new MailSource(std::move(*reader)));
}

// A folder or zip of a chat export, by what it holds; the mail reader for a folder that is none.
Result<std::unique_ptr<ConversationSource>> openByContent(const QString& path, bool withBodies)
{
    Result<std::unique_ptr<ArchiveFolder>> folder = ArchiveFolder::open(path);
    if (!folder)
        return folder.error();
    if (SlackArchive::recognizes(**folder))
        return SlackArchive::open(std::move(*folder), withBodies);
    if (MastodonArchive::recognizes(**folder))
        return MastodonArchive::open(std::move(*folder), withBodies);
    if (DiscordPackage::recognizes(**folder))
        return DiscordPackage::open(std::move(*folder), withBodies);
    if (QFileInfo(path).isDir())
        return openMail(path, MailFormat::Auto, withBodies);
    return Error::badInput(QStringLiteral("%1: a zip, but of no export Rapport reads (a Slack export has "
                                          "users.json and channels.json, a Mastodon archive actor.json and "
                                          "outbox.json, a Discord data package account/user.json and "
                                          "messages/index.json)")
                               .arg(path));
}

// A folder or zip for the formats that come as one; `name` for the refusal of a plain file.
Result<std::unique_ptr<ArchiveFolder>> openExport(const QString& path, const QString& name)
{
    if (!QFileInfo(path).isDir() && !ArchiveFolder::isZip(path))
        return Error::badInput(
            QStringLiteral("%1: not a %2: give the export's .zip or the folder it unpacks to")
                .arg(path, name));
    return ArchiveFolder::open(path);
}

Result<QJsonDocument> readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    return parseJsonFile(file.readAll(), path);
}

// A JSON file by what it holds.
Result<std::unique_ptr<ConversationSource>> openJson(const QString& path, bool withBodies)
{
    const Result<QJsonDocument> document = readJson(path);
    if (!document)
        return document.error();
    if (DiscourseTopic::recognizes(*document))
        return DiscourseTopic::open(path, *document, withBodies);
    if (DiscordExport::recognizes(*document))
        return DiscordExport::open(path, *document, withBodies);
    return Error::badInput(
        QStringLiteral("%1: JSON, but of no export Rapport reads (a Discourse topic has "
                       "post_stream.posts, a DiscordChatExporter export guild, channel and "
                       "messages; see --format)")
            .arg(path));
}

} // namespace

QString otherWayToGiveMe(const QString& identityKinds)
{
    return QStringLiteral(", or give the --by team member (by default the \"I am\" member) %1 identity in "
                          "Settings > Team or with `rapport team identity add`")
        .arg(identityKinds);
}

Result<std::unique_ptr<ConversationSource>>
ConversationSource::open(const QString& path, ConversationFormat format, bool withBodies)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Error::badInput(QStringLiteral("%1: no such file or folder").arg(path));
    switch (format) {
    case ConversationFormat::Mbox:
        return openMail(path, MailFormat::Mbox, withBodies);
    case ConversationFormat::Eml:
        return openMail(path, MailFormat::Eml, withBodies);
    case ConversationFormat::Slack: {
        Result<std::unique_ptr<ArchiveFolder>> folder = openExport(path, QStringLiteral("Slack export"));
        if (!folder)
            return folder.error();
        return SlackArchive::open(std::move(*folder), withBodies);
    }
    case ConversationFormat::Mastodon: {
        Result<std::unique_ptr<ArchiveFolder>> folder = openExport(path, QStringLiteral("Mastodon archive"));
        if (!folder)
            return folder.error();
        return MastodonArchive::open(std::move(*folder), withBodies);
    }
    case ConversationFormat::Discourse: {
        if (info.isDir())
            return Error::badInput(
                QStringLiteral("%1: not a Discourse topic: give its /t/ID.json file").arg(path));
        const Result<QJsonDocument> document = readJson(path);
        if (!document)
            return document.error();
        return DiscourseTopic::open(path, *document, withBodies);
    }
    case ConversationFormat::Discord: {
        if (info.isDir() || ArchiveFolder::isZip(path)) {
            Result<std::unique_ptr<ArchiveFolder>> folder = ArchiveFolder::open(path);
            if (!folder)
                return folder.error();
            return DiscordPackage::open(std::move(*folder), withBodies);
        }
        if (DiscordCsv::recognizes(path))
            return DiscordCsv::open(path, withBodies);
        if (!looksLikeJson(path))
            return Error::badInput(
                QStringLiteral("%1: not a Discord export: give a DiscordChatExporter JSON or "
                               "CSV file, or a Discord data package's zip or folder")
                    .arg(path));
        const Result<QJsonDocument> document = readJson(path);
        if (!document)
            return document.error();
        return DiscordExport::open(path, *document, withBodies);
    }
    case ConversationFormat::Auto:
        break;
    }
    if (info.isDir() || ArchiveFolder::isZip(path))
        return openByContent(path, withBodies);
    if (looksLikeJson(path))
        return openJson(path, withBodies);
    if (DiscordCsv::recognizes(path))
        return DiscordCsv::open(path, withBodies);
    return openMail(path, MailFormat::Auto, withBodies);
}

} // namespace rapport
