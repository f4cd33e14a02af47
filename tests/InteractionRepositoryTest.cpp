// SPDX-License-Identifier: GPL-3.0-or-later
// The interaction log: logging, reading, editing and deleting conversations, and refusing bad ones.
#include "core/storage/InteractionRepository.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 addContact(Database& db, const QString& name)
{
    Contact contact;
    contact.displayName = name;
    return require(ContactRepository(db).create(contact));
}

Interaction conversation(qint64 contactId, qint64 occurredAt, const QString& summary = {})
{
    Interaction interaction;
    interaction.contactId = contactId;
    interaction.occurredAt = occurredAt;
    interaction.channel = Channel::Call;
    interaction.direction = Direction::Inbound;
    interaction.summary = summary;
    return interaction;
}

const QString interactionCount = QStringLiteral("SELECT count(*) FROM interactions");

} // namespace

TEST_CASE("A logged interaction reads back with all its fields", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 contact = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 member = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));

    Interaction interaction =
        conversation(contact, testNow - 3 * daySeconds, QStringLiteral("  Planned the spring meetup "));
    interaction.channel = Channel::Meeting;
    interaction.direction = Direction::Mutual;
    interaction.body = QStringLiteral("Venue: library.\nBudget: small.\n");
    interaction.loggedBy = member;
    const qint64 id = require(log.insert(interaction));
    CHECK(id > 0);

    const Interaction stored = require(log.get(id));
    CHECK(stored.id == id);
    CHECK(stored.contactId == contact);
    CHECK(stored.occurredAt == testNow - 3 * daySeconds);
    CHECK(stored.channel == Channel::Meeting);
    CHECK(stored.direction == Direction::Mutual);
    CHECK(stored.summary == QStringLiteral("Planned the spring meetup"));
    CHECK(stored.body == QStringLiteral("Venue: library.\nBudget: small.\n"));
    CHECK(stored.loggedBy == member);
    CHECK(temp.number(QStringLiteral("SELECT created_at FROM interactions WHERE id = %1").arg(id)) ==
          testNow);
}

TEST_CASE("Every channel and direction is stored and read back", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 contact = addContact(temp.db(), QStringLiteral("Ana"));
    for (const Channel channel : allChannels) {
        for (const Direction direction : {Direction::Outbound, Direction::Inbound, Direction::Mutual}) {
            Interaction interaction = conversation(contact, testNow - daySeconds);
            interaction.channel = channel;
            interaction.direction = direction;
            const Interaction stored = require(log.get(require(log.insert(interaction))));
            CHECK(stored.channel == channel);
            CHECK(stored.direction == direction);
        }
    }
    CHECK(require(log.count()) == channelCount * directionCount);
}

TEST_CASE("A contact's interactions are listed newest first, up to a limit", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    const qint64 oldest = require(log.insert(conversation(ana, testNow - 10 * daySeconds)));
    const qint64 newest = require(log.insert(conversation(ana, testNow - daySeconds)));
    const qint64 sameTimeFirst = require(log.insert(conversation(ana, testNow - 5 * daySeconds)));
    const qint64 sameTimeSecond = require(log.insert(conversation(ana, testNow - 5 * daySeconds)));
    require(log.insert(conversation(sam, testNow)));

    const QList<Interaction> all = require(log.listForContact(ana));
    QList<qint64> ids;
    for (const Interaction& interaction : all)
        ids << interaction.id;
    CHECK(ids == QList<qint64>{newest, sameTimeSecond, sameTimeFirst, oldest});

    const QList<Interaction> two = require(log.listForContact(ana, 2));
    REQUIRE(two.size() == 2);
    CHECK(two.at(0).id == newest);
    CHECK(two.at(1).id == sameTimeSecond);

    CHECK(require(log.listForContact(sam)).size() == 1);
    CHECK(require(log.listForContact(sam + 100)).isEmpty());
    CHECK(require(log.count()) == 5);
}

TEST_CASE("Editing an interaction changes its stored fields", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    const qint64 id =
        require(log.insert(conversation(ana, testNow - daySeconds, QStringLiteral("first call"))));

    Interaction changed = require(log.get(id));
    changed.contactId = sam;
    changed.occurredAt = testNow - 2 * daySeconds;
    changed.channel = Channel::Email;
    changed.direction = Direction::Outbound;
    changed.summary = QStringLiteral("sent the slides");
    changed.body = QStringLiteral("deck v2");
    requireOk(log.update(changed));

    const Interaction stored = require(log.get(id));
    CHECK(stored.contactId == sam);
    CHECK(stored.occurredAt == testNow - 2 * daySeconds);
    CHECK(stored.channel == Channel::Email);
    CHECK(stored.direction == Direction::Outbound);
    CHECK(stored.summary == QStringLiteral("sent the slides"));
    CHECK(stored.body == QStringLiteral("deck v2"));
    CHECK(require(log.listForContact(ana)).isEmpty());
    CHECK(require(log.count()) == 1);
}

TEST_CASE("Reading, editing or deleting an interaction that does not exist is a not-found error",
          "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));

    const Result<Interaction> got = log.get(12);
    REQUIRE_FALSE(got.ok());
    CHECK(got.error().kind == ErrorKind::NotFound);
    CHECK(got.error().message.contains(QStringLiteral("12")));

    Interaction ghost = conversation(ana, testNow - daySeconds);
    ghost.id = 12;
    const Status updated = log.update(ghost);
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().kind == ErrorKind::NotFound);

    const Status removed = log.remove(12);
    REQUIRE_FALSE(removed.ok());
    CHECK(removed.error().kind == ErrorKind::NotFound);
    CHECK(temp.number(interactionCount) == 0);
}

TEST_CASE("Deleting an interaction removes only that interaction", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 gone = require(log.insert(conversation(ana, testNow - daySeconds)));
    const qint64 kept = require(log.insert(conversation(ana, testNow - 2 * daySeconds)));

    requireOk(log.remove(gone));
    CHECK(require(log.count()) == 1);
    CHECK(require(log.get(kept)).id == kept);
    CHECK_FALSE(log.get(gone).ok());
}

TEST_CASE("Interactions follow their contact and team member when those are deleted", "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    const qint64 member = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    Interaction byRobin = conversation(sam, testNow - daySeconds);
    byRobin.loggedBy = member;
    const qint64 samsInteraction = require(log.insert(byRobin));
    require(log.insert(conversation(ana, testNow - daySeconds)));

    requireOk(TeamMemberRepository(temp.db()).remove(member));
    CHECK_FALSE(require(log.get(samsInteraction)).loggedBy.has_value());

    requireOk(ContactRepository(temp.db()).remove(ana));
    CHECK(require(log.count()) == 1);
    CHECK(require(log.listForContact(ana)).isEmpty());
}

TEST_CASE("An interaction up to ten minutes ahead is accepted but a later one is refused as future",
          "[interactions]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));

    CHECK(require(log.insert(conversation(ana, testNow + 600))) > 0);

    const Result<qint64> future = log.insert(conversation(ana, testNow + 601));
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().kind == ErrorKind::BadInput);
    CHECK(future.error().message.startsWith(QStringLiteral("at:")));
    CHECK(future.error().message.contains(QStringLiteral("future")));
    CHECK(future.error().message.contains(QStringLiteral("2026-06-01T00:10:01")));
    CHECK(temp.number(interactionCount) == 1);
}

TEST_CASE("Invalid interactions are refused naming the field and store nothing", "[interactions][validation]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    require(log.insert(conversation(ana, testNow - daySeconds)));
    const qint64 before = temp.number(interactionCount);

    Interaction interaction = conversation(ana, testNow - daySeconds, QStringLiteral("hello"));
    ErrorKind kind = ErrorKind::BadInput;
    QString field;
    SECTION("a contact that does not exist")
    {
        interaction.contactId = ana + 50;
        kind = ErrorKind::NotFound;
        field = QStringLiteral("contact:");
    }
    SECTION("no contact at all")
    {
        interaction.contactId = 0;
        field = QStringLiteral("contact:");
    }
    SECTION("a time in the future")
    {
        interaction.occurredAt = testNow + 30 * daySeconds;
        field = QStringLiteral("at:");
    }
    SECTION("a time before 1970")
    {
        interaction.occurredAt = -daySeconds;
        field = QStringLiteral("at:");
    }
    SECTION("a summary that is too long")
    {
        interaction.summary = QString(2001, QLatin1Char('x'));
        field = QStringLiteral("summary:");
    }
    SECTION("a team member who does not exist")
    {
        interaction.loggedBy = 31;
        field = QStringLiteral("logged by:");
    }

    const Result<qint64> inserted = log.insert(interaction);
    REQUIRE_FALSE(inserted.ok());
    CHECK(inserted.error().kind == kind);
    CHECK(inserted.error().message.startsWith(field));
    CHECK(temp.number(interactionCount) == before);
}

TEST_CASE("An invalid edit is refused naming the field and leaves the interaction as it was",
          "[interactions][validation]")
{
    PinnedClock clock;
    TempDatabase temp;
    InteractionRepository log(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 id = require(log.insert(conversation(ana, testNow - daySeconds, QStringLiteral("hello"))));

    Interaction changed = require(log.get(id));
    changed.summary = QStringLiteral("changed");
    ErrorKind kind = ErrorKind::BadInput;
    QString field;
    SECTION("a time in the future")
    {
        changed.occurredAt = testNow + 2 * daySeconds;
        field = QStringLiteral("at:");
    }
    SECTION("a contact that does not exist")
    {
        changed.contactId = ana + 50;
        kind = ErrorKind::NotFound;
        field = QStringLiteral("contact:");
    }
    SECTION("a team member who does not exist")
    {
        changed.loggedBy = 31;
        field = QStringLiteral("logged by:");
    }

    const Status updated = log.update(changed);
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().kind == kind);
    CHECK(updated.error().message.startsWith(field));
    const Interaction stored = require(log.get(id));
    CHECK(stored.summary == QStringLiteral("hello"));
    CHECK(stored.contactId == ana);
    CHECK(stored.occurredAt == testNow - daySeconds);
    CHECK_FALSE(stored.loggedBy.has_value());
}

TEST_CASE("A valid interaction has no validation error", "[interactions][validation]")
{
    PinnedClock clock;
    CHECK(InteractionRepository::validationError(conversation(1, testNow)).isEmpty());
    CHECK(InteractionRepository::validationError(conversation(1, 0, QString(2000, QLatin1Char('x'))))
              .isEmpty());
    CHECK(InteractionRepository::validationError(conversation(1, testNow + 2 * daySeconds))
              .startsWith(QStringLiteral("at:")));
}
