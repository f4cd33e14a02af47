// SPDX-License-Identifier: GPL-3.0-or-later
// Team members' identities: one email or handle per member at most across the team, compared as contact
// methods are; the --by member's are "me" to the conversation import, and no member's becomes a contact.
#include "core/conversations/ConversationImport.h"
#include "core/storage/Migrations.h"
#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/ExportSupport.h"
#include "tests/support/TestSupport.h"

#include <QDir>

using namespace rapport;
using namespace rapport::test;

namespace {

TeamIdentity identity(qint64 memberId, const char* text)
{
    TeamIdentity parsed = require(parseTeamIdentity(QString::fromUtf8(text)));
    parsed.memberId = memberId;
    return parsed;
}

QStringList texts(const QList<TeamIdentity>& identities)
{
    QStringList out;
    for (const TeamIdentity& listed : identities)
        out << QStringLiteral("%1 %2").arg(listed.memberId).arg(listed.text());
    return out;
}

qint64 member(Database& db, const char* name, const char* email = "")
{
    return require(
        TeamMemberRepository(db).create(TeamMember{0, QString::fromUtf8(name), QString::fromUtf8(email)}));
}

// A DiscordChatExporter DM between me (id 100, "grace") and Ann (200), one message each way.
QString discordDm(TempDatabase& temp)
{
    const QByteArray grace = R"({"id": "100", "name": "grace", "nickname": "Grace", "isBot": false})";
    const QByteArray ann = R"({"id": "200", "name": "ann", "nickname": "Ann", "isBot": false})";
    const QByteArray bytes =
        R"({"guild": {"id": "0", "name": "Direct Messages"}, "channel": {"id": "7", "type": "DirectTextChat"},)"
        R"( "messages": [{"id": "1", "type": "Default", "timestamp": "2025-03-17T10:00:00+00:00", "content": )"
        R"("hi", "author": )" +
        grace +
        R"(}, {"id": "2", "type": "Default", "timestamp": "2025-03-17T10:05:00+00:00", "content": "hello", )"
        R"("author": )" +
        ann + "}]}";
    writeExportFolder(temp.folder(), {{QStringLiteral("dm.json"), bytes}});
    return QDir(temp.folder()).filePath(QStringLiteral("dm.json"));
}

} // namespace

TEST_CASE("A team identity is KIND:VALUE with a known kind and a value that kind accepts", "[team]")
{
    const TeamIdentity parsed = require(parseTeamIdentity(QStringLiteral(" Discord : @Grace ")));
    CHECK(parsed.kind == MethodKind::Discord);
    CHECK(parsed.value == QStringLiteral("@Grace"));
    CHECK(parsed.text() == QStringLiteral("discord:@Grace"));
    CHECK(parsed.key() == require(parseTeamIdentity(QStringLiteral("discord:grace"))).key());
    CHECK(require(parseTeamIdentity(QStringLiteral("mail:G@Example.org"))).kind == MethodKind::Email);

    const Result<TeamIdentity> noKind = parseTeamIdentity(QStringLiteral("grace@example.org"));
    REQUIRE_FALSE(noKind);
    CHECK(noKind.error().kind == ErrorKind::BadInput);
    CHECK(noKind.error().message.contains(QStringLiteral("expected KIND:VALUE with KIND one of email,")));
    const Result<TeamIdentity> badEmail = parseTeamIdentity(QStringLiteral("email:grace"));
    REQUIRE_FALSE(badEmail);
    CHECK(badEmail.error().message ==
          QStringLiteral("identity 'email:grace': not an email address: 'grace'"));
}

TEST_CASE("An identity belongs to one team member, regardless of case or a leading @", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    const qint64 grace = member(temp.db(), "Grace");
    const qint64 hedy = member(temp.db(), "Hedy");
    TeamIdentityRepository identities(temp.db());
    require(identities.add(identity(grace, "email:Grace@Example.org")));
    require(identities.add(identity(grace, "discord:grace")));
    require(identities.add(identity(hedy, "slack:U024HEDY")));

    const Result<qint64> sameEmail = identities.add(identity(hedy, "email:grace@example.ORG"));
    REQUIRE_FALSE(sameEmail);
    CHECK(sameEmail.error().kind == ErrorKind::BadInput);
    CHECK(sameEmail.error().message ==
          QStringLiteral("identity email:grace@example.ORG already belongs to team member Grace"));
    const Result<qint64> again = identities.add(identity(grace, "discord:@GRACE"));
    REQUIRE_FALSE(again);
    CHECK(again.error().message.contains(QStringLiteral("already belongs to team member Grace")));
    // The same value on another service is another identity.
    require(identities.add(identity(hedy, "forum:grace")));

    CHECK(texts(require(identities.listForMember(grace))) ==
          QStringList{QStringLiteral("%1 discord:grace").arg(grace),
                      QStringLiteral("%1 email:Grace@Example.org").arg(grace)});
    CHECK(require(identities.list()).size() == 4);
    CHECK(temp.number(QStringLiteral("SELECT created_at FROM team_identities LIMIT 1")) == testNow);

    const Result<qint64> nobody = identities.add(identity(99, "email:x@example.org"));
    REQUIRE_FALSE(nobody);
    CHECK(nobody.error().kind == ErrorKind::NotFound);
}

TEST_CASE("Removing an identity, or its member, takes it away", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    const qint64 grace = member(temp.db(), "Grace", "grace@example.org");
    TeamIdentityRepository identities(temp.db());
    // The email a member is created with is their first identity.
    CHECK(texts(require(identities.listForMember(grace))) ==
          QStringList{QStringLiteral("%1 email:grace@example.org").arg(grace)});
    require(identities.add(identity(grace, "mastodon:@grace@example.social")));

    requireOk(identities.remove(identity(grace, "email:GRACE@example.org")));
    CHECK(require(identities.listForMember(grace)).size() == 1);
    const Status missing = identities.remove(identity(grace, "email:grace@example.org"));
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message ==
          QStringLiteral("team member Grace has no identity email:grace@example.org"));

    requireOk(TeamMemberRepository(temp.db()).remove(grace));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM team_identities")) == 0);
}

TEST_CASE("Replacing identities moves one between members and is all or nothing", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    const qint64 grace = member(temp.db(), "Grace", "grace@example.org");
    const qint64 hedy = member(temp.db(), "Hedy", "hedy@example.org");
    TeamIdentityRepository identities(temp.db());
    require(identities.add(identity(grace, "slack:shared")));

    // The shared Slack account goes from Grace to Hedy in the same edit.
    requireOk(
        identities.replace({{grace, {identity(0, "email:grace@example.org")}},
                            {hedy, {identity(0, "email:hedy@example.org"), identity(0, "slack:SHARED")}}}));
    CHECK(texts(require(identities.list())) ==
          QStringList{QStringLiteral("%1 email:grace@example.org").arg(grace),
                      QStringLiteral("%1 email:hedy@example.org").arg(hedy),
                      QStringLiteral("%1 slack:SHARED").arg(hedy)});

    // Grace taking Hedy's address while Hedy keeps it is refused, and Grace's new handle is not kept.
    const Status clash =
        identities.replace({{grace,
                             {identity(0, "email:grace@example.org"), identity(0, "discord:grace"),
                              identity(0, "email:hedy@example.org")}}});
    REQUIRE_FALSE(clash);
    CHECK(clash.error().message ==
          QStringLiteral("identity email:hedy@example.org already belongs to team member Hedy"));
    CHECK(require(identities.list()).size() == 3);
}

TEST_CASE("A version 12 file upgrades to team identities, its members' emails first among them",
          "[team][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v12.sqlite3"));
    QByteArray schema = schemaUpTo(12);
    // Two members given one address: the older keeps it. An email that is no address is not copied.
    schema += "INSERT INTO team_members (id, name, email, created_at) VALUES "
              "(1, 'Grace', ' Grace@Example.org ', 10), (2, 'Hedy', 'grace@example.org', 20), "
              "(3, 'Ida', '', 30), (4, 'Joan', 'none', 40);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    TeamIdentityRepository identities(*db);
    CHECK(texts(require(identities.list())) == QStringList{QStringLiteral("1 email:Grace@Example.org")});
    CHECK(require(db->scalar(QStringLiteral("SELECT normalized || ' ' || created_at FROM team_identities")))
              .toString() == QStringLiteral("grace@example.org 10"));
    const Result<qint64> taken = identities.add(identity(2, "email:GRACE@example.org"));
    REQUIRE_FALSE(taken);
    CHECK(taken.error().message.contains(QStringLiteral("already belongs to team member Grace")));
    CHECK_FALSE(db->execute(QStringLiteral("INSERT INTO team_identities (member_id, kind, value, normalized, "
                                           "created_at) VALUES (3, 'pager', 'x', 'x', 1)"))
                    .ok());
    require(identities.add(identity(3, "discord:ida")));
    requireOk(db->execute(QStringLiteral("DELETE FROM team_members WHERE id = 3")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM team_identities"))).toInt() == 1);
}

TEST_CASE("The --by member's identities are me, every member's are left out of the contacts", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path = discordDm(temp);
    const qint64 grace = member(temp.db(), "Grace");
    const qint64 ann = member(temp.db(), "Ann");

    ConversationImportOptions byGrace;
    byGrace.by = QStringLiteral("grace");
    const Result<ConversationReport> noIdentity = ConversationImporter(temp.db(), path, byGrace).run(true);
    REQUIRE_FALSE(noIdentity);
    CHECK(noIdentity.error().kind == ErrorKind::Usage);
    CHECK(noIdentity.error().message.contains(QStringLiteral("Give --me")));
    CHECK(noIdentity.error().message.contains(QStringLiteral("Settings > Team")));
    CHECK(noIdentity.error().message.contains(QStringLiteral("rapport team identity add")));

    TeamIdentityRepository identities(temp.db());
    require(identities.add(identity(grace, "discord:Grace")));
    const ConversationReport withAnn = require(ConversationImporter(temp.db(), path, byGrace).run(true));
    CHECK(withAnn.outbound == 1);
    CHECK(withAnn.inbound == 1);
    CHECK(withAnn.contactsCreated == 1);

    // Ann is a colleague: her Discord account is hers, not a contact's.
    require(identities.add(identity(ann, "discord:@ann")));
    const ConversationReport colleague = require(ConversationImporter(temp.db(), path, byGrace).run(false));
    CHECK(colleague.created == 0);
    CHECK(colleague.contactsCreated == 0);
    CHECK(colleague.skippedPeople.value(QStringLiteral("team member")) == 1);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);

    // --me adds to the member's identities rather than replacing them.
    ConversationImportOptions both = byGrace;
    both.me << QStringLiteral("someone-else");
    CHECK(require(ConversationImporter(temp.db(), path, both).run(true)).skippedPeople ==
          colleague.skippedPeople);
}
