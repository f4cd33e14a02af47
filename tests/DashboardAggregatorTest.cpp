// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardAggregator on the worked examples of scoring.md, whose scores are known by hand: bands,
// KPIs, owners, tags, weekly activity, trust, the trend against the engine's own replay, and the list
// of a band's contacts.
#include "core/dashboard/DashboardAggregator.h"

#include "core/dashboard/ContactGroups.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr double tolerance = 0.01;

Direction alternatingFromNewestOutbound(int oldestFirstIndex, int count)
{
    return (count - 1 - oldestFirstIndex) % 2 == 0 ? Direction::Outbound : Direction::Inbound;
}

int bandOf(const DashboardData& data, Band band)
{
    return data.bands[static_cast<size_t>(band)];
}

// Contacts B, C, D and E of the worked examples, plus N without history. Ada owns B and C, Grace
// owns D and E; C and E are tagged "press". Trust: C level 4 with a kept commitment 5 days ago,
// E a broken one 20 days ago, D a broken one 100 days ago (outside a 90-day period).
class ExampleTeam
{
public:
    ExampleTeam()
    {
        Database& db = m_fixture.database().db();
        b = m_fixture.contactWithLog({{10, Direction::Outbound}}, QStringLiteral("Bea"));
        c = m_fixture.contactWithLog(
            regularLog(12, 7, 2, [](int i) { return alternatingFromNewestOutbound(i, 12); }),
            QStringLiteral("Cy"));
        d = m_fixture.contactWithLog(regularLog(12, 14, 41,
                                                [](int i) {
                                                    return (i == 2 || i == 6 || i == 10)
                                                               ? Direction::Inbound
                                                               : Direction::Outbound;
                                                }),
                                     QStringLiteral("Dee"));
        e = m_fixture.contactWithLog(regularLog(5, 30, 120, [](int) { return Direction::Outbound; }),
                                     QStringLiteral("Eve"));
        n = m_fixture.contactWithLog({}, QStringLiteral("Nia"));
        ada = require(TeamMemberRepository(db).ensure(QStringLiteral("Ada")));
        grace = require(TeamMemberRepository(db).ensure(QStringLiteral("Grace")));
        ContactRepository contacts(db);
        requireOk(contacts.setOwner(b, ada));
        requireOk(contacts.setOwner(c, ada));
        requireOk(contacts.setOwner(d, grace));
        requireOk(contacts.setOwner(e, grace));
        requireOk(TagRepository(db).addTag(c, QStringLiteral("press")));
        requireOk(TagRepository(db).addTag(e, QStringLiteral("press")));
        press = require(TagRepository(db).ensure(QStringLiteral("press")));
        note(c, TrustKind::CommitmentKept, 5, 4);
        note(e, TrustKind::CommitmentBroken, 20, std::nullopt);
        note(d, TrustKind::CommitmentBroken, 100, std::nullopt);
        reload();
    }

    void reload()
    {
        m_board = require(ScoreBoard::load(db()));
        m_groups = require(ContactGroups::load(db()));
    }

    DashboardData compute(const DashboardFilter& filter)
    {
        return require(aggregator().compute(filter, testNow));
    }
    DashboardAggregator aggregator()
    {
        return DashboardAggregator(db(), *m_board, *m_groups, m_fixture.engine().settings());
    }
    Database& db() { return m_fixture.database().db(); }
    ScoringEngine& engine() { return m_fixture.engine(); }

    qint64 b = 0, c = 0, d = 0, e = 0, n = 0;
    qint64 ada = 0, grace = 0, press = 0;

private:
    void note(qint64 contact, TrustKind kind, int daysAgo, std::optional<int> level)
    {
        TrustNote trust;
        trust.contactId = contact;
        trust.createdAt = testNow - daysAgo * daySeconds;
        trust.kind = kind;
        trust.trustLevel = level;
        trust.text = QStringLiteral("Said they would review the draft");
        static_cast<void>(require(TrustNoteRepository(db()).insert(trust)));
    }

    ScoringFixture m_fixture;
    std::optional<ScoreBoard> m_board;
    std::optional<ContactGroups> m_groups;
};

const DashboardFilter last90 = DashboardFilter::lastDays(DashboardPeriod::Last90Days, testNow);

} // namespace

TEST_CASE("Dashboard bands and KPIs of the worked examples", "[dashboard][aggregator]")
{
    ExampleTeam team;
    const DashboardData data = team.compute(last90);

    CHECK(data.contacts == 5);
    CHECK(bandOf(data, Band::New) == 1);      // B
    CHECK(bandOf(data, Band::Thriving) == 1); // C
    CHECK(bandOf(data, Band::Cooling) == 1);  // D
    CHECK(bandOf(data, Band::AtRisk) == 1);   // E
    CHECK(bandOf(data, Band::NoHistory) == 1);
    CHECK(bandOf(data, Band::Steady) == 0);

    REQUIRE(data.kpis.averageScore.has_value());
    CHECK(*data.kpis.averageScore == Approx((56.20 + 88.99 + 53.97 + 30.69) / 4).margin(tolerance));
    // B, C and D talked in the last 90 days; E's newest touch is 120 days old.
    CHECK(data.kpis.activeRelationships == 3);
    // B 1, C all 12 (2..79 days ago), D 4 (41, 55, 69, 83 days ago).
    CHECK(data.kpis.conversations == 17);
    // D was Thriving 30 days ago (76.53, 11 days since its last touch) and is Cooling now.
    CHECK(data.kpis.movedToCooling == 1);
    // Dee's balance is Di / (Do + Di) = 1.356 / 5.178; B and E never heard back; the median of four
    // is the mean of the middle two.
    REQUIRE(data.kpis.medianResponseBalance.has_value());
    CHECK(*data.kpis.medianResponseBalance == Approx((0 + 1.356 / 5.178) / 2).margin(0.001));
    // E: five unanswered messages.
    CHECK(data.oneSided == 1);
    CHECK(data.withHistory == 4);
    CHECK(data.oneSidedShare() == Approx(0.25));

    // Thirty days ago, from the engine's own replay of each log.
    double sum = 0;
    int scored = 0;
    int movedToAtRisk = 0;
    for (const qint64 id : {team.b, team.c, team.d, team.e}) {
        const RelationshipScore before = require(team.engine().score(id, testNow - 30 * daySeconds)).score;
        if (before.hasHistory) {
            sum += before.score;
            ++scored;
            if (id == team.e && before.band != Band::AtRisk)
                ++movedToAtRisk;
        }
    }
    CHECK(scored == 3); // B had not been contacted yet
    REQUIRE(data.kpis.averageScoreDelta30.has_value());
    CHECK(*data.kpis.averageScoreDelta30 == Approx(*data.kpis.averageScore - sum / scored).margin(1e-9));
    CHECK(data.kpis.movedToAtRisk == movedToAtRisk);

    REQUIRE(data.atRisk.size() == 1);
    CHECK(data.atRiskTotal == 1);
    CHECK(data.atRisk.front().contactId == team.e);
    CHECK(data.atRisk.front().name == QStringLiteral("Eve"));
    CHECK(data.atRisk.front().owner == QStringLiteral("Grace"));
    CHECK(data.atRisk.front().explanation.startsWith(QStringLiteral("Last contact 120 days ago")));
}

TEST_CASE("Dashboard weekly activity and trust of the worked examples", "[dashboard][aggregator]")
{
    ExampleTeam team;
    const DashboardData data = team.compute(last90);

    // 90 days before Monday 2026-06-01 is Tuesday 2026-03-03: weeks from Monday 03-02 to Monday 05-25.
    REQUIRE(data.weeks.size() == 13);
    qint64 outbound = 0;
    qint64 inbound = 0;
    qint64 email = 0;
    for (const WeekActivity& week : data.weeks) {
        outbound += week.directions[static_cast<size_t>(Direction::Outbound)];
        inbound += week.directions[static_cast<size_t>(Direction::Inbound)];
        email += week.channels[static_cast<size_t>(Channel::Email)];
    }
    // B 1 out; C 6 out, 6 in; D's four newest: the 11th oldest inbound, the others outbound.
    CHECK(outbound == 10);
    CHECK(inbound == 7);
    CHECK(email == 17);
    // The last week (from Monday 05-25) holds only C's touch of Saturday 05-30.
    CHECK(data.weeks.back().total() == 1);

    CHECK(data.trust.levels[3] == 1); // C's level 4
    CHECK(data.trust.withoutLevel == 4);
    CHECK(data.trust.commitmentsKept == 1);
    CHECK(data.trust.commitmentsBroken == 1); // D's is older than 90 days
}

TEST_CASE("Dashboard owners and filters change the numbers", "[dashboard][aggregator]")
{
    ExampleTeam team;

    const DashboardData all = team.compute(last90);
    REQUIRE(all.owners.size() == 3); // Nobody (N), Ada, Grace
    const auto owner = [&](qint64 id) -> const OwnerHealth& {
        const auto found = std::find_if(all.owners.begin(), all.owners.end(),
                                        [&](const OwnerHealth& o) { return o.ownerId == id; });
        REQUIRE(found != all.owners.end());
        return *found;
    };
    CHECK(owner(0).name == QStringLiteral("Nobody"));
    CHECK(owner(0).bands[static_cast<size_t>(Band::NoHistory)] == 1);
    CHECK_FALSE(owner(0).averageScore.has_value());
    CHECK(owner(team.ada).name == QStringLiteral("Ada"));
    CHECK(*owner(team.ada).averageScore == Approx((56.20 + 88.99) / 2).margin(tolerance));
    CHECK(*owner(team.grace).averageScore == Approx((53.97 + 30.69) / 2).margin(tolerance));
    CHECK(owner(team.grace).bands[static_cast<size_t>(Band::AtRisk)] == 1);

    DashboardFilter byAda = last90;
    byAda.ownerId = team.ada;
    const DashboardData ada = team.compute(byAda);
    CHECK(ada.contacts == 2);
    CHECK(ada.kpis.conversations == 13);
    CHECK(ada.trust.commitmentsBroken == 0);
    REQUIRE(ada.owners.size() == 1);
    CHECK(ada.atRiskTotal == 0);

    DashboardFilter byPress = last90;
    byPress.tagId = team.press;
    const DashboardData press = team.compute(byPress);
    CHECK(press.contacts == 2); // C and E
    CHECK(press.kpis.conversations == 12);
    CHECK(*press.kpis.averageScore == Approx((88.99 + 30.69) / 2).margin(tolerance));

    const DashboardData month = team.compute(DashboardFilter::lastDays(DashboardPeriod::Last30Days, testNow));
    // B; C at 2, 9, 16, 23 and 30 days ago (the period's start is inclusive).
    CHECK(month.kpis.conversations == 1 + 5);
    CHECK(month.kpis.activeRelationships == 2);

    SECTION("archived contacts are left out")
    {
        requireOk(ContactRepository(team.db()).setArchived(team.e, true));
        team.reload();
        CHECK(team.compute(last90).contacts == 4);
    }
}

TEST_CASE("The dashboard's health trend equals the engine's replay at each week's end",
          "[dashboard][aggregator]")
{
    ExampleTeam team;
    const DashboardData data = team.compute(last90);
    // Monday 03-09 to Monday 05-25, then the end of the period.
    REQUIRE(data.trend.size() == 13);
    CHECK(data.trend.back().at == testNow);
    CHECK(data.trend.back().bands == data.bands);
    for (const HealthPoint& point : data.trend) {
        INFO("at " << point.at);
        double sum = 0;
        int scored = 0;
        BandCounts bands{};
        for (const qint64 id : {team.b, team.c, team.d, team.e, team.n}) {
            const RelationshipScore score = require(team.engine().score(id, point.at)).score;
            ++bands[static_cast<size_t>(score.band)];
            if (score.hasHistory) {
                sum += score.score;
                ++scored;
            }
        }
        CHECK(point.bands == bands);
        CHECK(point.scored == scored);
        REQUIRE(point.averageScore.has_value());
        CHECK(*point.averageScore == Approx(sum / scored).margin(1e-9));
    }
}

TEST_CASE("A click on a band lists its contacts", "[dashboard][aggregator]")
{
    ExampleTeam team;
    const BandContacts atRisk = require(team.aggregator().contactsInBand(last90, Band::AtRisk, testNow));
    CHECK(atRisk.total == 1);
    REQUIRE(atRisk.contacts.size() == 1);
    CHECK(atRisk.contacts.front().contactId == team.e);
    CHECK(atRisk.contacts.front().explanation == team.compute(last90).atRisk.front().explanation);

    const BandContacts cooling = require(team.aggregator().contactsInBand(last90, Band::Cooling, testNow));
    REQUIRE(cooling.contacts.size() == 1);
    CHECK(cooling.contacts.front().name == QStringLiteral("Dee"));
    // "(−23 vs 30 days ago)": Δ30 of worked example D.
    REQUIRE(cooling.contacts.front().delta30.has_value());
    CHECK(*cooling.contacts.front().delta30 == Approx(53.97 - 76.53).margin(0.02));

    DashboardFilter byAda = last90;
    byAda.ownerId = team.ada;
    CHECK(require(team.aggregator().contactsInBand(byAda, Band::Cooling, testNow)).total == 0);
    // Scores at a past end: 30 days ago D was Thriving.
    const DashboardFilter earlier =
        *DashboardFilter::custom(testNow - 120 * daySeconds, testNow - 30 * daySeconds);
    const BandContacts thriving = require(team.aggregator().contactsInBand(earlier, Band::Thriving, testNow));
    CHECK(std::any_of(thriving.contacts.begin(), thriving.contacts.end(),
                      [&](const BandContact& row) { return row.contactId == team.d; }));
}
