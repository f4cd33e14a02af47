// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ReachOutList.h"

#include "core/scoring/Attention.h"
#include "core/storage/ContactDirectory.h"
#include "core/storage/ReachOutHoldRepository.h"

#include <algorithm>
#include <cmath>

namespace rapport {

Result<ReachOutList> listReachOut(Database& db, const ScoreBoard& board, const ScoringSettings& settings,
                                  const ReachOutFilter& filter, qint64 now)
{
    const Result<QHash<qint64, ReachOutHold>> holds = ReachOutHoldRepository(db).all();
    if (!holds)
        return Error{
            holds.error().kind,
            QStringLiteral("cannot read who is snoozed or dismissed: %1").arg(holds.error().message)};
    std::optional<QSet<qint64>> tagged;
    if (filter.tagId) {
        Result<QSet<qint64>> carriers = ContactDirectory(db).carrying(*filter.tagId);
        if (!carriers)
            return Error{carriers.error().kind,
                         QStringLiteral("cannot read who carries the tag: %1").arg(carriers.error().message)};
        tagged = std::move(*carriers);
    }
    ReachOutList list;
    for (const ScoreBoard::Entry& entry : board.entries()) {
        if (!entry.state.hasHistory() || entry.archived)
            continue;
        if (filter.ownerId && entry.ownerId.value_or(0) != *filter.ownerId)
            continue;
        if (tagged && !tagged->contains(entry.contactId))
            continue;
        RelationshipScore score = computeScore(entry.state, now, entry.context, settings);
        if (!isOverdue(score))
            continue;
        const auto hold = holds->constFind(entry.contactId);
        if (hold != holds->cend() && hold->holds(now, std::llround(entry.state.tLast * secondsPerDay))) {
            ++list.heldCount;
            continue;
        }
        list.entries.push_back({entry.contactId, score});
    }
    std::stable_sort(list.entries.begin(), list.entries.end(),
                     [](const ReachOutEntry& a, const ReachOutEntry& b) {
                         return a.score.overdueRatio > b.score.overdueRatio;
                     });
    return list;
}

} // namespace rapport
