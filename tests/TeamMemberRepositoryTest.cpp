// SPDX-License-Identifier: GPL-3.0-or-later
// The team: members who own relationships, log conversations and write notes.
#include "core/storage/TeamMemberRepository.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

TeamMember member(const QString& name, const QString& email = {})
{
    return TeamMember{0, name, email};
}

QStringList memberNames(const QList<TeamMember>& members)
{
    QStringList names;
    for (const TeamMember& listed : members)
        names << listed.name;
    return names;
}

const QString memberCount = QStringLiteral("SELECT count(*) FROM team_members");

} // namespace

TEST_CASE("A created team member reads back trimmed", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 id =
        require(team.create(member(QStringLiteral("  Robin Park "), QStringLiteral(" robin@example.com "))));
    CHECK(id > 0);
    const TeamMember stored = require(team.get(id));
    CHECK(stored.id == id);
    CHECK(stored.name == QStringLiteral("Robin Park"));
    CHECK(stored.email == QStringLiteral("robin@example.com"));
    CHECK(temp.number(QStringLiteral("SELECT created_at FROM team_members WHERE id = %1").arg(id)) ==
          testNow);
}

TEST_CASE("Getting a team member who does not exist is a not-found error", "[team]")
{
    TempDatabase temp;
    const Result<TeamMember> missing = TeamMemberRepository(temp.db()).get(5);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("team member")));
    CHECK(missing.error().message.contains(QStringLiteral("5")));
}

TEST_CASE("A team member's name must be given and unique regardless of case", "[team][validation]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    require(team.create(member(QStringLiteral("Robin"))));

    const Result<qint64> empty = team.create(member(QStringLiteral("   "), QStringLiteral("x@example.com")));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().kind == ErrorKind::BadInput);
    CHECK(empty.error().message.startsWith(QStringLiteral("team member name")));

    const Result<qint64> duplicate = team.create(member(QStringLiteral(" ROBIN ")));
    REQUIRE_FALSE(duplicate.ok());
    CHECK(duplicate.error().kind == ErrorKind::BadInput);
    CHECK(duplicate.error().message.startsWith(QStringLiteral("team member name")));
    CHECK(duplicate.error().message.contains(QStringLiteral("already exists")));

    CHECK(temp.number(memberCount) == 1);
}

TEST_CASE("Ensuring a team member finds them by name in any case or creates them", "[team]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 robin =
        require(team.create(member(QStringLiteral("Robin"), QStringLiteral("robin@example.com"))));
    CHECK(require(team.ensure(QStringLiteral("robin"))) == robin);
    CHECK(require(team.ensure(QStringLiteral(" Robin "))) == robin);
    CHECK(temp.number(memberCount) == 1);

    const qint64 kim = require(team.ensure(QStringLiteral("Kim")));
    CHECK(kim != robin);
    CHECK(require(team.get(kim)).name == QStringLiteral("Kim"));
    CHECK(require(team.get(kim)).email.isEmpty());
    CHECK(temp.number(memberCount) == 2);

    const Result<qint64> empty = team.ensure(QStringLiteral(" "));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().kind == ErrorKind::BadInput);
    CHECK(temp.number(memberCount) == 2);
}

TEST_CASE("A team member is found by name, case-insensitively", "[team]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 robin =
        require(team.create(member(QStringLiteral("Robin"), QStringLiteral("robin@example.com"))));

    const std::optional<TeamMember> found = require(team.findByName(QStringLiteral("ROBIN ")));
    REQUIRE(found.has_value());
    CHECK(found->id == robin);
    CHECK(found->name == QStringLiteral("Robin"));
    CHECK(found->email == QStringLiteral("robin@example.com"));
    CHECK_FALSE(require(team.findByName(QStringLiteral("Rob"))).has_value());
}

TEST_CASE("The team is listed by name", "[team]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    CHECK(require(team.list()).isEmpty());
    require(team.create(member(QStringLiteral("sam"))));
    require(team.create(member(QStringLiteral("Alex"))));
    require(team.create(member(QStringLiteral("Kim"))));
    CHECK(memberNames(require(team.list())) ==
          QStringList{QStringLiteral("Alex"), QStringLiteral("Kim"), QStringLiteral("sam")});
}

TEST_CASE("A team member can be renamed", "[team]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 robin = require(team.create(member(QStringLiteral("Robin"))));
    requireOk(team.rename(robin, QStringLiteral(" Robin Park ")));
    CHECK(require(team.get(robin)).name == QStringLiteral("Robin Park"));
    // Changing only the case of one's own name is allowed.
    requireOk(team.rename(robin, QStringLiteral("robin park")));
    CHECK(require(team.get(robin)).name == QStringLiteral("robin park"));
}

TEST_CASE("Renaming to an empty or taken name, or renaming nobody, is refused", "[team][validation]")
{
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 robin = require(team.create(member(QStringLiteral("Robin"))));
    require(team.create(member(QStringLiteral("Kim"))));

    const Status empty = team.rename(robin, QStringLiteral("  "));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().kind == ErrorKind::BadInput);
    CHECK(empty.error().message.startsWith(QStringLiteral("team member name")));

    const Status taken = team.rename(robin, QStringLiteral("KIM"));
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().kind == ErrorKind::BadInput);
    CHECK(taken.error().message.contains(QStringLiteral("'KIM' already exists")));

    const Status nobody = team.rename(robin + 100, QStringLiteral("Alex"));
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().kind == ErrorKind::NotFound);

    CHECK(memberNames(require(team.list())) == QStringList{QStringLiteral("Kim"), QStringLiteral("Robin")});
}

TEST_CASE("Removing a team member keeps their contacts, conversations and notes", "[team]")
{
    PinnedClock clock;
    TempDatabase temp;
    TeamMemberRepository team(temp.db());
    const qint64 robin = require(team.create(member(QStringLiteral("Robin"))));
    const qint64 kim = require(team.create(member(QStringLiteral("Kim"))));

    Contact contact;
    contact.displayName = QStringLiteral("Ana");
    contact.ownerId = robin;
    const qint64 ana = require(ContactRepository(temp.db()).create(contact));
    Interaction interaction;
    interaction.contactId = ana;
    interaction.occurredAt = testNow - daySeconds;
    interaction.loggedBy = robin;
    const qint64 logged = require(InteractionRepository(temp.db()).insert(interaction));
    TrustNote note;
    note.contactId = ana;
    note.authorId = robin;
    note.text = QStringLiteral("reliable");
    const qint64 noted = require(TrustNoteRepository(temp.db()).insert(note));

    requireOk(team.remove(robin));

    CHECK(memberNames(require(team.list())) == QStringList{QStringLiteral("Kim")});
    CHECK(require(team.get(kim)).id == kim);
    const Contact stored = require(ContactRepository(temp.db()).get(ana));
    CHECK_FALSE(stored.ownerId.has_value());
    CHECK_FALSE(require(InteractionRepository(temp.db()).get(logged)).loggedBy.has_value());
    CHECK_FALSE(require(TrustNoteRepository(temp.db()).get(noted)).authorId.has_value());

    const Status again = team.remove(robin);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::NotFound);
    CHECK(again.error().message.contains(QString::number(robin)));
}
