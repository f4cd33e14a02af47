// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's participation: per calendar week (Monday 00:00 UTC) of the period, the people who took
// part in an event (in any role but invited-no-show), split into first-timers — that week held the first
// event they ever took part in — and returning ones. Like the weekly conversation counts, it counts the
// people the owner and tag filters keep, archived ones too: they did take part.
#pragma once

#include "core/dashboard/ContactGroups.h"
#include "core/dashboard/DashboardData.h"
#include "core/storage/Database.h"

#include <vector>

namespace rapport {

class EventParticipation
{
public:
    EventParticipation(Database& db, const ContactGroups& groups)
        : m_db(db)
        , m_groups(groups)
    {}

    // Every week that overlaps [filter.start, filter.end), oldest first, counting the events inside the
    // period; each person once per week.
    Result<std::vector<WeekParticipation>> weeks(const DashboardFilter& filter) const;

private:
    Database& m_db;
    const ContactGroups& m_groups;
};

} // namespace rapport
