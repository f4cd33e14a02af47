// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from a Mastodon account archive: posts outbound to the accounts they mention
// or reply to, the actor as "me", boosts skipped, zipped or unpacked.
#include "core/conversations/ConversationImport.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>

using namespace rapport;
using namespace rapport::test;

namespace {

QByteArray note(int id, const QByteArray& content, const QByteArray& tags, const QByteArray& extra = {})
{
    return R"({"type": "Create", "object": {"type": "Note", "id": "https://example.social/users/me/statuses/)" +
           QByteArray::number(id) + R"(", "published": "2025-03-17T10:0)" + QByteArray::number(id) +
           R"(:00Z", "content": ")" + content + R"(", "tag": [)" + tags + "]" + extra + "}}";
}

QByteArray mention(const QByteArray& name, const QByteArray& href)
{
    return R"({"type": "Mention", "name": ")" + name + R"(", "href": ")" + href + R"("})";
}

ExportFiles archive()
{
    const QByteArray items =
        note(1, "<p><span class=\\\"h-card\\\">@ann@other.org</span> hello &amp; welcome</p><p>more</p>",
             mention("@ann@other.org", "https://other.org/users/ann")) +
        ",\n" +
        note(2, "<p>to bob, replying</p>", mention("@bob", "https://example.social/users/bob"),
             R"(, "inReplyTo": "https://far.net/@carl/109")") +
        ",\n" +
        note(3, "<p>a thread of my own</p>", "",
             R"(, "inReplyTo": "https://example.social/users/me/statuses/2")") +
        ",\n" + R"({"type": "Announce", "object": "https://other.org/users/ann/statuses/5"},)" + "\n" +
        R"({"type": "Create", "object": {"type": "Note", "id": "x", "content": "undated", "tag": [)" +
        mention("@ann@other.org", "https://other.org/users/ann") + "]}}";
    return {
        {QStringLiteral("actor.json"),
         R"({"id": "https://example.social/users/me", "type": "Person", "preferredUsername": "me"})"},
        {QStringLiteral("outbox.json"), R"({"type": "OrderedCollection", "orderedItems": [)" + items + "]}"},
        {QStringLiteral("likes.json"), R"({"orderedItems": []})"}};
}

QString text(TempDatabase& temp, const QString& sql)
{
    return require(temp.db().scalar(sql)).toString();
}

} // namespace

TEST_CASE("A Mastodon archive: each post of mine is outbound to whom it mentions or replies to", "[mastodon]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString folder = QDir(temp.folder()).filePath(QStringLiteral("archive"));
    writeExportFolder(folder, archive());
    // No --me: the archive's actor is me.
    const ConversationReport report = require(ConversationImporter(temp.db(), folder, {}).run(false));
    CHECK(report.format == QStringLiteral("mastodon"));
    CHECK(report.messages == 5);
    CHECK(report.created == 3);
    CHECK(report.outbound == 3);
    CHECK(report.contactsCreated == 3);
    CHECK(report.skippedMessages.value(QStringLiteral("boost")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("public post (no mention or reply)")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(kind || ':' || value, '|') FROM (SELECT * FROM "
                                    "contact_methods ORDER BY value)")) ==
          QStringLiteral("mastodon:@ann@other.org|mastodon:@bob@example.social|mastodon:@carl@far.net"));
    CHECK(text(temp, QStringLiteral("SELECT group_concat(channel || ' ' || summary, '|') FROM (SELECT * FROM "
                                    "interactions ORDER BY id)")) ==
          QStringLiteral(
              "social @ann@other.org hello & welcome|social to bob, replying|social to bob, replying"));
}

TEST_CASE("A zipped Mastodon archive imports once, a dry run counts what the real run does", "[mastodon]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString zip = QDir(temp.folder()).filePath(QStringLiteral("archive-20250318.zip"));
    writeExportZip(zip, archive());
    const ConversationReport dry = require(ConversationImporter(temp.db(), zip, {}).run(true));
    const ConversationReport real = require(ConversationImporter(temp.db(), zip, {}).run(false));
    CHECK(dry.created == real.created);
    CHECK(dry.contactsCreated == real.contactsCreated);
    CHECK(dry.skippedMessages == real.skippedMessages);
    const ConversationReport again = require(ConversationImporter(temp.db(), zip, {}).run(false));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 3);
    CHECK(again.contactsMatched == 3);
}

TEST_CASE("A Mastodon archive whose outbox is no outbox is refused, naming the file", "[mastodon]")
{
    PinnedClock clock;
    TempDatabase temp;
    ExportFiles files = archive();
    files[1].second = R"({"type": "OrderedCollection"})";
    const QString zip = QDir(temp.folder()).filePath(QStringLiteral("archive.zip"));
    writeExportZip(zip, files);
    const Result<ConversationReport> refused = ConversationImporter(temp.db(), zip, {}).run(false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          zip + QStringLiteral(": outbox.json: not a Mastodon outbox: it has no \"orderedItems\" array"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
}
