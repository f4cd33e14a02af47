// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardFilter: presets, custom periods and what they say.
#include "core/dashboard/DashboardFilter.h"

#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("Dashboard presets end now and reach back their number of days", "[dashboard][filter]")
{
    const auto [period, days] = GENERATE(table<DashboardPeriod, int>({{DashboardPeriod::Last30Days, 30},
                                                                      {DashboardPeriod::Last90Days, 90},
                                                                      {DashboardPeriod::Last365Days, 365}}));
    const DashboardFilter filter = DashboardFilter::lastDays(period, testNow);
    CHECK(filter.end == testNow);
    CHECK(filter.start == testNow - days * daySeconds);
    CHECK(filter.days() == days);
    CHECK(filter.describe() == QStringLiteral("Last %1 days").arg(days));
    CHECK_FALSE(filter.ownerId.has_value());
    CHECK_FALSE(filter.tagId.has_value());
}

TEST_CASE("A dashboard preset read during the day starts at midnight of its first day, like a custom period",
          "[dashboard][filter]")
{
    const qint64 afternoon = testNow + 15 * 3600 + 42;
    const DashboardFilter preset = DashboardFilter::lastDays(DashboardPeriod::Last90Days, afternoon);
    CHECK(preset.start == testNow - 90 * daySeconds);
    CHECK(preset.end == afternoon);
    // The custom period the page fills in for it: from that date through today, both included.
    const DashboardFilter custom = *DashboardFilter::custom(testNow - 90 * daySeconds, testNow + daySeconds);
    CHECK(custom.start == preset.start);
}

TEST_CASE("A custom dashboard period needs its start before its end", "[dashboard][filter]")
{
    CHECK_FALSE(DashboardFilter::custom(testNow, testNow).has_value());
    CHECK_FALSE(DashboardFilter::custom(testNow, testNow - 1).has_value());
    const DashboardFilter filter = *DashboardFilter::custom(testNow - 31 * daySeconds, testNow);
    CHECK(filter.period == DashboardPeriod::Custom);
    CHECK(filter.days() == 31);
    // The end is exclusive: the period ends on the day before 2026-06-01.
    CHECK(filter.describe() == QStringLiteral("2026-05-01 \u2013 2026-05-31"));
}

TEST_CASE("A dashboard filter keeps one owner or all, and 0 means nobody", "[dashboard][filter]")
{
    DashboardFilter filter = DashboardFilter::lastDays(DashboardPeriod::Last30Days, testNow);
    CHECK(filter.matchesOwner(0));
    CHECK(filter.matchesOwner(4));
    filter.ownerId = 0;
    CHECK(filter.matchesOwner(0));
    CHECK_FALSE(filter.matchesOwner(4));
}
