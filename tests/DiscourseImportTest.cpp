// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from a Discourse topic as /t/ID.json returns it: replies and mentions between
// me and someone, with "me" a username.
#include "core/conversations/ConversationImport.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>

using namespace rapport;
using namespace rapport::test;

namespace {

QByteArray post(int number, const QByteArray& username, const QByteArray& cooked,
                const QByteArray& extra = {})
{
    return R"({"id": )" + QByteArray::number(1000 + number) + R"(, "post_number": )" +
           QByteArray::number(number) + R"(, "username": ")" + username +
           R"(", "post_type": 1, "created_at": "2025-03-17T10:0)" + QByteArray::number(number) +
           R"(:00.000Z", "cooked": ")" + cooked + "\"" + extra + "}";
}

QByteArray topic()
{
    const QByteArray posts =
        post(1, "Ann", "<p>How do I build this?</p>", R"(, "name": "Ann Lee")") + ",\n" +
        post(2, "me", "<p>Run cmake first.</p>", R"(, "reply_to_post_number": 1)") + ",\n" +
        post(3, "ann", "<p>Thanks!</p>", R"(, "name": "Ann Lee", "reply_to_post_number": 2)") + ",\n" +
        post(4, "bob", "<p>Same question here</p>", R"(, "reply_to_post_number": 1)") + ",\n" +
        post(5, "carol", "<p><a class=\\\"mention\\\" href=\\\"/u/me\\\">@me</a> look</p>") + ",\n" +
        post(6, "system", "<p>closed</p>") + ",\n" +
        R"({"id": 1007, "post_number": 7, "username": "bob", "post_type": 1, "cooked": "no date"})" + ",\n" +
        post(8, "me", "<p>see earlier</p>", R"(, "reply_to_user": {"username": "dave", "name": "Dave"})");
    return R"({"id": 42, "title": "Building from source", "post_stream": {"posts": [)" + posts + "]}}";
}

ConversationImportOptions asMe()
{
    ConversationImportOptions options;
    options.me << QStringLiteral("ME");
    return options;
}

QString text(TempDatabase& temp, const QString& sql)
{
    return require(temp.db().scalar(sql)).toString();
}

} // namespace

TEST_CASE("A Discourse topic: replies and mentions between me and someone", "[discourse]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path = QDir(temp.folder()).filePath(QStringLiteral("42.json"));
    writeExportFolder(temp.folder(), {{QStringLiteral("42.json"), topic()}});
    const ConversationReport dry = require(ConversationImporter(temp.db(), path, asMe()).run(true));
    const ConversationReport report = require(ConversationImporter(temp.db(), path, asMe()).run(false));
    CHECK(report.format == QStringLiteral("discourse"));
    CHECK(report.messages == 8);
    CHECK(report.created == 4);
    CHECK(report.outbound == 2);
    CHECK(report.inbound == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("not yours")) == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("bot")) == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(dry.skippedMessages == report.skippedMessages);
    CHECK(dry.created == report.created);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(display_name, '|') FROM (SELECT display_name FROM "
                                    "contacts ORDER BY display_name)")) ==
          QStringLiteral("Ann Lee|Dave|carol"));
    CHECK(text(temp, QStringLiteral("SELECT group_concat(channel || ' ' || direction || ' ' || summary, '|') "
                                    "FROM (SELECT * FROM interactions ORDER BY id)")) ==
          QStringLiteral("forum outbound Run cmake first.|forum inbound Thanks!|forum inbound @me look|"
                         "forum outbound see earlier"));
    const ConversationReport again = require(ConversationImporter(temp.db(), path, asMe()).run(false));
    CHECK(again.created == 0);
    CHECK(again.unchanged == 4);
}

TEST_CASE("A Discourse topic needs a username for me, JSON that is no topic is refused", "[discourse]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path = QDir(temp.folder()).filePath(QStringLiteral("42.json"));
    writeExportFolder(temp.folder(), {{QStringLiteral("42.json"), topic()},
                                      {QStringLiteral("latest.json"), R"({"topic_list": {"topics": []}})"}});
    const Result<ConversationReport> noMe = ConversationImporter(temp.db(), path, {}).run(false);
    REQUIRE_FALSE(noMe);
    CHECK(noMe.error().kind == ErrorKind::Usage);
    CHECK(noMe.error().message.contains(QStringLiteral("--me with your username")));

    ConversationImportOptions discourse = asMe();
    discourse.format = ConversationFormat::Discourse;
    const QString latest = QDir(temp.folder()).filePath(QStringLiteral("latest.json"));
    const Result<ConversationReport> notTopic = ConversationImporter(temp.db(), latest, discourse).run(false);
    REQUIRE_FALSE(notTopic);
    CHECK(notTopic.error().message.startsWith(latest + QStringLiteral(": not a Discourse topic")));
}
