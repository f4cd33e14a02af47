// SPDX-License-Identifier: GPL-3.0-or-later
// Today: what one owner (or the whole team) should do now. First the follow-ups due by the end of the day,
// then a short list of the people most worth reaching out to, then, apart, people silent for over a year
// ("Rekindle?"). A suggestion is ranked by its priority: the points an outbound email now would add to
// its score, plus 4 × (8 − d) points when without one its band would drop in d ≤ 7 days — so a
// relationship about to slip comes before one long gone, and "× overdue" alone decides nothing. Snoozed
// and dismissed contacts, archived ones and those with a follow-up due are left out of the suggestions.
#pragma once

#include "core/scoring/RelationshipScore.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringSettings.h"
#include "core/storage/Database.h"
#include "core/storage/FollowUpRepository.h"

#include <QList>
#include <optional>
#include <vector>

namespace rapport {

inline constexpr int defaultTodayLimit = 10;
inline constexpr double rekindleAfterDays = 365;

struct TodayOptions
{
    qint64 now = 0;
    std::optional<qint64> ownerId; // none: everyone's
    int limit = defaultTodayLimit; // suggestions to reach out, and as many to rekindle at most
};

struct ReachOutSuggestion
{
    qint64 contactId = 0;
    QString name;
    QString ownerName; // empty when unowned
    RelationshipScore score;
    double gain = 0;             // score points an outbound email now would add
    std::optional<Band> slipsTo; // the band it drops to within a week without a touch
    int slipsInDays = 0;         // when it does
    double priority = 0;
    QString reason; // one sentence: why it is on the list
};

struct TodayPlan
{
    QList<ListedFollowUp> due;                // open follow-ups due by the end of today, oldest first
    std::vector<ReachOutSuggestion> reachOut; // highest priority first, at most the limit
    std::vector<ReachOutSuggestion> rekindle; // silent for over a year, highest priority first
    qint64 overdueCount = 0;                  // every overdue, unheld contact the lists were chosen from
    qint64 heldCount = 0;                     // overdue contacts left out by a snooze or a dismissal
};

// The plan at `options.now` from the scores in `board` (read by ScoreBoard::load or kept by the app).
Result<TodayPlan> planToday(Database& db, const ScoreBoard& board, const ScoringSettings& settings,
                            const TodayOptions& options);

// "A touch now adds 18 points (54 → 72); without one it slips to At risk in 3 days. Last contact 41
// days ago, usually every ~14 days."
QString suggestionReason(const ReachOutSuggestion& suggestion);

} // namespace rapport
