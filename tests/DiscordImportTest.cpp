// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from DiscordChatExporter's JSON: a DM with every participant, a server
// channel's replies and mentions between me and someone.
#include "core/conversations/ConversationImport.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>

using namespace rapport;
using namespace rapport::test;

namespace {

QByteArray user(const QByteArray& id, const QByteArray& name, const QByteArray& nickname, bool bot = false)
{
    return R"({"id": ")" + id + R"(", "name": ")" + name + R"(", "discriminator": "0000", "nickname": ")" +
           nickname + R"(", "isBot": )" + (bot ? "true" : "false") + "}";
}

const QByteArray me = user("100", "me", "Me");
const QByteArray ann = user("200", "ann", "Ann Lee");
const QByteArray bob = user("300", "bob", "Bob");

QByteArray message(int id, const QByteArray& type, const QByteArray& author, const QByteArray& content,
                   const QByteArray& extra = {})
{
    return R"({"id": ")" + QByteArray::number(id) + R"(", "type": ")" + type +
           R"(", "timestamp": "2025-03-17T10:0)" + QByteArray::number(id % 10) +
           R"(:00.000+00:00", "content": ")" + content + R"(", "author": )" + author + extra + "}";
}

QByteArray exported(const QByteArray& channelType, const QByteArray& messages)
{
    return R"({"guild": {"id": "1", "name": "Guild"}, "channel": {"id": "42", "type": ")" + channelType +
           R"(", "name": "general"}, "messages": [)" + messages + "]}";
}

QString write(TempDatabase& temp, const char* name, const QByteArray& bytes)
{
    writeExportFolder(temp.folder(), {{QString::fromLatin1(name), bytes}});
    return QDir(temp.folder()).filePath(QString::fromLatin1(name));
}

ConversationImportOptions asMe()
{
    ConversationImportOptions options;
    options.me << QStringLiteral("100");
    return options;
}

} // namespace

TEST_CASE("A DiscordChatExporter server channel: replies and mentions between me and someone", "[discord]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray messages =
        message(1, "Default", ann, "Anyone around?") + ",\n" +
        message(2, "Reply", me, "Yes", R"(, "reference": {"messageId": "1"})") + ",\n" +
        message(3, "Reply", ann, "Great", R"(, "reference": {"messageId": "2"})") + ",\n" +
        message(4, "Default", me, "@bob see this", ", \"mentions\": [" + bob + "]") + ",\n" +
        message(5, "Default", bob, "chatter") + ",\n" + message(6, "GuildMemberJoin", bob, "") + ",\n" +
        message(7, "Default", user("900", "helper", "Helper", true), "beep") + ",\n" +
        R"({"id": "8", "type": "Default", "content": "undated", "author": )" + ann + "}";
    const QString path = write(temp, "Guild - general [42].json", exported("GuildTextChat", messages));
    const ConversationReport dry = require(ConversationImporter(temp.db(), path, asMe()).run(true));
    const ConversationReport report = require(ConversationImporter(temp.db(), path, asMe()).run(false));
    CHECK(report.format == QStringLiteral("discord"));
    CHECK(report.messages == 8);
    CHECK(report.created == 3);
    CHECK(report.outbound == 2);
    CHECK(report.inbound == 1);
    CHECK(report.contactsCreated == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("not yours")) == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("not a message (GuildMemberJoin)")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("bot")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(dry.skippedMessages == report.skippedMessages);
    CHECK(dry.created == report.created);
    CHECK(require(temp.db().scalar(QStringLiteral("SELECT group_concat(kind || ':' || value, '|') FROM "
                                                  "(SELECT * FROM contact_methods ORDER BY value)")))
              .toString() == QStringLiteral("discord:ann|discord:bob"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions WHERE channel = 'chat'")) == 3);
    const ConversationReport again = require(ConversationImporter(temp.db(), path, asMe()).run(false));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 3);
}

TEST_CASE("A DiscordChatExporter group DM: each message with every other participant", "[discord]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray messages = message(1, "Default", me, "hello both") + ",\n" +
                                message(2, "Default", ann, "hi") + ",\n" + message(3, "Default", bob, "hey");
    const QString path = write(temp, "dm.json", exported("DirectGroupTextChat", messages));
    ConversationImportOptions byName;
    byName.me << QStringLiteral("ME");
    const ConversationReport report = require(ConversationImporter(temp.db(), path, byName).run(false));
    CHECK(report.created == 4);
    CHECK(report.outbound == 2);
    CHECK(report.inbound == 2);

    const Result<ConversationReport> noMe = ConversationImporter(temp.db(), path, {}).run(false);
    REQUIRE_FALSE(noMe);
    CHECK(noMe.error().message.contains(QStringLiteral("--me with your Discord user id or name")));
}
