// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/TodayPlan.h"

#include "core/base/Clock.h"
#include "core/scoring/Attention.h"
#include "core/scoring/ScoreCalculator.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace rapport {

namespace {

// How far a band is from Thriving for "does it drop": New sits with Steady.
int bandRank(Band band)
{
    switch (band) {
    case Band::Thriving:
        return 0;
    case Band::Steady:
    case Band::New:
        return 1;
    case Band::Cooling:
        return 2;
    case Band::AtRisk:
        return 3;
    case Band::NoHistory:
        break;
    }
    return 4;
}

constexpr int slipHorizonDays = 7;
constexpr double pointsPerDayBeforeSlip = 4;
constexpr double largestSlipBonus = slipHorizonDays * pointsPerDayBeforeSlip;

// A contact considered for a list, light enough to sort by the tens of thousands.
struct Candidate
{
    const ScoreBoard::Entry* entry = nullptr;
    RelationshipScore score;
    double gain = 0;
};

qint64 endOfLocalDay(qint64 now)
{
    const QDate today = QDateTime::fromSecsSinceEpoch(now).date();
    return QDateTime(today.addDays(1), QTime(0, 0)).toSecsSinceEpoch();
}

// The first day within the horizon on which the band drops without a touch, if any. At risk cannot drop.
std::optional<int> slipDay(const Candidate& candidate, qint64 now, const ScoringSettings& settings,
                           Band& droppedTo)
{
    const int rankNow = bandRank(candidate.score.band);
    if (candidate.score.band == Band::AtRisk)
        return std::nullopt;
    for (int day = 1; day <= slipHorizonDays; ++day) {
        const RelationshipScore later = computeScore(candidate.entry->state, now + day * secondsPerDay,
                                                     candidate.entry->context, settings);
        if (bandRank(later.band) > rankNow) {
            droppedTo = later.band;
            return day;
        }
    }
    return std::nullopt;
}

bool higherPriority(const ReachOutSuggestion& a, const ReachOutSuggestion& b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    return a.contactId < b.contactId;
}

// Keeps the `limit` best of `candidates`. Only those that can still reach the list are looked at day by
// day: a slip adds at most largestSlipBonus, so a candidate whose gain plus that stays below the
// limit-th best gain cannot.
std::vector<ReachOutSuggestion> choose(std::vector<Candidate>& candidates, int limit, qint64 now,
                                       const ScoringSettings& settings)
{
    const size_t places = std::min(candidates.size(), static_cast<size_t>(limit));
    if (places == 0)
        return {};
    const auto byGain = [](const Candidate& a, const Candidate& b) {
        if (a.gain != b.gain)
            return a.gain > b.gain;
        return a.entry->contactId < b.entry->contactId;
    };
    std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(places - 1),
                     candidates.end(), byGain);
    const double threshold = candidates[places - 1].gain;
    std::vector<ReachOutSuggestion> chosen;
    for (const Candidate& candidate : candidates) {
        if (candidate.gain + largestSlipBonus < threshold)
            continue;
        ReachOutSuggestion suggestion;
        suggestion.contactId = candidate.entry->contactId;
        suggestion.score = candidate.score;
        suggestion.gain = candidate.gain;
        suggestion.priority = candidate.gain;
        Band droppedTo = Band::AtRisk;
        if (const std::optional<int> day = slipDay(candidate, now, settings, droppedTo)) {
            suggestion.slipsTo = droppedTo;
            suggestion.slipsInDays = *day;
            suggestion.priority += (slipHorizonDays + 1 - *day) * pointsPerDayBeforeSlip;
        }
        chosen.push_back(std::move(suggestion));
    }
    std::sort(chosen.begin(), chosen.end(), higherPriority);
    if (chosen.size() > places)
        chosen.resize(places);
    return chosen;
}

Status describe(Database& db, std::vector<ReachOutSuggestion>& suggestions)
{
    ContactRepository contacts(db);
    TeamMemberRepository members(db);
    QHash<qint64, QString> ownerNames;
    for (ReachOutSuggestion& suggestion : suggestions) {
        const Result<Contact> contact = contacts.get(suggestion.contactId);
        if (!contact)
            return contact.error();
        suggestion.name = contact->effectiveDisplayName();
        if (contact->ownerId) {
            if (!ownerNames.contains(*contact->ownerId)) {
                const Result<TeamMember> owner = members.get(*contact->ownerId);
                if (!owner)
                    return owner.error();
                ownerNames.insert(*contact->ownerId, owner->name);
            }
            suggestion.ownerName = ownerNames.value(*contact->ownerId);
        }
        suggestion.reason = suggestionReason(suggestion);
    }
    return {};
}

} // namespace

Result<TodayPlan> planToday(Database& db, const ScoreBoard& board, const ScoringSettings& settings,
                            const TodayOptions& options)
{
    Transaction snapshot(db, TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    TodayPlan plan;
    FollowUpFilter dueToday;
    dueToday.ownerId = options.ownerId;
    dueToday.dueBefore = endOfLocalDay(options.now);
    Result<QList<ListedFollowUp>> due = FollowUpRepository(db).listOpen(dueToday);
    if (!due)
        return due.error();
    plan.due = std::move(*due);
    QSet<qint64> withFollowUpDue;
    for (const ListedFollowUp& listed : std::as_const(plan.due))
        withFollowUpDue.insert(listed.followUp.contactId);

    const Result<QHash<qint64, ReachOutHold>> holds = ReachOutHoldRepository(db).all();
    if (!holds)
        return holds.error();

    const double touchWeight = settings.channelWeight(Channel::Email);
    std::vector<Candidate> overdue;
    std::vector<Candidate> silent;
    for (const ScoreBoard::Entry& entry : board.entries()) {
        if (!entry.state.hasHistory() || entry.archived || withFollowUpDue.contains(entry.contactId))
            continue;
        if (options.ownerId && entry.ownerId != options.ownerId)
            continue;
        Candidate candidate{&entry, computeScore(entry.state, options.now, entry.context, settings), 0};
        if (!isOverdue(candidate.score))
            continue;
        const auto hold = holds->constFind(entry.contactId);
        const qint64 lastContactAt = std::llround(entry.state.tLast * secondsPerDay);
        if (hold != holds->cend() && hold->holds(options.now, lastContactAt)) {
            ++plan.heldCount;
            continue;
        }
        ++plan.overdueCount;
        RelationshipState touched = entry.state;
        touched.apply(options.now, Direction::Outbound, touchWeight, settings);
        candidate.gain =
            computeScore(touched, options.now, entry.context, settings).score - candidate.score.score;
        (candidate.score.daysSinceLast > rekindleAfterDays ? silent : overdue).push_back(candidate);
    }
    plan.reachOut = choose(overdue, options.limit, options.now, settings);
    plan.rekindle = choose(silent, options.limit, options.now, settings);
    if (Status described = describe(db, plan.reachOut); !described)
        return described.error();
    if (Status described = describe(db, plan.rekindle); !described)
        return described.error();
    return plan;
}

QString suggestionReason(const ReachOutSuggestion& suggestion)
{
    const RelationshipScore& score = suggestion.score;
    const long before = std::lround(score.score);
    const long after = std::lround(score.score + suggestion.gain);
    QString reason = after > before ? QStringLiteral("A touch now adds %1 points (%2 → %3)")
                                          .arg(after - before)
                                          .arg(before)
                                          .arg(after)
                                    : QStringLiteral("Overdue %1× its usual cadence; score %2")
                                          .arg(score.overdueRatio, 0, 'f', 1)
                                          .arg(before);
    if (suggestion.slipsTo)
        reason +=
            QStringLiteral("; without one it slips to %1 %2")
                .arg(bandName(*suggestion.slipsTo),
                     suggestion.slipsInDays == 1 ? QStringLiteral("tomorrow")
                                                 : QStringLiteral("in %1 days").arg(suggestion.slipsInDays));
    const long silentDays = std::lround(score.daysSinceLast);
    if (silentDays > rekindleAfterDays)
        reason += QStringLiteral(". Silent for %1 days, usually every ~%2 days.")
                      .arg(silentDays)
                      .arg(std::lround(score.cadenceDays));
    else
        reason += QStringLiteral(". Last contact %1 days ago, usually every ~%2 days.")
                      .arg(silentDays)
                      .arg(std::lround(score.cadenceDays));
    return reason;
}

} // namespace rapport
