// SPDX-License-Identifier: GPL-3.0-or-later
// Logging, editing and deleting conversations keep the log and the scores in one transaction.
#include "core/storage/InteractionRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("Logging a conversation updates the score in the same transaction", "[conversations]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({});
    CHECK_FALSE(fixture.scoreNow(id).score.hasHistory);
    fixture.log(id, {10, Direction::Outbound});
    CHECK(fixture.scoreNow(id).score.score == Approx(56.20).margin(0.01));
}

TEST_CASE("A rejected conversation leaves log and score untouched", "[conversations]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    const RelationshipState before = *require(fixture.engine().storedState(id));
    ConversationLog log = fixture.conversations();

    Interaction unknownContact;
    unknownContact.contactId = id + 100;
    unknownContact.occurredAt = testNow;
    const Result<qint64> refused = log.log(unknownContact);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("no contact with id %1").arg(id + 100)));

    Interaction future;
    future.contactId = id;
    future.occurredAt = testNow + 3 * daySeconds;
    const Result<qint64> tooLate = log.log(future);
    REQUIRE_FALSE(tooLate.ok());
    CHECK(tooLate.error().message.startsWith(QStringLiteral("at: ")));

    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 1);
    CHECK(*require(fixture.engine().storedState(id)) == before);
}

TEST_CASE("Backdated inserts, edits and deletes rebuild the contact's state", "[conversations]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{5, Direction::Outbound}});
    const qint64 older = fixture.log(id, {10, Direction::Inbound});
    RelationshipState state = *require(fixture.engine().storedState(id));
    CHECK(state.nTouch == 2);
    CHECK(state.tFirst * 86400 == Approx(static_cast<double>(testNow - 10 * daySeconds)));

    ConversationLog log = fixture.conversations();
    Interaction edited = require(InteractionRepository(fixture.database().db()).get(older));
    edited.direction = Direction::Outbound;
    requireOk(log.edit(edited));
    CHECK(require(fixture.engine().storedState(id))->nIn == 0);

    requireOk(log.remove(older));
    state = *require(fixture.engine().storedState(id));
    CHECK(state.nInteractions == 1);
    CHECK(fixture.scoreNow(id).score.reciprocity == Approx(100.0 / (2 + std::exp2(-5.0 / 90))));

    const qint64 last = require(InteractionRepository(fixture.database().db()).listForContact(id)).front().id;
    requireOk(log.remove(last));
    CHECK_FALSE(require(fixture.engine().storedState(id)).has_value());
    CHECK_FALSE(fixture.scoreNow(id).score.hasHistory);
}

TEST_CASE("Moving a conversation to another contact rescores both", "[conversations]")
{
    ScoringFixture fixture;
    const qint64 first = fixture.contactWithLog({{5, Direction::Outbound}}, QStringLiteral("First"));
    const qint64 second = fixture.contactWithLog({}, QStringLiteral("Second"));
    const qint64 interactionId =
        require(InteractionRepository(fixture.database().db()).listForContact(first)).front().id;
    Interaction moved = require(InteractionRepository(fixture.database().db()).get(interactionId));
    moved.contactId = second;
    requireOk(fixture.conversations().edit(moved));
    CHECK_FALSE(fixture.scoreNow(first).score.hasHistory);
    CHECK(fixture.scoreNow(second).score.hasHistory);
}
