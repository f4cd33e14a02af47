// SPDX-License-Identifier: GPL-3.0-or-later
// The precomputed past health behind the dashboard's trend, Δ30 and "moved" figures: band counts and score
// sums per closed week end (the last 53) and owner/tag group, and each contact's band and score at the two
// week ends Δ30 can compare against. Triggers mark it stale (schema v2); rebuild() recomputes it in one pass
// over the log.
#pragma once

#include "core/base/Progress.h"
#include "core/dashboard/DashboardData.h"
#include "core/dashboard/DashboardFilter.h"
#include "core/scoring/ScoringSettings.h"
#include "core/storage/Database.h"

#include <vector>

namespace rapport {

// A contact's band and score at a stored week end; contacts without history then have none.
struct PastScore
{
    qint64 contactId = 0;
    Band band = Band::NoHistory;
    double score = 0;
};

class HealthHistory
{
public:
    static constexpr int storedWeeks = 53; // a 365-day period holds at most 53 week ends

    explicit HealthHistory(Database& db)
        : m_db(db)
    {}

    // The newest week end (Monday 00:00 UTC) strictly before `moment`.
    static qint64 lastClosedWeekEnd(qint64 moment);
    // The oldest week end stored for a cache computed for `lastWeekEnd`.
    static qint64 firstStoredWeekEnd(qint64 lastWeekEnd);
    // What Δ30 compares against at `moment`: the newest week end at or before moment − 30 days, which is
    // the fifth or sixth newest stored one (contact_weeks keeps exactly those two).
    static qint64 comparisonWeekEnd(qint64 moment);

    // Valid, and computed for the last week end closed before `moment`.
    Result<bool> isFresh(qint64 moment) const;

    // Recomputes the cache for the last week end closed before `now` from the log and the current
    // contacts, tags, trust levels and `settings`, in one transaction. A write by another connection
    // while it runs makes it fail (the cache stays stale) rather than store figures that miss the write.
    Status rebuild(const ScoringSettings& settings, qint64 now, const ProgressCallback& progress = {});

    // The filtered contacts' health at each stored week end in (from, to), oldest first.
    Result<std::vector<HealthPoint>> trend(const DashboardFilter& filter, qint64 from, qint64 to) const;
    // Every contact with history at a stored week end, in contact id order.
    Result<std::vector<PastScore>> scoresAt(qint64 weekEnd) const;

private:
    Database& m_db;
};

} // namespace rapport
