// SPDX-License-Identifier: GPL-3.0-or-later
// The Reach out list: every contact past their usual cadence, most overdue first, read from the score
// board, leaving out archived contacts and those snoozed or dismissed (Today's holds); for one owner or
// one tag when filtered. The desktop's Reach out page shows it and rapport-bench times it.
#pragma once

#include "core/base/Result.h"
#include "core/scoring/RelationshipScore.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringSettings.h"

#include <optional>
#include <vector>

namespace rapport {

class Database;

struct ReachOutFilter
{
    std::optional<qint64> ownerId; // 0: owned by nobody
    std::optional<qint64> tagId;
};

struct ReachOutEntry
{
    qint64 contactId = 0;
    RelationshipScore score;
};

struct ReachOutList
{
    std::vector<ReachOutEntry> entries; // ties (equal ratios) in the board's order, so stable
    qint64 heldCount = 0;               // overdue contacts left out for a snooze or a dismissal
};

Result<ReachOutList> listReachOut(Database& db, const ScoreBoard& board, const ScoringSettings& settings,
                                  const ReachOutFilter& filter, qint64 now);

} // namespace rapport
