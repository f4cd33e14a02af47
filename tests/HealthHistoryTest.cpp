// SPDX-License-Identifier: GPL-3.0-or-later
// HealthHistory, the past-health cache: the dashboard's fast path equals the engine's own scores at
// each week end for several filters, every write that changes a past score marks the cache stale (and
// logging a conversation now does not), and a rebuild after such a write restores equality.
#include "core/dashboard/HealthHistory.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/dashboard/ContactGroups.h"
#include "core/dashboard/DashboardAggregator.h"
#include "core/demo/DemoGenerator.h"
#include "core/storage/BulkLoad.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr qint64 weekSeconds = 7 * daySeconds;
// A Wednesday: 30 days before it is a Monday, so Δ30 compares with exactly 30 days ago either way.
constexpr qint64 wednesday = testNow + 2 * daySeconds;

// A small demo team, two archived contacts, and a fresh cache.
class DemoTeam
{
public:
    explicit DemoTeam(qint64 now)
        : m_now(now)
    {
        DemoOptions options;
        options.contacts = 120;
        options.interactions = 4000;
        options.seed = 7;
        options.endSeconds = now;
        static_cast<void>(require(DemoGenerator(db(), options).generate()));
        requireOk(db().execute(QStringLiteral("UPDATE contacts SET archived = 1 WHERE id IN (3, 8)")));
        rebuild();
    }

    void rebuild()
    {
        requireOk(HealthHistory(db()).rebuild(engine().settings(), m_now));
        reload();
    }
    void reload()
    {
        m_board = require(ScoreBoard::load(db()));
        m_groups = require(ContactGroups::load(db()));
    }
    bool fresh() { return require(HealthHistory(db()).isFresh(m_now)); }
    void makeStale() { requireOk(db().execute(QStringLiteral("UPDATE health_cache SET valid = 0"))); }

    DashboardAggregator aggregator()
    {
        return DashboardAggregator(db(), *m_board, *m_groups, engine().settings());
    }
    DashboardData compute(const DashboardFilter& filter)
    {
        return require(aggregator().compute(filter, m_now));
    }

    std::vector<qint64> selected(const DashboardFilter& filter) const
    {
        std::vector<qint64> ids;
        for (const ContactIndexEntry& entry : m_groups->entries()) {
            if (m_groups->keeps(entry, filter))
                ids.push_back(entry.id);
        }
        return ids;
    }
    RelationshipScore score(qint64 id, qint64 moment) { return require(engine().score(id, moment)).score; }

    Database& db() { return m_fixture.database().db(); }
    ScoringEngine& engine() { return m_fixture.engine(); }
    qint64 now() const { return m_now; }
    qint64 someTag() { return require(db().scalar(QStringLiteral("SELECT min(id) FROM tags"))).toLongLong(); }
    qint64 someOwner()
    {
        return require(db().scalar(QStringLiteral("SELECT min(id) FROM team_members"))).toLongLong();
    }

private:
    qint64 m_now;
    ScoringFixture m_fixture;
    std::optional<ScoreBoard> m_board;
    std::optional<ContactGroups> m_groups;
};

// The trend, Δ30 and moves of `data` against the engine's score of each selected contact at each moment.
void checkAgainstEngine(DemoTeam& team, const DashboardData& data)
{
    const DashboardFilter& filter = data.filter;
    const qint64 at = std::min(filter.end, team.now());
    const std::vector<qint64> ids = team.selected(filter);
    REQUIRE_FALSE(data.trend.empty());
    CHECK(data.trend.back().at == at);
    qint64 expectedWeek = ActivityRollup::weekStart(filter.start) + weekSeconds;
    if (expectedWeek <= filter.start)
        expectedWeek += weekSeconds;
    for (size_t i = 0; i + 1 < data.trend.size(); ++i, expectedWeek += weekSeconds)
        CHECK(data.trend[i].at == expectedWeek);
    CHECK(expectedWeek >= at);

    for (const HealthPoint& point : data.trend) {
        INFO("at " << point.at);
        BandCounts bands{};
        int scored = 0;
        double sum = 0;
        for (const qint64 id : ids) {
            const RelationshipScore score = team.score(id, point.at);
            ++bands[static_cast<size_t>(score.band)];
            if (score.hasHistory) {
                ++scored;
                sum += score.score;
            }
        }
        CHECK(point.bands == bands);
        CHECK(point.scored == scored);
        REQUIRE(point.averageScore.has_value() == (scored > 0));
        if (scored > 0)
            CHECK(*point.averageScore == Approx(sum / scored).margin(1e-9));
    }

    const qint64 earlierAt = data.kpis.comparedWith;
    int cooling = 0;
    int atRisk = 0;
    double earlierSum = 0;
    int earlierScored = 0;
    for (const qint64 id : ids) {
        const RelationshipScore now = team.score(id, at);
        const RelationshipScore earlier = team.score(id, earlierAt);
        if (!earlier.hasHistory)
            continue;
        earlierSum += earlier.score;
        ++earlierScored;
        if (now.band == Band::Cooling && earlier.band != Band::Cooling && earlier.band != Band::AtRisk)
            ++cooling;
        if (now.band == Band::AtRisk && earlier.band != Band::AtRisk)
            ++atRisk;
    }
    CHECK(data.kpis.movedToCooling == cooling);
    CHECK(data.kpis.movedToAtRisk == atRisk);
    REQUIRE(data.kpis.averageScoreDelta30.has_value() == (earlierScored > 0));
    if (earlierScored > 0)
        CHECK(*data.kpis.averageScoreDelta30 ==
              Approx(*data.trend.back().averageScore - earlierSum / earlierScored).margin(1e-9));
}

// Everything but the past is computed the same way on both paths.
void checkSamePresent(const DashboardData& a, const DashboardData& b)
{
    CHECK(a.contacts == b.contacts);
    CHECK(a.bands == b.bands);
    CHECK(a.withHistory == b.withHistory);
    CHECK(a.oneSided == b.oneSided);
    CHECK(a.kpis.activeRelationships == b.kpis.activeRelationships);
    CHECK(a.kpis.conversations == b.kpis.conversations);
    CHECK(a.atRiskTotal == b.atRiskTotal);
    REQUIRE(a.owners.size() == b.owners.size());
    for (size_t i = 0; i < a.owners.size(); ++i)
        CHECK(a.owners[i].bands == b.owners[i].bands);
}

std::vector<DashboardFilter> filtersOf(DemoTeam& team, qint64 now)
{
    std::vector<DashboardFilter> filters;
    for (const DashboardPeriod period :
         {DashboardPeriod::Last30Days, DashboardPeriod::Last90Days, DashboardPeriod::Last365Days})
        filters.push_back(DashboardFilter::lastDays(period, now));
    DashboardFilter owned = DashboardFilter::lastDays(DashboardPeriod::Last90Days, now);
    owned.ownerId = team.someOwner();
    filters.push_back(owned);
    DashboardFilter unowned = owned;
    unowned.ownerId = 0;
    filters.push_back(unowned);
    DashboardFilter tagged = DashboardFilter::lastDays(DashboardPeriod::Last365Days, now);
    tagged.tagId = team.someTag();
    filters.push_back(tagged);
    DashboardFilter both = tagged;
    both.ownerId = team.someOwner();
    filters.push_back(both);
    return filters;
}

} // namespace

TEST_CASE("Week ends: the last closed one, the first stored and the one Δ30 compares with",
          "[dashboard][history]")
{
    // testNow is a Monday 00:00: that week end is not closed before it.
    CHECK(HealthHistory::lastClosedWeekEnd(testNow) == testNow - weekSeconds);
    CHECK(HealthHistory::lastClosedWeekEnd(testNow + 1) == testNow);
    CHECK(HealthHistory::firstStoredWeekEnd(testNow) == testNow - 52 * weekSeconds);
    CHECK(HealthHistory::comparisonWeekEnd(wednesday) == wednesday - 30 * daySeconds);
    CHECK(HealthHistory::comparisonWeekEnd(testNow) == testNow - 5 * weekSeconds);
    CHECK(HealthHistory::comparisonWeekEnd(testNow + 3 * daySeconds) == testNow - 4 * weekSeconds);
}

TEST_CASE("A generated demo database leaves the history for its first reader to build",
          "[dashboard][history]")
{
    TempDatabase database;
    DemoOptions options;
    options.contacts = 30;
    options.interactions = 500;
    options.endSeconds = wednesday;
    static_cast<void>(require(DemoGenerator(database.db(), options).generate()));
    CHECK_FALSE(require(HealthHistory(database.db()).isFresh(wednesday)));
    requireOk(HealthHistory(database.db()).rebuild(ScoringSettings(), wednesday));
    CHECK(require(HealthHistory(database.db()).isFresh(wednesday)));
    CHECK_FALSE(require(HealthHistory(database.db()).isFresh(wednesday + weekSeconds)));
    CHECK(require(database.db().scalar(QStringLiteral("SELECT count(DISTINCT week_end) FROM health_weeks")))
              .toInt() == HealthHistory::storedWeeks);
}

TEST_CASE("With a fresh history the dashboard equals the engine's scores at each week end",
          "[dashboard][history]")
{
    const qint64 now = GENERATE(wednesday, testNow, testNow + 5 * daySeconds + 3600);
    INFO("now " << now);
    DemoTeam team(now);
    REQUIRE(team.fresh());
    for (const DashboardFilter& filter : filtersOf(team, now)) {
        INFO(filter.describe().toStdString()
             << " owner " << filter.ownerId.value_or(-1) << " tag " << filter.tagId.value_or(-1));
        const DashboardData cached = team.compute(filter);
        CHECK(cached.kpis.comparedWith == HealthHistory::comparisonWeekEnd(now));
        checkAgainstEngine(team, cached);
        team.makeStale();
        const DashboardData exact = team.compute(filter);
        CHECK(exact.kpis.comparedWith == now - 30 * daySeconds);
        checkSamePresent(cached, exact);
        REQUIRE(exact.trend.size() == cached.trend.size());
        for (size_t i = 0; i < exact.trend.size(); ++i) {
            CHECK(exact.trend[i].bands == cached.trend[i].bands);
            CHECK(exact.trend[i].averageScore.value_or(-1) ==
                  Approx(cached.trend[i].averageScore.value_or(-1)).margin(1e-9));
        }
        if (now == wednesday) {
            CHECK(exact.kpis.movedToCooling == cached.kpis.movedToCooling);
            CHECK(exact.kpis.movedToAtRisk == cached.kpis.movedToAtRisk);
        }
        team.rebuild();
    }
}

TEST_CASE("A band's list uses the history's comparison week for its deltas", "[dashboard][history]")
{
    DemoTeam team(testNow + 3 * daySeconds);
    const DashboardFilter filter = DashboardFilter::lastDays(DashboardPeriod::Last90Days, team.now());
    const qint64 earlierAt = HealthHistory::comparisonWeekEnd(team.now());
    for (const Band band : {Band::AtRisk, Band::Cooling, Band::Thriving}) {
        const BandContacts contacts = require(team.aggregator().contactsInBand(filter, band, team.now()));
        REQUIRE(contacts.total > 0);
        for (const BandContact& row : contacts.contacts) {
            const RelationshipScore earlier = team.score(row.contactId, earlierAt);
            CHECK(row.score.band == band);
            REQUIRE(row.delta30.has_value() == earlier.hasHistory);
            if (earlier.hasHistory)
                CHECK(*row.delta30 == Approx(row.score.score - earlier.score).margin(1e-9));
        }
    }
}

TEST_CASE("A period older than the stored weeks is computed exactly", "[dashboard][history]")
{
    DemoTeam team(wednesday);
    const std::optional<DashboardFilter> old =
        DashboardFilter::custom(wednesday - 500 * daySeconds, wednesday - 300 * daySeconds);
    REQUIRE(old.has_value());
    const DashboardData data = team.compute(*old);
    CHECK(data.kpis.comparedWith == old->end - 30 * daySeconds);
    checkAgainstEngine(team, data);
}

TEST_CASE("Every write that changes a past score marks the history stale, logging now does not",
          "[dashboard][history]")
{
    DemoTeam team(wednesday);
    const qint64 lastWeek = HealthHistory::lastClosedWeekEnd(wednesday);
    const auto stalesAfter = [&](const QString& sql) {
        team.rebuild();
        REQUIRE(team.fresh());
        requireOk(team.db().execute(sql));
        return !team.fresh();
    };
    const QString insert = QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel,"
                                          " direction, created_at) VALUES (5, %1, 'email', 'inbound', %1)");

    CHECK_FALSE(stalesAfter(insert.arg(wednesday)));
    CHECK_FALSE(stalesAfter(insert.arg(lastWeek + 1)));
    CHECK_FALSE(stalesAfter(QStringLiteral("UPDATE interactions SET summary = 'x' WHERE id = 1")));
    CHECK_FALSE(stalesAfter(QStringLiteral("UPDATE contacts SET display_name = 'Someone' WHERE id = 5")));
    CHECK_FALSE(stalesAfter(QStringLiteral("INSERT INTO settings (key, value) VALUES ('ui.theme', 'dark')")));
    CHECK_FALSE(stalesAfter(QStringLiteral("DELETE FROM interactions WHERE occurred_at > %1").arg(lastWeek)));

    CHECK(stalesAfter(insert.arg(lastWeek)));
    CHECK(stalesAfter(
        QStringLiteral("DELETE FROM interactions WHERE id = (SELECT min(id) FROM interactions)")));
    CHECK(stalesAfter(
        QStringLiteral("UPDATE interactions SET occurred_at = occurred_at - 60 WHERE id = (SELECT min(id) "
                       "FROM interactions)")));
    CHECK(stalesAfter(QStringLiteral("UPDATE interactions SET direction = 'mutual' WHERE id = 2")));
    CHECK(stalesAfter(QStringLiteral("INSERT INTO contacts (display_name, created_at, updated_at)"
                                     " VALUES ('New', 0, 0)")));
    CHECK(stalesAfter(QStringLiteral("DELETE FROM contacts WHERE id = 9")));
    CHECK(stalesAfter(QStringLiteral("UPDATE contacts SET owner_id = NULL WHERE id = 10")));
    CHECK(stalesAfter(QStringLiteral("UPDATE contacts SET cadence_days = 3 WHERE id = 10")));
    CHECK(stalesAfter(QStringLiteral("UPDATE contacts SET archived = 1 WHERE id = 10")));
    CHECK(
        stalesAfter(QStringLiteral("INSERT INTO contact_tags (contact_id, tag_id) SELECT 11, id FROM tags"
                                   " WHERE id NOT IN (SELECT tag_id FROM contact_tags WHERE contact_id = 11)"
                                   " LIMIT 1")));
    CHECK(
        stalesAfter(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = (SELECT min(contact_id) FROM"
                                   " contact_tags)")));
    CHECK(stalesAfter(
        QStringLiteral("UPDATE tags SET cadence_days = 9 WHERE id = (SELECT min(id) FROM tags)")));
    CHECK(stalesAfter(QStringLiteral("INSERT INTO trust_notes (contact_id, created_at, kind, trust_level)"
                                     " VALUES (12, %1, 'concern', 1)")
                          .arg(wednesday)));
    CHECK(stalesAfter(QStringLiteral("UPDATE trust_notes SET trust_level = 5 WHERE id = 1")));
    CHECK(stalesAfter(QStringLiteral("DELETE FROM trust_notes WHERE id = 2")));
    CHECK(stalesAfter(QStringLiteral(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('scoring.half_life_days', '60')")));
    CHECK(stalesAfter(QStringLiteral("DELETE FROM settings WHERE key = 'scoring.half_life_days'")));
}

TEST_CASE("A bulk load marks the history stale", "[dashboard][history]")
{
    DemoTeam team(wednesday);
    REQUIRE(team.fresh());
    Transaction transaction(team.db());
    BulkLoad bulk(team.db(), BulkLoad::Interactions);
    requireOk(bulk.suspend());
    requireOk(team.db().execute(QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel,"
                                               " direction, created_at) VALUES (5, %1, 'call', 'mutual', %1)")
                                    .arg(wednesday - 100 * daySeconds)));
    requireOk(bulk.restore());
    requireOk(transaction.commit());
    CHECK_FALSE(team.fresh());
}

TEST_CASE("A rebuild after a backdated write restores equality with the engine", "[dashboard][history]")
{
    DemoTeam team(wednesday);
    requireOk(
        team.db().execute(QStringLiteral("UPDATE contacts SET owner_id = NULL WHERE id IN (20, 21, 22)")));
    requireOk(team.db().execute(QStringLiteral("DELETE FROM interactions WHERE contact_id IN (30, 31)")));
    requireOk(team.engine().rebuildAll());
    team.reload();
    REQUIRE_FALSE(team.fresh());
    team.rebuild();
    REQUIRE(team.fresh());
    for (const DashboardFilter& filter : filtersOf(team, wednesday)) {
        INFO(filter.describe().toStdString());
        checkAgainstEngine(team, team.compute(filter));
    }
}

TEST_CASE("A rebuild that sees another write meanwhile leaves the history stale", "[dashboard][history]")
{
    DemoTeam team(wednesday);
    const std::unique_ptr<Database> other = require(Database::open(team.db().path()));
    int calls = 0;
    const Status rebuilt =
        HealthHistory(team.db()).rebuild(team.engine().settings(), wednesday, [&](qint64, qint64) {
            if (calls++ == 0)
                requireOk(other->execute(QStringLiteral("UPDATE contacts SET archived = 1"
                                                        " WHERE id = 4")));
            return true;
        });
    CHECK_FALSE(rebuilt.ok());
    CHECK_FALSE(team.fresh());
}
