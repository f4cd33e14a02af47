// SPDX-License-Identifier: GPL-3.0-or-later
// Today: follow-ups due first, then the overdue people a touch would help most or who are about to slip,
// people silent for over a year apart; snoozes, dismissals, archived contacts and owners respected.
#include "core/services/TodayPlan.h"

#include "core/scoring/ScoreCalculator.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/ScoringFixture.h"

#include <cmath>

using namespace rapport;
using namespace rapport::test;

namespace {

const auto alternating = [](int i) {
    return i % 2 ? Direction::Inbound : Direction::Outbound;
};

TodayPlan planNow(ScoringFixture& fixture, const TodayOptions& given = {})
{
    TodayOptions options = given;
    if (options.now == 0)
        options.now = testNow;
    Database& db = fixture.database().db();
    const ScoreBoard board = require(ScoreBoard::load(db));
    return require(planToday(db, board, fixture.engine().settings(), options));
}

const ReachOutSuggestion* suggestionFor(const std::vector<ReachOutSuggestion>& list, qint64 contactId)
{
    for (const ReachOutSuggestion& suggestion : list) {
        if (suggestion.contactId == contactId)
            return &suggestion;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Today suggests overdue people by priority, long-silent ones apart, and says why", "[today]")
{
    ScoringFixture fixture;
    // Every 10 days, silent for 44: with the prior, a cadence near 12 days, so about 3.8× overdue, Cooling,
    // and At risk once 4× is reached within a few days.
    const qint64 slipping = fixture.contactWithLog(regularLog(8, 10, 44, alternating), QStringLiteral("Ada"));
    // Every 20 days, silent for 150: long past At risk, with much to gain.
    const qint64 cold = fixture.contactWithLog(regularLog(8, 20, 150, alternating), QStringLiteral("Alan"));
    const qint64 silent =
        fixture.contactWithLog(regularLog(6, 30, 420, alternating), QStringLiteral("Grace"));
    const qint64 onTime = fixture.contactWithLog(regularLog(8, 10, 3, alternating), QStringLiteral("Linus"));

    const TodayPlan plan = planNow(fixture);
    CHECK(plan.due.isEmpty());
    CHECK(plan.overdueCount == 3);
    CHECK(plan.heldCount == 0);
    CHECK(suggestionFor(plan.reachOut, onTime) == nullptr);
    CHECK(suggestionFor(plan.reachOut, silent) == nullptr);
    REQUIRE(plan.rekindle.size() == 1);
    CHECK(plan.rekindle.front().contactId == silent);
    CHECK(plan.rekindle.front().reason.contains(QStringLiteral("Silent for 420 days")));

    const ReachOutSuggestion* slips = suggestionFor(plan.reachOut, slipping);
    const ReachOutSuggestion* gone = suggestionFor(plan.reachOut, cold);
    REQUIRE(slips != nullptr);
    REQUIRE(gone != nullptr);
    CHECK(slips->score.band == Band::Cooling);
    CHECK(slips->slipsTo == std::optional<Band>(Band::AtRisk));
    const int slipDay =
        static_cast<int>(std::ceil(4 * slips->score.cadenceDays - slips->score.daysSinceLast));
    REQUIRE(slipDay >= 1);
    REQUIRE(slipDay <= 7);
    CHECK(slips->slipsInDays == slipDay);
    CHECK(slips->priority == Approx(slips->gain + 4 * (8 - slipDay)));
    CHECK_FALSE(gone->slipsTo.has_value());
    CHECK(gone->priority == Approx(gone->gain));
    CHECK(gone->gain > slips->gain);
    // Highest priority first, whichever that makes first.
    for (size_t i = 1; i < plan.reachOut.size(); ++i)
        CHECK(plan.reachOut[i - 1].priority >= plan.reachOut[i].priority);
    CHECK(slips->name == QStringLiteral("Ada"));
    CHECK(slips->reason.contains(QStringLiteral("without one it slips to At risk in %1 days").arg(slipDay)));
    CHECK(slips->reason.contains(QStringLiteral("Last contact 44 days ago, usually every ~%1 days")
                                     .arg(std::lround(slips->score.cadenceDays))));

    // The gain is what logging the touch really does to the score.
    const double before = fixture.scoreNow(cold).score.score;
    fixture.log(cold, {0, Direction::Outbound, Channel::Email});
    CHECK(fixture.scoreNow(cold).score.score == Approx(before + gone->gain).margin(1e-6));
    CHECK(suggestionFor(planNow(fixture).reachOut, cold) == nullptr);
}

TEST_CASE("Today keeps to the limit, to one owner, and leaves out archived contacts and due follow-ups",
          "[today]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    QList<qint64> overdue;
    for (int i = 0; i < 6; ++i)
        overdue << fixture.contactWithLog(regularLog(6, 10, 30 + 10 * i, alternating),
                                          QStringLiteral("Overdue %1").arg(i));
    TodayOptions capped;
    capped.limit = 4;
    CHECK(planNow(fixture, capped).reachOut.size() == 4);
    CHECK(planNow(fixture, capped).overdueCount == 6);

    const qint64 hanna = require(TeamMemberRepository(db).ensure(QStringLiteral("Hanna")));
    ContactRepository contacts(db);
    Contact owned = require(contacts.get(overdue[0]));
    owned.ownerId = hanna;
    requireOk(contacts.update(owned));
    Contact archived = require(contacts.get(overdue[1]));
    archived.archived = true;
    requireOk(contacts.update(archived));
    FollowUp followUp;
    followUp.contactId = overdue[2];
    followUp.text = QStringLiteral("Send the slides");
    followUp.dueAt = testNow - daySeconds;
    followUp.ownerId = hanna;
    require(FollowUpRepository(db).add(followUp));

    const TodayPlan everyone = planNow(fixture);
    REQUIRE(everyone.due.size() == 1);
    CHECK(everyone.due.front().followUp.contactId == overdue[2]);
    CHECK(suggestionFor(everyone.reachOut, overdue[1]) == nullptr);
    CHECK(suggestionFor(everyone.reachOut, overdue[2]) == nullptr);
    CHECK(everyone.overdueCount == 4);
    CHECK(suggestionFor(everyone.reachOut, overdue[0])->ownerName == QStringLiteral("Hanna"));

    TodayOptions hannas;
    hannas.ownerId = hanna;
    const TodayPlan hers = planNow(fixture, hannas);
    CHECK(hers.due.size() == 1);
    REQUIRE(hers.reachOut.size() == 1);
    CHECK(hers.reachOut.front().contactId == overdue[0]);
}

TEST_CASE("A snooze holds a contact out until it ends, a dismissal until the next conversation", "[today]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 snoozed = fixture.contactWithLog(regularLog(6, 10, 40, alternating), QStringLiteral("Ada"));
    const qint64 dismissed =
        fixture.contactWithLog(regularLog(6, 10, 45, alternating), QStringLiteral("Alan"));
    ReachOutHoldRepository holds(db);
    requireOk(holds.snooze(snoozed, testNow + 3 * daySeconds, testNow));
    requireOk(holds.dismiss(dismissed, testNow));
    const Status past = holds.snooze(snoozed, testNow - 1, testNow);
    REQUIRE_FALSE(past.ok());
    CHECK(past.error().message.contains(QStringLiteral("is not in the future")));

    const TodayPlan held = planNow(fixture);
    CHECK(held.reachOut.empty());
    CHECK(held.heldCount == 2);
    CHECK(held.overdueCount == 0);

    TodayOptions later;
    later.now = testNow + 4 * daySeconds;
    const TodayPlan afterSnooze = planNow(fixture, later);
    CHECK(suggestionFor(afterSnooze.reachOut, snoozed) != nullptr);
    CHECK(suggestionFor(afterSnooze.reachOut, dismissed) == nullptr);

    const ReachOutHold dismissal = *require(holds.of(dismissed));
    CHECK_FALSE(dismissal.isSnooze());
    CHECK(dismissal.holds(testNow + 100 * daySeconds, testNow - 45 * daySeconds));
    CHECK_FALSE(dismissal.holds(testNow + 100 * daySeconds, testNow + daySeconds));
    CHECK(require(holds.lift(dismissed)));
    CHECK_FALSE(require(holds.lift(dismissed)));
    CHECK(suggestionFor(planNow(fixture).reachOut, dismissed) != nullptr);
}
