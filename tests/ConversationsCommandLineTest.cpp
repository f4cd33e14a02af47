// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport import conversations`, exercised by running the real binary on mail archives and chat exports
// the test writes.
#include "tests/support/CliSupport.h"
#include "tests/support/ExportSupport.h"

#include <QFile>

using namespace rapport::test;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

Run importConversations(const CliDatabase& db, const QString& path, const QStringList& options)
{
    return runRapport(QStringList{QStringLiteral("import"), QStringLiteral("conversations"), path,
                                  QStringLiteral("--database"), db.path()} +
                      options);
}

const QByteArray archive = "From - Mon Mar 17 10:08:13 2025\n"
                           "From: Ann Lee <ann@example.com>\nTo: me@example.org\nSubject: Hello\n"
                           "Date: Mon, 17 Mar 2025 11:00:00 +0100\nMessage-ID: <1@example.com>\n\nHi\n\n"
                           "From - Mon Mar 17 10:08:13 2025\n"
                           "From: news@example.com\nTo: me@example.org\nSubject: News\nList-Id: <news>\n"
                           "Date: Mon, 17 Mar 2025 12:00:00 +0100\n\nNews\n";

} // namespace

TEST_CASE("rapport import conversations prints its counts, a dry run prints the real run's", "[cli][mail]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("Inbox"));
    writeFile(path, archive);
    const QStringList me{QStringLiteral("--me"), QStringLiteral("me@example.org"), QStringLiteral("--by"),
                         QStringLiteral("Grace")};

    const Run dry = importConversations(db, path, me + QStringList{QStringLiteral("--dry-run")});
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    const Run real = importConversations(db, path, me);
    REQUIRE(real.exitCode == 0);
    CHECK(real.out.startsWith(QStringLiteral("imported conversations (mbox): 1 created, 0 unchanged")));
    CHECK(dry.out == QStringLiteral("dry run, nothing written: ") + real.out.mid(9));
    CHECK(real.out.contains(QStringLiteral("contacts: 1 created, 0 matched")));
    CHECK(real.out.contains(QStringLiteral("messages: 2 read, 1 skipped: 1 mailing list")));

    const Run again = importConversations(db, path, me);
    CHECK(again.out.startsWith(QStringLiteral("imported conversations (mbox): 0 created, 1 unchanged")));
    CHECK(again.out.contains(QStringLiteral("contacts: 0 created, 1 matched")));
}

TEST_CASE("rapport import conversations refuses without a me, and a binary file with exit 2", "[cli][mail]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("Inbox"));
    writeFile(path, archive);
    const Run noMe = importConversations(db, path, {});
    CHECK(noMe.exitCode == 1);
    CHECK(noMe.err.contains(QStringLiteral("--me EMAIL")));

    const QString binary = db.file(QStringLiteral("photo.eml"));
    writeFile(binary, QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const Run refused =
        importConversations(db, binary, {QStringLiteral("--me"), QStringLiteral("me@example.org")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(binary + QStringLiteral(": not mail: a binary file")));
    CHECK(refused.err.contains(QStringLiteral("nothing imported")));
}

TEST_CASE("rapport import conversations reads a zipped Slack export, by content, with --me a user id",
          "[cli][slack]")
{
    CliDatabase db;
    const QString zip = db.file(QStringLiteral("slack.zip"));
    writeExportZip(
        zip,
        {{QStringLiteral("users.json"),
          R"([{"id": "U1", "name": "me"}, {"id": "U2", "name": "ann", "real_name": "Ann Lee"}])"},
         {QStringLiteral("channels.json"), R"([{"id": "C1", "name": "general", "members": ["U1", "U2"]}])"},
         {QStringLiteral("general/2025-03-17.json"),
          R"([{"user": "U2", "text": "<@U1> hello", "ts": "1742205600.000100"},
              {"user": "U2", "text": "joined", "subtype": "channel_join", "ts": "1742205660.000100"},
              {"user": "U2", "text": "no date"}])"}});
    const QStringList me{QStringLiteral("--me"), QStringLiteral("U1")};
    const Run dry = importConversations(db, zip, me + QStringList{QStringLiteral("--dry-run")});
    INFO(dry.err.toStdString());
    REQUIRE(dry.exitCode == 0);
    const Run real = importConversations(db, zip, me);
    REQUIRE(real.exitCode == 0);
    CHECK(real.out.startsWith(QStringLiteral("imported conversations (slack): 1 created, 0 unchanged")));
    CHECK(dry.out == QStringLiteral("dry run, nothing written: ") + real.out.mid(9));
    CHECK(real.out.contains(QStringLiteral("contacts: 1 created, 0 matched")));
    CHECK(real.out.contains(
        QStringLiteral("messages: 3 read, 2 skipped: 1 no date, 1 not a message (channel_join)")));

    const Run noMe = importConversations(db, zip, {});
    CHECK(noMe.exitCode == 1);
    CHECK(noMe.err.contains(QStringLiteral("--me with your Slack user id")));

    // A zip cut short is refused with exit 2, naming it.
    QFile file(zip);
    REQUIRE(file.open(QIODevice::ReadWrite));
    REQUIRE(file.resize(file.size() - 30));
    file.close();
    const Run truncated = importConversations(db, zip, me);
    CHECK(truncated.exitCode == 2);
    CHECK(truncated.err.contains(zip + QStringLiteral(": not a readable zip")));
    CHECK(truncated.err.contains(QStringLiteral("nothing imported")));
}

TEST_CASE("rapport import conversations reads a Mastodon archive folder without --me", "[cli][mastodon]")
{
    CliDatabase db;
    const QString folder = db.file(QStringLiteral("mastodon"));
    writeExportFolder(folder, {{QStringLiteral("actor.json"),
                                R"({"id": "https://example.social/users/me", "preferredUsername": "me"})"},
                               {QStringLiteral("outbox.json"),
                                R"({"orderedItems": [{"type": "Create", "object": {"type": "Note", "id": "n1",
              "published": "2025-03-17T10:00:00Z", "content": "<p>@ann hi</p>",
              "tag": [{"type": "Mention", "name": "@ann@other.org", "href": "https://other.org/users/ann"}]}},
              {"type": "Announce", "object": "https://other.org/users/ann/statuses/2"}]})"}});
    const Run real = importConversations(db, folder, {});
    INFO(real.err.toStdString());
    REQUIRE(real.exitCode == 0);
    CHECK(real.out.startsWith(QStringLiteral("imported conversations (mastodon): 1 created, 0 unchanged")));
    CHECK(real.out.contains(QStringLiteral("messages: 2 read, 1 skipped: 1 boost")));
}

TEST_CASE(
    "rapport import conversations reads a Discourse topic and a Discord export, refuses JSON of neither",
    "[cli][discourse][discord]")
{
    CliDatabase db;
    const QString topic = db.file(QStringLiteral("42.json"));
    writeFile(topic, R"({"id": 42, "title": "Hello", "post_stream": {"posts": [
        {"id": 1, "post_number": 1, "username": "me", "created_at": "2025-03-17T10:00:00.000Z", "cooked": "<p>Hi</p>"},
        {"id": 2, "post_number": 2, "username": "ann", "created_at": "2025-03-17T10:05:00.000Z",
         "cooked": "<p>Hello back</p>", "reply_to_post_number": 1}]}})");
    const Run forum = importConversations(db, topic, {QStringLiteral("--me"), QStringLiteral("me")});
    INFO(forum.err.toStdString());
    REQUIRE(forum.exitCode == 0);
    CHECK(forum.out.startsWith(QStringLiteral("imported conversations (discourse): 1 created")));
    CHECK(forum.out.contains(QStringLiteral("1 post to no one (no reply or mention)")));

    const QString discord = db.file(QStringLiteral("dm.json"));
    writeFile(discord,
              R"({"guild": {"id": "0"}, "channel": {"id": "7", "type": "DirectTextChat"}, "messages": [
        {"id": "1", "type": "Default", "timestamp": "2025-03-17T10:00:00.000+00:00", "content": "hi",
         "author": {"id": "5", "name": "ann", "nickname": "Ann"}}]})");
    const Run chat = importConversations(db, discord,
                                         {QStringLiteral("--me"), QStringLiteral("me"),
                                          QStringLiteral("--format"), QStringLiteral("discord")});
    CHECK(chat.exitCode == 1); // "me" is no one in this DM
    CHECK(chat.err.contains(QStringLiteral("no one in this Discord export")));

    const QString other = db.file(QStringLiteral("package.json"));
    writeFile(other, R"({"name": "not an export"})");
    const Run refused = importConversations(db, other, {QStringLiteral("--me"), QStringLiteral("me")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(other + QStringLiteral(": JSON, but of no export Rapport reads")));
    CHECK(refused.err.contains(QStringLiteral("nothing imported")));
}

TEST_CASE(
    "rapport import conversations reads a DiscordChatExporter CSV and a Discord data package by content",
    "[cli][discord]")
{
    CliDatabase db;
    const QString csv = db.file(QStringLiteral("Guild - general [42].csv"));
    writeFile(csv, "AuthorID,Author,Date,Content,Attachments,Reactions\n"
                   "\"5\",\"ann\",\"3/17/2025 10:00 AM\",\"@me hello,\nthere\",\"\",\"\"\n"
                   "\"9\",\"me\",\"3/17/2025 10:01 AM\",\"thanks @ann\",\"\",\"\"\n"
                   "\"9\",\"me\",\"3/17/2025 10:02 AM\",\"to all\",\"\",\"\"\n");
    const Run chat = importConversations(db, csv, {QStringLiteral("--me"), QStringLiteral("me")});
    INFO(chat.err.toStdString());
    REQUIRE(chat.exitCode == 0);
    CHECK(chat.out.startsWith(QStringLiteral("imported conversations (discord): 2 created, 0 unchanged, 0 "
                                             "repeated in the archive (1 outbound, 1 inbound)")));
    CHECK(chat.out.contains(QStringLiteral("messages: 3 read, 1 skipped: 1 channel message to no one")));

    const QString zip = db.file(QStringLiteral("package.zip"));
    writeExportZip(
        zip,
        {{QStringLiteral("account/user.json"), R"({"id": "9", "username": "me"})"},
         {QStringLiteral("messages/index.json"), R"({"7": "Direct Message with ann#0"})"},
         {QStringLiteral("messages/c7/channel.json"), R"({"id": "7", "type": 1, "recipients": ["9", "5"]})"},
         {QStringLiteral("messages/c7/messages.json"),
          R"([{"ID": 70, "Timestamp": "2025-03-18 09:00:00", "Contents": "hi", "Attachments": ""}])"}});
    const Run package = importConversations(db, zip, {});
    INFO(package.err.toStdString());
    REQUIRE(package.exitCode == 0);
    CHECK(package.out.startsWith(QStringLiteral("imported conversations (discord data package): 1 created")));
    CHECK(package.out.contains(QStringLiteral("contacts: 0 created, 1 matched")));

    const QString broken = db.file(QStringLiteral("Guild - random [43].csv"));
    writeFile(broken,
              "AuthorID,Author,Date,Content,Attachments,Reactions\n\"x\",\"ann\",\"\",\"hi\",\"\",\"\"\n");
    const Run refused = importConversations(db, broken, {QStringLiteral("--me"), QStringLiteral("me")});
    CHECK(refused.exitCode == 2);
    CHECK(
        refused.err.contains(broken + QStringLiteral(": line 2, column 'AuthorID': not a Discord user id")));
    CHECK(refused.err.contains(QStringLiteral("nothing imported")));
}
