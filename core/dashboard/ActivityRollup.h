// SPDX-License-Identifier: GPL-3.0-or-later
// Reads interactions per calendar week by channel and direction for a dashboard filter from the weekly
// rollup table (activity_weeks, kept by triggers): the cost grows with the number of weeks, owners and
// tags, not with the size of the log. Weeks cut by the period's bounds are counted from the log itself
// (the shorter side of the cut).
#pragma once

#include "core/dashboard/DashboardData.h"
#include "core/dashboard/DashboardFilter.h"
#include "core/storage/Database.h"

#include <vector>

namespace rapport {

class ActivityRollup
{
public:
    explicit ActivityRollup(Database& db)
        : m_db(db)
    {}

    // Every week that overlaps [filter.start, filter.end), oldest first, counting only the
    // interactions inside the period.
    Result<std::vector<WeekActivity>> weeks(const DashboardFilter& filter) const;

    // The Monday 00:00 UTC that starts the week of a moment.
    static qint64 weekStart(qint64 moment);

private:
    Status addWholeWeeks(const DashboardFilter& filter, qint64 from, qint64 to,
                         std::vector<WeekActivity>& weeks) const;
    // [from, to) inside one week: from the log, or from the rollup less the log outside it, whichever
    // scans the shorter stretch of the log.
    Status addCutWeek(const DashboardFilter& filter, qint64 from, qint64 to,
                      std::vector<WeekActivity>& weeks) const;
    // Adds (sign 1) or subtracts (-1) the interactions of [from, to).
    Status addFromLog(const DashboardFilter& filter, qint64 from, qint64 to, int sign,
                      WeekActivity& week) const;

    Database& m_db;
};

} // namespace rapport
