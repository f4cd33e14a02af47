// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from a Slack workspace export, unpacked or zipped: which messages are
// conversations with whom (DMs, threads, mentions), who "me" is, and the refusals that write nothing.
#include "core/conversations/ConversationImport.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>

using namespace rapport;
using namespace rapport::test;

namespace {

// 2025-03-17 10:00 UTC and on, a minute apart.
QByteArray ts(int minute)
{
    return QByteArray::number(1742205600 + minute * 60) + ".000" + QByteArray::number(100 + minute);
}

QByteArray message(const QByteArray& user, int minute, const QByteArray& text, const QByteArray& extra = {})
{
    return "{\"type\": \"message\", \"user\": \"" + user + "\", \"text\": \"" + text + "\", \"ts\": \"" +
           ts(minute) + "\"" + extra + "}";
}

QByteArray inThread(int startedAt)
{
    return ", \"thread_ts\": \"" + ts(startedAt) + "\"";
}

// A workspace: me (U1), Ann (U2), Bob (U3, no email), a bot and a deleted user; #general, a DM with Ann
// and a group DM with Ann and Bob.
ExportFiles workspace()
{
    const QByteArray users = R"([
 {"id": "U1", "name": "me", "real_name": "Me Myself", "profile": {"email": "me@example.org"}},
 {"id": "U2", "name": "ann", "real_name": "Ann Lee", "profile": {"email": "ann@example.com"}},
 {"id": "U3", "name": "bob", "profile": {"real_name": "Bob", "display_name": "bobby"}},
 {"id": "UB", "name": "deploybot", "is_bot": true, "profile": {}},
 {"id": "UD", "name": "gone", "deleted": true, "profile": {}}
])";
    const QByteArray general = "[" + message("U2", 0, "Starting a thread", inThread(0)) +
                               ",\n" +                                                         // Ann's thread
                               message("U1", 1, "Sounds good", inThread(0)) + ",\n" +          // out to Ann
                               message("U1", 2, "My thread", inThread(2)) + ",\n" +            // to no one
                               message("U3", 3, "Reply to you", inThread(2)) + ",\n" +         // in from Bob
                               message("U1", 4, "<@U3> can you look?\\nsecond line") + ",\n" + // out to Bob
                               message("U2", 5, "hey <@U1|me> &amp; all") + ",\n" +            // in from Ann
                               message("U3", 6, "random chatter") + ",\n" +                    // not mine
                               message("U2", 7, "<@U2> has joined", ", \"subtype\": \"channel_join\"") +
                               ",\n" + message("UB", 8, "deployed", ", \"bot_id\": \"B1\"") + ",\n" +
                               R"({"type": "message", "user": "U2", "text": "no ts"}])";
    return {
        {QStringLiteral("users.json"), users},
        {QStringLiteral("channels.json"),
         R"([{"id": "C1", "name": "general", "members": ["U1", "U2", "U3"]}])"},
        {QStringLiteral("dms.json"), R"([{"id": "D1", "members": ["U1", "U2"]}])"},
        {QStringLiteral("mpims.json"),
         R"([{"id": "G1", "name": "mpdm-me--ann--bob-1", "members": ["U1", "U2", "U3"]}])"},
        {QStringLiteral("general/2025-03-17.json"), general},
        {QStringLiteral("D1/2025-03-18.json"),
         "[" + message("U1", 60, "hi ann") + "," + message("U2", 61, "hi back") + "]"},
        {QStringLiteral("mpdm-me--ann--bob-1/2025-03-18.json"), "[" + message("U1", 62, "hello both") + "]"},
    };
}

ConversationImportOptions asMe(const QString& me = QStringLiteral("U1"))
{
    ConversationImportOptions options;
    options.me << me;
    return options;
}

ConversationReport importSlack(TempDatabase& temp, const QString& path,
                               const ConversationImportOptions& options = asMe(), bool dryRun = false)
{
    return require(ConversationImporter(temp.db(), path, options).run(dryRun));
}

QString folderOf(TempDatabase& temp, const ExportFiles& files)
{
    const QString folder = QDir(temp.folder()).filePath(QStringLiteral("slack-export"));
    writeExportFolder(folder, files);
    return folder;
}

QString zipOf(TempDatabase& temp, const ExportFiles& files)
{
    const QString path = QDir(temp.folder()).filePath(QStringLiteral("slack-export.zip"));
    writeExportZip(path, files);
    return path;
}

QString text(TempDatabase& temp, const QString& sql)
{
    return require(temp.db().scalar(sql)).toString();
}

void checkWorkspaceCounts(const ConversationReport& report)
{
    CHECK(report.format == QStringLiteral("slack"));
    CHECK(report.messages == 13);
    CHECK(report.created == 8);
    CHECK(report.outbound == 5);
    CHECK(report.inbound == 3);
    CHECK(report.contactsCreated == 2);
    CHECK(report.skippedMessages.value(
              QStringLiteral("channel message to no one (no thread reply or mention)")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("not yours")) == 2); // Ann's thread, Bob's chatter
    CHECK(report.skippedMessages.value(QStringLiteral("not a message (channel_join)")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("bot")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
}

} // namespace

TEST_CASE("A Slack export: DMs with every member, channel threads and mentions between me and someone",
          "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    const ConversationReport report = importSlack(temp, folderOf(temp, workspace()));
    checkWorkspaceCounts(report);
    CHECK(report.written);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(display_name, '|') FROM (SELECT display_name FROM "
                                    "contacts ORDER BY display_name)")) == QStringLiteral("Ann Lee|Bob"));
    // Ann is found by email and Slack handle from now on; Bob, without an email, by handle.
    CHECK(text(temp, QStringLiteral("SELECT group_concat(kind || ':' || value, '|') FROM (SELECT * FROM "
                                    "contact_methods ORDER BY kind, value)")) ==
          QStringLiteral("email:ann@example.com|slack:ann|slack:bob"));
    CHECK(text(temp,
               QStringLiteral(
                   "SELECT group_concat(direction || ' ' || summary, '|') FROM (SELECT * FROM interactions i "
                   "JOIN contacts c ON c.id = i.contact_id WHERE c.display_name = 'Bob' ORDER BY i.id)")) ==
          QStringLiteral("inbound Reply to you|outbound @Bob can you look?|outbound hello both"));
    CHECK(
        text(temp, QStringLiteral("SELECT group_concat(summary, '|') FROM (SELECT * FROM interactions i JOIN "
                                  "contacts c ON c.id = i.contact_id WHERE c.display_name = 'Ann Lee' "
                                  "ORDER BY i.id)")) ==
        QStringLiteral("Sounds good|hey @me & all|hi ann|hi back|hello both"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions WHERE channel = 'chat'")) == 8);
    CHECK(temp.number(QStringLiteral("SELECT min(occurred_at) FROM interactions")) == 1742205660);
}

TEST_CASE("A zipped Slack export reads as the folder does, importing it again adds nothing", "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString zip = zipOf(temp, workspace());
    const ConversationReport dry = importSlack(temp, zip, asMe(), true);
    CHECK_FALSE(dry.written);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
    const ConversationReport real = importSlack(temp, zip);
    checkWorkspaceCounts(dry);
    checkWorkspaceCounts(real);
    CHECK(dry.skippedMessages == real.skippedMessages);

    const ConversationReport again = importSlack(temp, zip);
    CHECK(again.created == 0);
    CHECK(again.unchanged == 8);
    CHECK(again.contactsCreated == 0);
    CHECK(again.contactsMatched == 2);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 8);
}

TEST_CASE("A zip with the export's folder around it reads from inside that folder", "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    ExportFiles nested;
    for (const auto& [name, bytes] : workspace())
        nested.append({QStringLiteral("Acme Slack export Mar 1 2025 - Mar 31 2025/") + name, bytes});
    checkWorkspaceCounts(importSlack(temp, zipOf(temp, nested)));
}

TEST_CASE("Slack's me is a user id, email or name, without one the import says how to give it", "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString folder = folderOf(temp, workspace());
    CHECK(importSlack(temp, folder, asMe(QStringLiteral("ME@example.org")), true).created == 8);
    CHECK(importSlack(temp, folder, asMe(QStringLiteral("Me Myself")), true).created == 8);

    const Result<ConversationReport> none = ConversationImporter(temp.db(), folder, {}).run(false);
    REQUIRE_FALSE(none);
    CHECK(none.error().kind == ErrorKind::Usage);
    CHECK(none.error().message.contains(QStringLiteral("--me with your Slack user id")));
    const Result<ConversationReport> stranger =
        ConversationImporter(temp.db(), folder, asMe(QStringLiteral("zoe@example.com"))).run(false);
    REQUIRE_FALSE(stranger);
    CHECK(stranger.error().message.contains(QStringLiteral("'zoe@example.com'")));

    // The --by member's email is enough.
    require(TeamMemberRepository(temp.db()).create(
        TeamMember{0, QStringLiteral("Grace"), QStringLiteral("me@example.org")}));
    ConversationImportOptions byGrace;
    byGrace.by = QStringLiteral("Grace");
    CHECK(importSlack(temp, folder, byGrace, true).created == 8);
}

TEST_CASE("Slack people are matched to contacts by email or handle, --new-contacts none counts the rest",
          "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    Contact bob;
    bob.displayName = QStringLiteral("Robert");
    bob.methods << ContactMethod{0, MethodKind::Slack, QStringLiteral("@Bob"), QString()};
    const qint64 bobId = require(ContactRepository(temp.db()).create(bob));
    ConversationImportOptions options = asMe();
    options.newContacts = NewContacts::None;
    const ConversationReport report = importSlack(temp, folderOf(temp, workspace()), options);
    CHECK(report.contactsMatched == 1);
    CHECK(report.contactsCreated == 0);
    CHECK(report.created == 3);
    CHECK(report.skippedPeople.value(QStringLiteral("not a contact (--new-contacts none)")) == 1);
    CHECK(temp.number(QStringLiteral("SELECT count(DISTINCT contact_id) FROM interactions")) == 1);
    CHECK(temp.number(QStringLiteral("SELECT contact_id FROM interactions LIMIT 1")) == bobId);
}

TEST_CASE("A team member's Slack account never becomes a contact", "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    require(TeamMemberRepository(temp.db()).create(
        TeamMember{0, QStringLiteral("Ann"), QStringLiteral("ann@example.com")}));
    const ConversationReport report = importSlack(temp, folderOf(temp, workspace()));
    CHECK(report.skippedPeople.value(QStringLiteral("team member")) == 1);
    CHECK(report.contactsCreated == 1);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(display_name) FROM contacts")) ==
          QStringLiteral("Bob"));
}

TEST_CASE("A damaged Slack export is refused naming the file, and nothing is written", "[slack]")
{
    PinnedClock clock;
    TempDatabase temp;
    const auto refusal = [&](const QString& path, ConversationFormat format = ConversationFormat::Auto) {
        ConversationImportOptions options = asMe();
        options.format = format;
        const Result<ConversationReport> refused = ConversationImporter(temp.db(), path, options).run(false);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().kind == ErrorKind::BadInput);
        CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
        CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
        return refused.error().message;
    };

    SECTION("a truncated zip")
    {
        const QString zip = zipOf(temp, workspace());
        QFile file(zip);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(file.size() / 2));
        file.close();
        CHECK(refusal(zip).startsWith(zip + QStringLiteral(": not a readable zip")));
    }
    SECTION("a day file that is not JSON, after good ones: the whole run rolls back")
    {
        ExportFiles files = workspace();
        files.append({QStringLiteral("general/2025-03-19.json"), "[\n{\"user\": \"U2\",\n \"text\": \"cut"});
        const QString folder = folderOf(temp, files);
        CHECK(refusal(folder).startsWith(QDir(folder).filePath(QStringLiteral("general/2025-03-19.json")) +
                                         QStringLiteral(": line 3: not JSON: ")));
    }
    SECTION("a users.json that is no list of users")
    {
        ExportFiles files = workspace();
        files[0].second = R"({"ok": true})";
        const QString zip = zipOf(temp, files);
        CHECK(refusal(zip) ==
              zip + QStringLiteral(": users.json: not a Slack export's file: expected an array of users"));
    }
    SECTION("a JSON file that is not an export")
    {
        const QString path = QDir(temp.folder()).filePath(QStringLiteral("config.json"));
        writeExportFolder(temp.folder(), {{QStringLiteral("config.json"), R"({"theme": "dark"})"}});
        CHECK(refusal(path).contains(QStringLiteral("JSON, but of no export Rapport reads")));
        CHECK(refusal(path, ConversationFormat::Slack).contains(QStringLiteral("not a Slack export")));
    }
    SECTION("a binary file")
    {
        const QString path = QDir(temp.folder()).filePath(QStringLiteral("photo.png"));
        writeExportFolder(temp.folder(),
                          {{QStringLiteral("photo.png"), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)}});
        CHECK(refusal(path).contains(QStringLiteral("a binary file")));
    }
}

TEST_CASE("A Slack user with neither a name nor an address is left out for that reason, not as a bad address",
          "[slack]")
{
    TempDatabase temp;
    ExportFiles files = workspace();
    for (auto& [name, bytes] : files) {
        if (name == QLatin1String("users.json"))
            bytes.replace(
                R"("id": "U3", "name": "bob", "profile": {"real_name": "Bob", "display_name": "bobby"})",
                R"("id": "U3", "profile": {})");
    }
    const ConversationReport report = importSlack(temp, folderOf(temp, files));
    CHECK(report.skippedPeople.value(QStringLiteral("no address or handle in the archive")) == 1);
    CHECK(report.skippedPeople.value(QStringLiteral("not an email address")) == 0);
    CHECK(text(temp, QStringLiteral("SELECT count(*) FROM contacts WHERE display_name = 'Bob'")) ==
          QStringLiteral("0"));
}
