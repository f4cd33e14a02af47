// SPDX-License-Identifier: GPL-3.0-or-later
// Importing conversations from mail: the reader over mbox and .eml files as Thunderbird and Google
// Takeout write them, the rules that make conversations of messages, and the import's writes.
#include "core/conversations/ConversationImport.h"
#include "core/conversations/MailReader.h"
#include "core/conversations/MailRules.h"
#include "core/model/TeamMember.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

#include <QDir>
#include <QFile>

using namespace rapport;
using namespace rapport::test;

namespace {

const QByteArray me = "me@example.org";

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

// One message: its headers (one per line, LF) and a plain body.
QByteArray mail(const QByteArray& headers, const QByteArray& body = "Hello there.\n")
{
    return headers + "\n" + body;
}

// An mbox of the messages, each after a "From " line as Thunderbird writes it.
QByteArray mbox(const QList<QByteArray>& messages)
{
    QByteArray file;
    for (const QByteArray& message : messages)
        file += "From - Mon Mar 17 10:08:13 2025\n" + message + "\n";
    return file;
}

QByteArray headers(const QByteArray& from, const QByteArray& to, const QByteArray& subject, int id,
                   const QByteArray& extra = {})
{
    return "From: " + from + "\nTo: " + to + "\nSubject: " + subject +
           "\nDate: Mon, 17 Mar 2025 11:00:00 +0100\nMessage-ID: <" + QByteArray::number(id) +
           "@example.org>\n" + extra;
}

ConversationReport importMail(TempDatabase& temp, const QString& path, ConversationImportOptions options = {},
                              bool dryRun = false)
{
    if (options.me.isEmpty())
        options.me << QString::fromLatin1(me);
    return require(ConversationImporter(temp.db(), path, options).run(dryRun));
}

QString file(TempDatabase& temp, const char* name, const QByteArray& bytes)
{
    const QString path = QDir(temp.folder()).filePath(QString::fromLatin1(name));
    writeFile(path, bytes);
    return path;
}

ConversationImportOptions meOnly(MailFormat format)
{
    ConversationImportOptions options;
    options.format = format;
    options.me << QString::fromLatin1(me);
    return options;
}

QString text(TempDatabase& temp, const QString& sql)
{
    return require(temp.db().scalar(sql)).toString();
}

// Every message the reader gives, in order.
QList<MailMessage> readAll(const QString& path, bool withBodies = false)
{
    std::unique_ptr<MailReader> reader = require(MailReader::open(path, MailFormat::Auto, withBodies));
    QList<MailMessage> messages;
    MailMessage message;
    while (require(reader->next(message)))
        messages << message;
    return messages;
}

} // namespace

TEST_CASE("A thread becomes outbound and inbound conversations with new contacts named from the headers",
          "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path =
        file(temp, "Sent",
             mbox({mail(headers("Me <me@example.org>", "\"Ann Lee\" <ann@example.com>", "Plans", 1,
                                "Cc: Bob <BOB@example.net>, me@example.org\n")),
                   mail(headers("Ann Lee <ann@example.com>", "Me <ME@example.org>", "Re: Plans", 2))}));
    const ConversationReport report = importMail(temp, path);
    CHECK(report.messages == 2);
    CHECK(report.created == 3);
    CHECK(report.outbound == 2);
    CHECK(report.inbound == 1);
    CHECK(report.contactsCreated == 2);
    CHECK(report.skippedMessages.isEmpty());
    CHECK(report.written);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(display_name, '|') FROM (SELECT display_name FROM "
                                    "contacts ORDER BY display_name)")) == QStringLiteral("Ann Lee|Bob"));
    CHECK(
        text(temp, QStringLiteral("SELECT group_concat(direction || ' ' || summary, '|') FROM (SELECT * FROM "
                                  "interactions i JOIN contacts c ON c.id = i.contact_id "
                                  "WHERE c.display_name = 'Ann Lee' ORDER BY i.id)")) ==
        QStringLiteral("outbound Plans|inbound Re: Plans"));
    CHECK(temp.number(QStringLiteral("SELECT occurred_at FROM interactions LIMIT 1")) == 1742205600);
    CHECK(temp.number(QStringLiteral(
              "SELECT count(*) FROM interactions WHERE channel = 'email' AND body = ''")) == 3);
    // The scores of the touched contacts are rebuilt in the same transaction.
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM relationship_state")) == 2);
}

TEST_CASE("Automated and mailing-list mail is skipped by reason", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray to = "me@example.org";
    const QString path =
        file(temp, "Inbox",
             mbox({mail(headers("list@example.com", to, "Digest", 1, "List-Id: <dev.example.com>\n")),
                   mail(headers("news@example.com", to, "News", 2, "Precedence: bulk\n")),
                   mail(headers("team@example.com", to, "Chatter", 3, "Precedence: list\n")),
                   mail(headers("ann@example.com", to, "Away", 4, "Auto-Submitted: auto-replied\n")),
                   mail(headers("NoReply+orders@shop.example", to, "Order", 5)),
                   mail(headers("MAILER-DAEMON@example.org", to, "Undeliverable", 6)),
                   mail(headers("bob@example.com", to, "Real", 7, "Auto-Submitted: no\n")),
                   mail(headers("carol@example.com", "dave@example.com", "Not for me", 8))}));
    const ConversationReport report = importMail(temp, path);
    CHECK(report.created == 1);
    CHECK(report.skippedMessages.value(QStringLiteral("mailing list")) == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("automated sender")) == 4);
    CHECK(report.skippedMessages.value(QStringLiteral("not yours")) == 1);
    CHECK(text(temp, QStringLiteral("SELECT summary FROM interactions")) == QStringLiteral("Real"));
}

TEST_CASE("A mail to more than ten people is a broadcast", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const auto recipients = [](int n) {
        QByteArrayList all;
        for (int i = 0; i < n; ++i)
            all << "p" + QByteArray::number(i) + "@example.com";
        return all.join(", ");
    };
    const QString path = file(temp, "Sent",
                              mbox({mail(headers(me, recipients(11), "Everyone", 1)),
                                    mail(headers(me, recipients(10), "Almost everyone", 2))}));
    const ConversationReport report = importMail(temp, path);
    CHECK(report.skippedMessages.value(QStringLiteral("broadcast (more than 10 people)")) == 1);
    CHECK(report.created == 10);
    CHECK(report.contactsCreated == 10);
}

TEST_CASE("Subjects are decoded from RFC 2047 and bodies from their charset", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray koi8 = "Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit\n";
    const QByteArray cp1251 = "Content-Type: text/plain; charset=windows-1251\n"
                              "Content-Transfer-Encoding: 8bit\n";
    const QString path =
        file(temp, "Inbox",
             mbox({mail(headers("ann@example.com", me, "=?koi8-r?B?8NLJ18XU?=", 1, koi8),
                        "\xeb\xc1\xcb \xc4\xc5\xcc\xc1\n"),
                   mail(headers("bob@example.com", me,
                                "=?windows-1251?B?z/Do4uXy?= =?UTF-8?Q?_caf=C3=A9?=", 2, cp1251),
                        "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0\n")}));
    ConversationImportOptions options;
    options.bodies = true;
    const ConversationReport report = importMail(temp, path, options);
    REQUIRE(report.created == 2);
    CHECK(text(temp, QStringLiteral("SELECT group_concat(summary || '=' || body, '|') FROM (SELECT * FROM "
                                    "interactions ORDER BY id)")) ==
          QString::fromUtf8("Привет=Как дела|Привет café=Привет, мир"));
}

TEST_CASE("A stored body is the text/plain part, cut at 4 KB on a character boundary", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray multipart = "MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=b\n";
    const QByteArray body = "--b\nContent-Type: text/html\n\n<p>html</p>\n--b\n"
                            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" +
                            QString(3000, QChar(0x00E9)).toUtf8() + "\n--b--\n";
    const QString path =
        file(temp, "Inbox", mbox({mail(headers("ann@example.com", me, "Long", 1, multipart), body)}));
    ConversationImportOptions options;
    options.bodies = true;
    importMail(temp, path, options);
    const QString stored = text(temp, QStringLiteral("SELECT body FROM interactions"));
    CHECK(stored.toUtf8().size() == bodyLimit);
    CHECK(stored == QString(bodyLimit / 2, QChar(0x00E9)));

    TempDatabase without;
    importMail(without, path);
    CHECK(text(without, QStringLiteral("SELECT body FROM interactions")).isEmpty());
}

TEST_CASE("An unescaped From line inside a body ends that message as GMime reads it, and reading goes on",
          "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path = file(temp, "Inbox",
                              mbox({mail(headers("ann@example.com", me, "First", 1),
                                         "Quoting:\nFrom here on it is unclear\nmore text\n"),
                                    mail(headers("bob@example.com", me, "Second", 2))}));
    const QList<MailMessage> messages = readAll(path);
    REQUIRE(messages.size() == 3);
    CHECK(messages.at(0).subject == QStringLiteral("First"));
    CHECK(messages.at(1).headerless);
    CHECK(messages.at(2).subject == QStringLiteral("Second"));
    const ConversationReport report = importMail(temp, path);
    CHECK(report.created == 2);
    CHECK(report.skippedMessages.value(QStringLiteral("not a message (a \"From \" line inside a body)")) ==
          1);
}

TEST_CASE("A byte order mark before the first From line and CRLF line ends read as plain mbox", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray plain = mbox({mail(headers("Ann <ann@example.com>", me, "Hello", 1)),
                                   mail(headers("Bob <bob@example.com>", me, "Again", 2))});
    QByteArray crlf = plain;
    crlf.replace("\n", "\r\n");
    for (const QString& path :
         {file(temp, "bom.mbox", "\xEF\xBB\xBF" + plain), file(temp, "crlf.mbox", crlf)}) {
        const QList<MailMessage> messages = readAll(path, true);
        REQUIRE(messages.size() == 2);
        CHECK(messages.at(0).from->address == QStringLiteral("ann@example.com"));
        CHECK(messages.at(0).from->name == QStringLiteral("Ann"));
        CHECK(messages.at(1).subject == QStringLiteral("Again"));
        CHECK(messages.at(1).messageId == QByteArray("2@example.org"));
        CHECK(messages.at(1).body == QStringLiteral("Hello there."));
        CHECK(messages.at(1).date == 1742205600);
    }
}

TEST_CASE("Without a Date header the mbox From line dates a message, with neither it is skipped", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString takeout = file(temp, "takeout.mbox",
                                 "From 1742158123456@xxx Mon Mar 17 10:08:13 +0200 2025\n"
                                 "From: ann@example.com\nTo: me@example.org\nSubject: Undated\n\nHi\n");
    importMail(temp, takeout);
    CHECK(temp.number(QStringLiteral("SELECT occurred_at FROM interactions")) == 1742198893);

    const QString eml =
        file(temp, "undated.eml", "From: bob@example.com\nTo: me@example.org\nSubject: x\n\nHi\n");
    const ConversationReport report = importMail(temp, eml);
    CHECK(report.created == 0);
    CHECK(report.skippedMessages.value(QStringLiteral("no date")) == 1);
    CHECK(report.format == QStringLiteral("eml"));
}

TEST_CASE("Importing an archive again, or one that overlaps it, adds nothing", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray first = mail(headers("ann@example.com", me, "One", 1));
    const QByteArray noId = mail("From: bob@example.com\nTo: me@example.org\nSubject: No id\n"
                                 "Date: Tue, 18 Mar 2025 09:00:00 +0000\n");
    const QByteArray later = mail(headers(me, "ann@example.com, carol@example.com", "Two", 3));
    const QString older = file(temp, "older", mbox({first, noId}));
    const QString newer = file(temp, "newer", mbox({noId, first, later}));
    CHECK(importMail(temp, older).created == 2);
    const ConversationReport again = importMail(temp, older);
    CHECK(again.created == 0);
    CHECK(again.unchanged == 2);
    CHECK(again.contactsMatched == 2);
    const ConversationReport overlap = importMail(temp, newer);
    CHECK(overlap.created == 2);
    CHECK(overlap.unchanged == 2);
    CHECK(overlap.contactsCreated == 1);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 4);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interaction_sources")) == 4);

    // The same message twice in one archive (Inbox and All Mail) is one conversation.
    const ConversationReport twice = importMail(temp, file(temp, "twice", mbox({later, later})));
    CHECK(twice.unchanged == 4);
    TempDatabase fresh;
    const ConversationReport once = importMail(fresh, file(fresh, "twice", mbox({later, later})));
    CHECK(once.created == 2);
    CHECK(once.repeated == 2);
}

TEST_CASE("A dry run counts what the real run does and writes nothing", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path = file(temp, "Inbox",
                              mbox({mail(headers("ann@example.com", me, "One", 1)),
                                    mail(headers("list@example.com", me, "List", 2, "List-Id: x\n")),
                                    mail(headers(me, "bob@example.com, ann@example.com", "Two", 3))}));
    const ConversationReport dry = importMail(temp, path, {}, true);
    CHECK(dry.dryRun);
    CHECK_FALSE(dry.written);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
    const ConversationReport real = importMail(temp, path);
    CHECK(real.created == dry.created);
    CHECK(real.outbound == dry.outbound);
    CHECK(real.inbound == dry.inbound);
    CHECK(real.contactsCreated == dry.contactsCreated);
    CHECK(real.contactsMatched == dry.contactsMatched);
    CHECK(real.skippedMessages == dry.skippedMessages);
    CHECK(real.created == 3);
}

TEST_CASE("Counterparts match contacts by email ignoring case, team addresses and --new-contacts none are "
          "left out",
          "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    Contact ann;
    ann.displayName = QStringLiteral("Ann Existing");
    ann.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ann@example.com"), QString()};
    const qint64 annId = require(ContactRepository(temp.db()).create(ann));
    require(TeamMemberRepository(temp.db()).create(
        TeamMember{0, QStringLiteral("Grace"), QStringLiteral("grace@example.org")}));
    const QString path =
        file(temp, "Sent",
             mbox({mail(headers(me, "ANN@Example.com, grace@example.org, new@example.com", "Hi", 1))}));

    ConversationImportOptions options;
    options.newContacts = NewContacts::None;
    options.by = QStringLiteral("Hedy"); // a new member, so Grace's address is a colleague's, not mine
    options.me << QStringLiteral("ME@example.org");
    const ConversationReport report = importMail(temp, path, options);
    CHECK(report.created == 1);
    CHECK(report.contactsMatched == 1);
    CHECK(report.contactsCreated == 0);
    CHECK(report.skippedPeople.value(QStringLiteral("team member")) == 1);
    CHECK(report.skippedPeople.value(QStringLiteral("not a contact (--new-contacts none)")) == 1);
    CHECK(temp.number(QStringLiteral("SELECT contact_id FROM interactions")) == annId);
    CHECK(text(temp, QStringLiteral(
                         "SELECT t.name FROM interactions i JOIN team_members t ON t.id = i.logged_by")) ==
          QStringLiteral("Hedy"));
}

TEST_CASE("The --by member's email identity is me, without any me the import refuses, saying how to give one",
          "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path =
        file(temp, "Inbox", mbox({mail(headers("ann@example.com", "grace@example.org", "Hi", 1))}));
    const Result<ConversationReport> refused = ConversationImporter(temp.db(), path, {}).run(false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::Usage);
    CHECK(refused.error().message.contains(QStringLiteral("--me EMAIL")));

    require(TeamMemberRepository(temp.db()).create(
        TeamMember{0, QStringLiteral("Grace"), QStringLiteral("grace@example.org")}));
    ConversationImportOptions options;
    options.by = QStringLiteral("grace");
    const ConversationReport report = require(ConversationImporter(temp.db(), path, options).run(false));
    CHECK(report.inbound == 1);
}

TEST_CASE("A file that is not mail is refused by name and nothing is written", "[mail]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString folder = QDir(temp.folder()).filePath(QStringLiteral("mail"));
    REQUIRE(QDir().mkpath(folder + QStringLiteral("/sub")));
    writeFile(folder + QStringLiteral("/a.eml"), mail(headers("ann@example.com", me, "Eml", 1)));
    writeFile(folder + QStringLiteral("/sub/Inbox"), mbox({mail(headers("bob@example.com", me, "Mbox", 2))}));
    writeFile(folder + QStringLiteral("/sub/Inbox.msf"), "// <!-- <mdb:mork:z v=\"1.4\"/> -->\n");
    writeFile(folder + QStringLiteral("/notes.txt"), "just some notes\n");

    const ConversationReport report = importMail(temp, folder);
    CHECK(report.created == 2);
    CHECK(report.format == QStringLiteral("mbox and eml"));
    CHECK(report.ignoredFiles == QStringList{folder + QStringLiteral("/notes.txt")});

    const QByteArray binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    writeFile(folder + QStringLiteral("/z.eml"), binary);
    writeFile(folder + QStringLiteral("/b.eml"), mail(headers("carol@example.com", me, "New", 3)));
    const Result<ConversationReport> refused =
        ConversationImporter(temp.db(), folder, meOnly(MailFormat::Auto)).run(false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::BadInput);
    CHECK(refused.error().message == folder + QStringLiteral("/z.eml: not mail: a binary file"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interactions")) == 2);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 2);

    const Result<ConversationReport> notMbox =
        ConversationImporter(temp.db(), folder + QStringLiteral("/a.eml"), meOnly(MailFormat::Mbox))
            .run(false);
    REQUIRE_FALSE(notMbox);
    CHECK(notMbox.error().message.contains(QStringLiteral("a.eml: not an mbox file")));
}

TEST_CASE("Deleting an imported conversation deletes its source key", "[mail][migrations]")
{
    PinnedClock clock;
    TempDatabase temp;
    importMail(temp, file(temp, "Inbox", mbox({mail(headers("ann@example.com", me, "One", 1))})));
    requireOk(temp.db().execute(QStringLiteral("DELETE FROM contacts")));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM interaction_sources")) == 0);
}

TEST_CASE("A version 7 file upgrades to the source keys of imported conversations, keeping its log",
          "[mail][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v7.sqlite3"));
    QByteArray schema = schemaUpTo(7);
    schema += "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', 0, 0);"
              "INSERT INTO interactions (contact_id, occurred_at, channel, direction, created_at)"
              " VALUES (1, 1780272000, 'email', 'outbound', 0);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM interactions"))).toInt() == 1);
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM interaction_sources"))).toInt() == 0);
    requireOk(db->execute(QStringLiteral("INSERT INTO interaction_sources VALUES ('k', 1)")));
    CHECK_FALSE(db->execute(QStringLiteral("INSERT INTO interaction_sources VALUES ('k', 1)")).ok());
}
