// SPDX-License-Identifier: GPL-3.0-or-later
// The Reach out list: every overdue contact, most overdue first, without the archived or held ones, for
// one owner or tag when filtered.
#include "core/services/ReachOutList.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

const auto alternating = [](int i) {
    return i % 2 ? Direction::Inbound : Direction::Outbound;
};

QList<qint64> listed(ScoringFixture& fixture, const ReachOutFilter& filter = {}, qint64* held = nullptr)
{
    Database& db = fixture.database().db();
    const ScoreBoard board = require(ScoreBoard::load(db));
    const ReachOutList list = require(listReachOut(db, board, fixture.engine().settings(), filter, testNow));
    if (held)
        *held = list.heldCount;
    QList<qint64> ids;
    for (const ReachOutEntry& entry : list.entries)
        ids << entry.contactId;
    return ids;
}

} // namespace

TEST_CASE("Reach out lists every overdue contact, most overdue first", "[reach-out]")
{
    ScoringFixture fixture;
    // Every 10 days: silent 25, 60 and 40 days are about 2×, 5× and 3.3× overdue; silent 3 days is not.
    const qint64 twice = fixture.contactWithLog(regularLog(8, 10, 25, alternating), QStringLiteral("Ada"));
    const qint64 most = fixture.contactWithLog(regularLog(8, 10, 60, alternating), QStringLiteral("Alan"));
    const qint64 middle = fixture.contactWithLog(regularLog(8, 10, 40, alternating), QStringLiteral("Grace"));
    fixture.contactWithLog(regularLog(8, 10, 3, alternating), QStringLiteral("Linus"));
    CHECK(listed(fixture) == QList<qint64>{most, middle, twice});

    Database& db = fixture.database().db();
    ContactRepository contacts(db);
    Contact archived = require(contacts.get(middle));
    archived.archived = true;
    requireOk(contacts.update(archived));
    requireOk(ReachOutHoldRepository(db).snooze(twice, testNow + 3 * daySeconds, testNow));
    qint64 held = 0;
    CHECK(listed(fixture, {}, &held) == QList<qint64>{most});
    CHECK(held == 1);
}

TEST_CASE("Reach out for one owner, nobody's contacts, or one tag", "[reach-out]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 hers = fixture.contactWithLog(regularLog(8, 10, 60, alternating), QStringLiteral("Ada"));
    const qint64 nobodys = fixture.contactWithLog(regularLog(8, 10, 40, alternating), QStringLiteral("Alan"));
    const qint64 hanna = require(TeamMemberRepository(db).ensure(QStringLiteral("Hanna")));
    ContactRepository contacts(db);
    Contact owned = require(contacts.get(hers));
    owned.ownerId = hanna;
    requireOk(contacts.update(owned));
    requireOk(TagRepository(db).addTag(nobodys, QStringLiteral("Speakers")));
    const qint64 speakers = require(TagRepository(db).byName(QStringLiteral("Speakers"))).id;

    CHECK(listed(fixture, {hanna, std::nullopt}) == QList<qint64>{hers});
    CHECK(listed(fixture, {qint64{0}, std::nullopt}) == QList<qint64>{nobodys});
    CHECK(listed(fixture, {std::nullopt, speakers}) == QList<qint64>{nobodys});
    CHECK(listed(fixture, {hanna, speakers}).isEmpty());
}
