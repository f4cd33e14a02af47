// SPDX-License-Identifier: GPL-3.0-or-later
// Computes every number of the relationship-health dashboard for a filter: one pass over the in-memory
// score board (scores at the end of the period), the weekly activity rollup for the per-week counts, the
// trust notes of the period, and the past-health cache (HealthHistory) for the weekly trend, Δ30 and the
// contacts that moved band. When that cache is stale, or the period reaches back further than its 53
// weeks, past scores are computed exactly instead: a contact with no interaction after a moment is
// scored there from its current state; only contacts with later interactions have their log replayed.
#pragma once

#include "core/dashboard/ContactGroups.h"
#include "core/dashboard/DashboardData.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringSettings.h"
#include "core/storage/Database.h"

namespace rapport {

class DashboardAggregator
{
public:
    // Lists of a band's contacts keep the most overdue of them; their totals count them all.
    static constexpr int listLimit = 200;

    DashboardAggregator(Database& db, const ScoreBoard& board, const ContactGroups& groups,
                        const ScoringSettings& settings)
        : m_db(db)
        , m_board(board)
        , m_groups(groups)
        , m_settings(settings)
    {}

    // Every aggregate for the filter; scores are read at the end of the period, or at `now` if earlier.
    Result<DashboardData> compute(const DashboardFilter& filter, qint64 now) const;

    // The filtered contacts in this band at that same moment, most overdue first (a click on a band).
    Result<BandContacts> contactsInBand(const DashboardFilter& filter, Band band, qint64 now) const;

private:
    struct Selected
    {
        const ScoreBoard::Entry* score;
        const ContactIndexEntry* group;
    };
    std::vector<Selected> select(const DashboardFilter& filter) const;
    Status countTrustNotes(const DashboardFilter& filter, TrustSummary& trust) const;
    // Keeps the listLimit most overdue and adds their names and explanations.
    Status describe(std::vector<BandContact>& rows) const;

    Database& m_db;
    const ScoreBoard& m_board;
    const ContactGroups& m_groups;
    const ScoringSettings& m_settings;
};

} // namespace rapport
