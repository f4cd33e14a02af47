// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardCharts: what the weekly charts plot for a period whose bounds cut its first and last weeks.
#include "ui/dashboard/DashboardCharts.h"

#include "core/dashboard/ActivityRollup.h"
#include "tests/support/TestSupport.h"

#include <QChart>
#include <QLineSeries>
#include <memory>

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr qint64 weekSeconds = 7 * daySeconds;

// Four weeks of activity for a period from a Thursday to a Wednesday: the first and last are cut.
DashboardData cutWeeks()
{
    DashboardData data;
    const qint64 firstMonday = ActivityRollup::weekStart(testNow) - 3 * weekSeconds;
    data.filter = *DashboardFilter::custom(firstMonday + 3 * daySeconds,
                                           firstMonday + 3 * weekSeconds + 2 * daySeconds);
    for (int week = 0; week < 4; ++week) {
        WeekActivity activity;
        activity.weekStart = firstMonday + week * weekSeconds;
        const bool cut = week == 0 || week == 3;
        activity.directions[static_cast<size_t>(Direction::Outbound)] = cut ? 2 : 10;
        activity.channels[static_cast<size_t>(Channel::Email)] = cut ? 2 : 10;
        data.weeks.push_back(activity);
    }
    return data;
}

} // namespace

TEST_CASE("The reciprocity chart plots only the weeks wholly inside the period", "[dashboard][charts]")
{
    const DashboardData data = cutWeeks();
    const std::unique_ptr<QChart> chart(ui::DashboardCharts::reciprocity(data));
    const auto* outbound = qobject_cast<QLineSeries*>(chart->series().value(0));
    REQUIRE(outbound != nullptr);
    REQUIRE(outbound->count() == 2);
    CHECK(outbound->at(0).y() == 10);
    CHECK(outbound->at(1).y() == 10);
}

TEST_CASE("A period shorter than a week still shows its one cut week", "[dashboard][charts]")
{
    DashboardData data = cutWeeks();
    data.weeks.resize(1);
    data.filter = *DashboardFilter::custom(data.weeks[0].weekStart + daySeconds,
                                           data.weeks[0].weekStart + 3 * daySeconds);
    const std::unique_ptr<QChart> chart(ui::DashboardCharts::reciprocity(data));
    const auto* outbound = qobject_cast<QLineSeries*>(chart->series().value(0));
    REQUIRE(outbound != nullptr);
    CHECK(outbound->count() == 1);
}
