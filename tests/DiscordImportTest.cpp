// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from Discord: DiscordChatExporter's JSON and CSV (a DM with every participant, a
// server channel's replies and mentions between me and someone) and Discord's own data package (only my
// messages: each outbound to the DM's recipients or the people it mentions).
#include "core/conversations/ConversationImport.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlQuery>

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

namespace {

const QByteArray csvHeader = "AuthorID,Author,Date,Content,Attachments,Reactions\n";

// A DiscordChatExporter CSV row: every field quoted, quotes doubled, as the exporter writes them.
QByteArray csvRow(const QByteArray& authorId, const QByteArray& author, const QByteArray& date,
                  const QByteArray& content)
{
    QByteArray quoted = content;
    quoted.replace('"', "\"\"");
    return "\"" + authorId + "\",\"" + author + "\",\"" + date + "\",\"" + quoted + "\",\"\",\"\"\n";
}

qint64 localMoment(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::LocalTime).toSecsSinceEpoch();
}

// A Discord data package: me (100) with friends Ann (200) and Bob (300); a DM with Cy (400), named only by
// index.json; a group DM with Ann, Bob and a stranger (500); a server channel.
ExportFiles package(const QByteArray& dmMessages)
{
    return {
        {QStringLiteral("account/user.json"),
         R"({"id": "100", "username": "me", "relationships": [
              {"id": "200", "type": 1, "user": {"id": "200", "username": "ann", "global_name": "Ann Lee"}},
              {"id": "300", "type": 1, "user": {"id": "300", "username": "bob"}}]})"},
        {QStringLiteral("messages/index.json"),
         R"({"11": "Direct Message with cy#0", "12": null, "13": "general in Guild"})"},
        {QStringLiteral("messages/c11/channel.json"),
         R"({"id": "11", "type": 1, "recipients": ["100", "400"]})"},
        {QStringLiteral("messages/c11/messages.json"), dmMessages},
        {QStringLiteral("messages/c12/channel.json"),
         R"({"id": "12", "type": 3, "recipients": ["100", "200", "300", "500"]})"},
        {QStringLiteral("messages/c12/messages.json"),
         R"([{"ID": 1201, "Timestamp": "2025-03-18 09:00:00", "Contents": "hello both", "Attachments": ""}])"},
        {QStringLiteral("messages/c13/channel.json"),
         R"({"id": "13", "type": 0, "name": "general", "guild": {"id": "9", "name": "Guild"}})"},
        {QStringLiteral("messages/c13/messages.json"),
         R"([{"ID": 1301, "Timestamp": "2025-03-18 10:00:00", "Contents": "<@!200> look", "Attachments": ""},
             {"ID": 1302, "Timestamp": "2025-03-18 10:01:00", "Contents": "to all", "Attachments": ""},
             {"ID": 1303, "Timestamp": "2025-03-18 10:02:00", "Contents": "<@500> who?", "Attachments": ""}])"},
    };
}

const QByteArray dmJson =
    R"([{"ID": 1101, "Timestamp": "2025-03-17 10:00:00", "Contents": "hi cy", "Attachments": ""},
        {"ID": 1102, "Timestamp": "", "Contents": "undated", "Attachments": ""}])";

QStringList logOf(TempDatabase& temp)
{
    QStringList rows;
    QSqlQuery query = temp.db().prepare(
        QStringLiteral("SELECT c.display_name, i.direction, i.occurred_at, i.summary FROM interactions i "
                       "JOIN contacts c ON c.id = i.contact_id ORDER BY i.occurred_at, c.display_name"));
    REQUIRE(query.exec());
    while (query.next())
        rows << QStringLiteral("%1 %2 %3 %4")
                    .arg(query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                         query.value(3).toString());
    return rows;
}

} // namespace

TEST_CASE("A DiscordChatExporter CSV of a server channel: mentions by name or id, quoted lines kept",
          "[discord][csv]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray rows =
        csvHeader + csvRow("200", "ann", "3/17/2025 10:00 AM", "Anyone around? \"quick\" one") +
        csvRow("100", "me#1234", "3/17/2025 10:05 AM", "@ann yes,\nhere \"now\"") +
        csvRow("300", "bob", "3/17/2025 1:10 PM", "unrelated, chatter") +
        csvRow("300", "bob", "3/17/2025 1:15 PM", "<@100> ping") +
        csvRow("100", "me#1234", "3/17/2025 1:20 PM", "to all") + csvRow("200", "ann", "", "no date");
    const QString path = write(temp, "Guild - Text - general [42].csv", rows);
    ConversationImportOptions options;
    options.me << QStringLiteral("me");
    options.bodies = true;
    const ConversationReport dry = require(ConversationImporter(temp.db(), path, options).run(true));
    const ConversationReport report = require(ConversationImporter(temp.db(), path, options).run(false));
    CHECK(report.format == QStringLiteral("discord"));
    CHECK(report.messages == 6);
    CHECK(report.created == 2);
    CHECK(report.outbound == 1);
    CHECK(report.inbound == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("not yours")) == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("channel message to no one (no mention)")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(dry.created == report.created);
    CHECK(dry.skippedMessages == report.skippedMessages);
    CHECK(logOf(temp) ==
          QStringList{QStringLiteral("ann outbound %1 @ann yes,").arg(localMoment(2025, 3, 17, 10, 5)),
                      QStringLiteral("bob inbound %1 @me#1234 ping").arg(localMoment(2025, 3, 17, 13, 15))});
    CHECK(require(
              temp.db().scalar(QStringLiteral("SELECT body FROM interactions WHERE direction = 'outbound'")))
              .toString() == QStringLiteral("@ann yes,\nhere \"now\""));
    CHECK(require(temp.db().scalar(QStringLiteral("SELECT group_concat(kind || ':' || value, '|') FROM "
                                                  "(SELECT * FROM contact_methods ORDER BY value)")))
              .toString() == QStringLiteral("discord:ann|discord:bob"));
    const ConversationReport again = require(ConversationImporter(temp.db(), path, options).run(false));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 2);
}

TEST_CASE("A DiscordChatExporter CSV of a DM, by content, with the exporter's ISO and older dates",
          "[discord][csv]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray rows = "\xEF\xBB\xBF" + csvHeader +
                            csvRow("200", "ann", "2025-03-17T10:00:00.000+01:00", "hi") +
                            csvRow("100", "me", "17-Mar-25 10:05 AM", "hello");
    const QString path = write(temp, "Direct Messages - Private - ann [7].csv", rows);
    ConversationImportOptions options;
    options.me << QStringLiteral("100");
    const ConversationReport report = require(ConversationImporter(temp.db(), path, options).run(false));
    CHECK(report.created == 2);
    CHECK(report.inbound == 1);
    CHECK(report.outbound == 1);
    CHECK(logOf(temp) ==
          QStringList{QStringLiteral("ann inbound 1742202000 hi"),
                      QStringLiteral("ann outbound %1 hello").arg(localMoment(2025, 3, 17, 10, 5))});

    // A DM only I wrote in names no one to have had it with.
    const QString alone = write(temp, "Direct Messages - Private - bob [8].csv",
                                csvHeader + csvRow("100", "me", "3/18/2025 9:00 AM", "anyone?"));
    const ConversationReport unanswered = require(ConversationImporter(temp.db(), alone, options).run(false));
    CHECK(unanswered.created == 0);
    CHECK(unanswered.skippedMessages.value(QStringLiteral("DM no one else wrote in")) == 1);
}

TEST_CASE("A damaged DiscordChatExporter CSV is refused naming the file, line and column", "[discord][csv]")
{
    PinnedClock clock;
    TempDatabase temp;
    ConversationImportOptions options;
    options.me << QStringLiteral("100");

    const QString badId =
        write(temp, "Guild - general [42].csv",
              csvHeader + csvRow("100", "me", "3/17/2025 10:00 AM", "a\nb") + csvRow("ann", "ann", "", "x"));
    const Result<ConversationReport> id = ConversationImporter(temp.db(), badId, options).run(false);
    REQUIRE_FALSE(id);
    CHECK(id.error().kind == ErrorKind::BadInput);
    CHECK(id.error().message ==
          badId + QStringLiteral(": line 4, column 'AuthorID': not a Discord user id: 'ann'"));

    const QString badDate =
        write(temp, "Guild - random [43].csv", csvHeader + csvRow("100", "me", "17.03.2025 10:00", "x"));
    const Result<ConversationReport> date = ConversationImporter(temp.db(), badDate, options).run(false);
    REQUIRE_FALSE(date);
    CHECK(date.error().message.startsWith(badDate +
                                          QStringLiteral(": line 2, column 'Date': not a date Rapport "
                                                         "reads: '17.03.2025 10:00'")));

    const QString renamed = write(temp, "general.csv", csvHeader + csvRow("100", "me", "", "x"));
    const Result<ConversationReport> name = ConversationImporter(temp.db(), renamed, options).run(false);
    REQUIRE_FALSE(name);
    CHECK(name.error().message.contains(QStringLiteral("does not say which channel")));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
}

TEST_CASE("A Discord data package zip: DMs and group DMs with each recipient, server mentions, me from "
          "user.json",
          "[discord][package]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString zip = QDir(temp.folder()).filePath(QStringLiteral("package.zip"));
    writeExportZip(zip, package(dmJson));
    const ConversationReport dry = require(ConversationImporter(temp.db(), zip, {}).run(true));
    const ConversationReport report = require(ConversationImporter(temp.db(), zip, {}).run(false));
    CHECK(report.format == QStringLiteral("discord data package"));
    CHECK(report.messages == 6);
    CHECK(report.created == 4);
    CHECK(report.outbound == 4);
    CHECK(report.inbound == 0);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("channel message to no one (no mention)")) == 1);
    CHECK(report.skippedMessages.value(
              QStringLiteral("with people the package does not name (not friends)")) == 1);
    CHECK(dry.created == report.created);
    CHECK(dry.skippedMessages == report.skippedMessages);
    CHECK(logOf(temp) == QStringList{QStringLiteral("cy outbound 1742205600 hi cy"),
                                     QStringLiteral("Ann Lee outbound 1742288400 hello both"),
                                     QStringLiteral("bob outbound 1742288400 hello both"),
                                     QStringLiteral("Ann Lee outbound 1742292000 @ann look")});
    const ConversationReport again = require(ConversationImporter(temp.db(), zip, {}).run(false));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 4);
}

TEST_CASE("A Discord data package folder with messages.csv, its DM and the exporter's JSON count once",
          "[discord][package]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString folder = QDir(temp.folder()).filePath(QStringLiteral("package"));
    ExportFiles files = package({});
    files.removeIf(
        [](const auto& file) { return file.first == QLatin1String("messages/c11/messages.json"); });
    files << std::pair{QStringLiteral("messages/c11/messages.csv"),
                       QByteArray("ID,Timestamp,Contents,Attachments\n"
                                  "1101,2025-03-17 10:00:00.123000+00:00,\"hi cy,\nhow are you\",\n")};
    writeExportFolder(folder, files);
    ConversationImportOptions options;
    options.format = ConversationFormat::Discord;
    const ConversationReport report = require(ConversationImporter(temp.db(), folder, options).run(false));
    CHECK(report.created == 4);
    CHECK(logOf(temp).constFirst() == QStringLiteral("cy outbound 1742205600 hi cy,"));

    // The same DM exported by DiscordChatExporter: the message is already there.
    const QByteArray exporterDm =
        R"({"guild": {"id": "0", "name": "Direct Messages"}, "channel": {"id": "11", "type": "DirectTextChat"},
            "messages": [{"id": "1101", "type": "Default", "timestamp": "2025-03-17T10:00:00.123+00:00",
            "content": "hi cy", "author": {"id": "100", "name": "me", "nickname": "Me"}},
            {"id": "1104", "type": "Default", "timestamp": "2025-03-17T10:09:00+00:00", "content": "fine",
             "author": {"id": "400", "name": "cy", "nickname": "Cy"}}]})";
    const QString json = write(temp, "dm.json", exporterDm);
    ConversationImportOptions asMe;
    asMe.me << QStringLiteral("100");
    const ConversationReport overlap = require(ConversationImporter(temp.db(), json, asMe).run(false));
    CHECK(overlap.unchanged == 1);
    CHECK(overlap.created == 1);
    CHECK(overlap.contactsMatched == 1);
    CHECK(overlap.contactsCreated == 0);
}

TEST_CASE("A damaged Discord data package is refused naming the file, and nothing is written",
          "[discord][package]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString zip = QDir(temp.folder()).filePath(QStringLiteral("package.zip"));

    SECTION("a truncated zip")
    {
        writeExportZip(zip, package(dmJson));
        QFile file(zip);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(file.size() / 2));
        file.close();
        const Result<ConversationReport> refused = ConversationImporter(temp.db(), zip, {}).run(false);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::BadInput);
        CHECK(refused.error().message.startsWith(zip + QStringLiteral(": not a readable zip")));
    }
    SECTION("a channel that is not one")
    {
        ExportFiles files = package(dmJson);
        files << std::pair{QStringLiteral("messages/c14/channel.json"), QByteArray(R"({"name": "x"})")};
        writeExportZip(zip, files);
        const Result<ConversationReport> refused = ConversationImporter(temp.db(), zip, {}).run(false);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message ==
              zip + QStringLiteral(": messages/c14/channel.json: not a Discord channel: it has no \"id\" and "
                                   "\"type\""));
    }
    SECTION("messages that are not JSON")
    {
        writeExportZip(zip, package("[{\"ID\": 1, \n \"Contents\": }]"));
        const Result<ConversationReport> refused = ConversationImporter(temp.db(), zip, {}).run(false);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().message.startsWith(zip + QStringLiteral(": messages/c11/messages.json: line 2: "
                                                                      "not JSON")));
    }
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
}
