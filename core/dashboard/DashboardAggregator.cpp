// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/DashboardAggregator.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/dashboard/EventParticipation.h"
#include "core/dashboard/HealthHistory.h"
#include "core/scoring/Attention.h"
#include "core/scoring/LogReplay.h"
#include "core/scoring/ScoreCalculator.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TeamMemberRepository.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <map>

namespace rapport {

namespace {

constexpr qint64 daySeconds = 86400;
constexpr qint64 weekSeconds = 7 * daySeconds;

qint64 lastInteractionSeconds(const RelationshipState& state)
{
    return std::llround(state.tLast * secondsPerDay);
}

// Each selected contact's state at each moment: the current state where nothing was logged after the
// moment, a replay of the log up to it otherwise.
class StatesAt
{
public:
    static Result<StatesAt> build(Database& db, const ScoringSettings& settings,
                                  const std::vector<const ScoreBoard::Entry*>& entries,
                                  const QList<qint64>& moments)
    {
        StatesAt states;
        states.m_replayIndex.assign(entries.size(), -1);
        std::vector<qint64> replayIds;
        for (size_t i = 0; i < entries.size(); ++i) {
            const RelationshipState& state = entries[i]->state;
            if (state.hasHistory() && lastInteractionSeconds(state) > moments.constFirst()) {
                states.m_replayIndex[i] = static_cast<int>(replayIds.size());
                replayIds.push_back(entries[i]->contactId);
            }
        }
        if (!replayIds.empty()) {
            Result<std::vector<std::vector<RelationshipState>>> replayed =
                LogReplay(db, settings).contactsStatesAt(replayIds, moments);
            if (!replayed)
                return replayed.error();
            states.m_replayed = std::move(replayed).value();
        }
        states.m_entries = entries;
        return states;
    }

    const RelationshipState& at(size_t contact, qsizetype moment) const
    {
        const int replay = m_replayIndex[contact];
        return replay < 0 ? m_entries[contact]->state
                          : m_replayed[static_cast<size_t>(replay)][static_cast<size_t>(moment)];
    }

private:
    std::vector<const ScoreBoard::Entry*> m_entries;
    std::vector<int> m_replayIndex;
    std::vector<std::vector<RelationshipState>> m_replayed;
};

std::optional<double> average(double sum, int count)
{
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

// At least three recent messages, and none of them from one of the sides (a meeting counts for both).
bool oneSided(const RelationshipScore& score)
{
    if (score.recentOutbound + score.recentInbound + score.recentMutual < 3)
        return false;
    return score.recentMutual == 0 && (score.recentOutbound == 0 || score.recentInbound == 0);
}

std::optional<double> median(std::vector<double> values)
{
    if (values.empty())
        return std::nullopt;
    const size_t middle = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
    if (values.size() % 2 == 1)
        return values[middle];
    const double upper = values[middle];
    const double lower =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
    return (lower + upper) / 2;
}

// A contact's band and score at the comparison moment: all that Δ30 and the moves need.
struct Earlier
{
    bool hasHistory = false;
    Band band = Band::NoHistory;
    double score = 0;
};

// What compute() and contactsInBand() need from before `at`.
struct Past
{
    StatesAt states;       // each contact's state at `at` (and, on the exact path, at the other moments)
    qsizetype atIndex = 0; // `at` among the states' moments
    std::vector<HealthPoint> trend; // the week ends inside the period, before `at`
    qint64 comparedWith = 0;        // the moment of `earlier`
    std::vector<Earlier> earlier;   // per contact, at comparedWith
};

// The selected contacts' past, from the health cache when it is fresh and reaches back far enough, by
// an exact replay otherwise; `withTrend` adds the week ends of the period.
Result<Past> pastOf(Database& db, const ScoringSettings& settings, const DashboardFilter& filter, qint64 at,
                    const std::vector<const ScoreBoard::Entry*>& entries, bool withTrend)
{
    Past past;
    const qint64 monthAgo = at - 30 * daySeconds;
    const HealthHistory history(db);
    const Result<bool> fresh = history.isFresh(at);
    if (!fresh)
        return fresh.error();
    const qint64 oldest = HealthHistory::firstStoredWeekEnd(HealthHistory::lastClosedWeekEnd(at));
    if (*fresh && (!withTrend || filter.start >= oldest - weekSeconds)) {
        // From the cache: only contacts with interactions after `at` (a period that ended) are replayed.
        past.comparedWith = HealthHistory::comparisonWeekEnd(at);
        if (withTrend) {
            Result<std::vector<HealthPoint>> trend = history.trend(filter, filter.start, at);
            if (!trend)
                return trend.error();
            past.trend = std::move(trend).value();
        }
        Result<std::vector<PastScore>> scores = history.scoresAt(past.comparedWith);
        if (!scores)
            return scores.error();
        Result<StatesAt> states = StatesAt::build(db, settings, entries, {at});
        if (!states)
            return states.error();
        past.states = std::move(states).value();
        past.atIndex = 0;
        past.earlier.resize(entries.size());
        auto score = scores->cbegin();
        for (size_t i = 0; i < entries.size(); ++i) {
            while (score != scores->cend() && score->contactId < entries[i]->contactId)
                ++score;
            if (score != scores->cend() && score->contactId == entries[i]->contactId)
                past.earlier[i] = {true, score->band, score->score};
        }
        return past;
    }

    // Exact replay: the cache is stale, or the period reaches further back than it does.
    past.comparedWith = monthAgo;
    QList<qint64> moments;
    if (withTrend) {
        for (qint64 week = ActivityRollup::weekStart(filter.start) + weekSeconds; week < at;
             week += weekSeconds) {
            if (week > filter.start)
                moments << week;
        }
    }
    // Sorted, as contactsStatesAt sorts its cutoffs: the week ends, then `at`, with monthAgo in between.
    QList<qint64> sorted = moments;
    sorted << at << monthAgo;
    std::sort(sorted.begin(), sorted.end());
    const auto position = [&](qint64 moment) {
        return std::lower_bound(sorted.begin(), sorted.end(), moment) - sorted.begin();
    };
    Result<StatesAt> states = StatesAt::build(db, settings, entries, sorted);
    if (!states)
        return states.error();
    past.states = std::move(states).value();
    past.atIndex = position(at);
    const qsizetype monthAgoIndex = position(monthAgo);
    std::vector<qsizetype> pointIndex;
    for (const qint64 moment : std::as_const(moments))
        pointIndex.push_back(position(moment));
    std::vector<double> sums(static_cast<size_t>(moments.size()), 0.0);
    past.trend.resize(static_cast<size_t>(moments.size()));
    past.earlier.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
        const ScoreBoard::Entry& entry = *entries[i];
        for (qsizetype point = 0; point < moments.size(); ++point) {
            const RelationshipScore score =
                computeScore(past.states.at(i, pointIndex[static_cast<size_t>(point)]), moments[point],
                             entry.context, settings);
            HealthPoint& health = past.trend[static_cast<size_t>(point)];
            ++health.bands[static_cast<size_t>(score.band)];
            if (score.hasHistory) {
                ++health.scored;
                sums[static_cast<size_t>(point)] += score.score;
            }
        }
        const RelationshipScore earlier =
            computeScore(past.states.at(i, monthAgoIndex), monthAgo, entry.context, settings);
        past.earlier.push_back({earlier.hasHistory, earlier.band, earlier.score});
    }
    for (qsizetype point = 0; point < moments.size(); ++point) {
        HealthPoint& health = past.trend[static_cast<size_t>(point)];
        health.at = moments[point];
        health.averageScore = average(sums[static_cast<size_t>(point)], health.scored);
    }
    return past;
}

} // namespace

std::vector<DashboardAggregator::Selected> DashboardAggregator::select(const DashboardFilter& filter) const
{
    std::vector<Selected> selected;
    const std::vector<ContactIndexEntry>& groups = m_groups.entries();
    auto group = groups.begin();
    for (const ScoreBoard::Entry& entry : m_board.entries()) {
        while (group != groups.end() && group->id < entry.contactId)
            ++group;
        if (group == groups.end())
            break;
        if (group->id == entry.contactId && m_groups.keeps(*group, filter))
            selected.push_back({&entry, &*group});
    }
    return selected;
}

Result<DashboardData> DashboardAggregator::compute(const DashboardFilter& filter, qint64 now) const
{
    DashboardData data;
    data.filter = filter;
    const qint64 at = std::min(filter.end, now);

    const std::vector<Selected> selected = select(filter);
    std::vector<const ScoreBoard::Entry*> entries;
    entries.reserve(selected.size());
    for (const Selected& contact : selected)
        entries.push_back(contact.score);
    Result<Past> past = pastOf(m_db, m_settings, filter, at, entries, true);
    if (!past)
        return past.error();

    data.contacts = static_cast<int>(selected.size());
    data.kpis.comparedWith = past->comparedWith;
    data.trend = std::move(past->trend);
    HealthPoint& last = data.trend.emplace_back();
    last.at = at;
    double lastSum = 0;
    std::map<qint64, std::pair<OwnerHealth, double>> owners; // with their score sums
    double earlierSum = 0;
    int earlierScored = 0;
    std::vector<double> balances;
    std::vector<BandContact> atRisk;

    for (size_t i = 0; i < selected.size(); ++i) {
        const ScoreBoard::Entry& entry = *selected[i].score;
        const RelationshipState& state = past->states.at(i, past->atIndex);
        const RelationshipScore score = computeScore(state, at, entry.context, m_settings);
        ++last.bands[static_cast<size_t>(score.band)];
        if (score.hasHistory) {
            ++last.scored;
            lastSum += score.score;
        }

        const Earlier& earlier = past->earlier[i];
        if (earlier.hasHistory) {
            ++earlierScored;
            earlierSum += earlier.score;
        }
        if (score.band == Band::Cooling && earlier.hasHistory && !isSlipping(earlier.band))
            ++data.kpis.movedToCooling;
        if (isAtRisk(score.band) && earlier.hasHistory && !isAtRisk(earlier.band))
            ++data.kpis.movedToAtRisk;

        auto& [owner, ownerSum] = owners[selected[i].group->ownerId];
        owner.ownerId = selected[i].group->ownerId;
        ++owner.bands[static_cast<size_t>(score.band)];
        const std::optional<int> level = entry.context.trustLevel;
        if (level && *level >= 1 && *level <= 5)
            ++data.trust.levels[static_cast<size_t>(*level - 1)];
        else
            ++data.trust.withoutLevel;
        if (!score.hasHistory)
            continue;
        ++owner.scored;
        ownerSum += score.score;
        ++data.withHistory;
        if (oneSided(score))
            ++data.oneSided;
        if (lastInteractionSeconds(state) >= filter.start)
            ++data.kpis.activeRelationships;
        if (state.dOut + state.dIn > 0)
            balances.push_back(state.dIn / (state.dOut + state.dIn));
        if (isAtRisk(score.band)) {
            BandContact& row = atRisk.emplace_back();
            row.contactId = entry.contactId;
            row.score = score;
            if (earlier.hasHistory)
                row.delta30 = score.score - earlier.score;
        }
    }

    last.averageScore = average(lastSum, last.scored);
    data.bands = last.bands;
    data.kpis.averageScore = last.averageScore;
    const std::optional<double> earlierAverage = average(earlierSum, earlierScored);
    if (last.averageScore && earlierAverage)
        data.kpis.averageScoreDelta30 = *last.averageScore - *earlierAverage;
    data.kpis.medianResponseBalance = median(std::move(balances));

    const Result<QList<TeamMember>> members = TeamMemberRepository(m_db).list();
    if (!members)
        return members.error();
    QHash<qint64, QString> names;
    for (const TeamMember& member : *members)
        names.insert(member.id, member.name);
    for (auto& [id, owner] : owners) {
        owner.first.name = id == 0 ? QStringLiteral("Nobody") : names.value(id); // as the owner boxes say
        owner.first.averageScore = average(owner.second, owner.first.scored);
        data.owners.push_back(owner.first);
    }

    data.atRiskTotal = static_cast<int>(atRisk.size());
    if (Status described = describe(atRisk); !described)
        return described.error();
    data.atRisk = std::move(atRisk);

    Result<std::vector<WeekActivity>> weeks = ActivityRollup(m_db).weeks(filter);
    if (!weeks)
        return weeks.error();
    data.weeks = std::move(weeks).value();
    for (const WeekActivity& week : data.weeks)
        data.kpis.conversations += week.total();
    if (Status trust = countTrustNotes(filter, data.trust); !trust)
        return trust.error();
    Result<std::vector<WeekParticipation>> participation = EventParticipation(m_db, m_groups).weeks(filter);
    if (!participation)
        return participation.error();
    data.participation = std::move(participation).value();
    return data;
}

Result<BandContacts> DashboardAggregator::contactsInBand(const DashboardFilter& filter, Band band,
                                                         qint64 now) const
{
    const qint64 at = std::min(filter.end, now);
    const std::vector<Selected> selected = select(filter);
    std::vector<const ScoreBoard::Entry*> entries;
    entries.reserve(selected.size());
    for (const Selected& contact : selected)
        entries.push_back(contact.score);
    const Result<Past> past = pastOf(m_db, m_settings, filter, at, entries, false);
    if (!past)
        return past.error();
    BandContacts result;
    result.band = band;
    for (size_t i = 0; i < entries.size(); ++i) {
        const RelationshipScore score =
            computeScore(past->states.at(i, past->atIndex), at, entries[i]->context, m_settings);
        if (score.band != band)
            continue;
        BandContact& row = result.contacts.emplace_back();
        row.contactId = entries[i]->contactId;
        row.score = score;
        const Earlier& earlier = past->earlier[i];
        if (score.hasHistory && earlier.hasHistory)
            row.delta30 = score.score - earlier.score;
    }
    result.total = static_cast<int>(result.contacts.size());
    if (Status described = describe(result.contacts); !described)
        return described.error();
    return result;
}

Status DashboardAggregator::countTrustNotes(const DashboardFilter& filter, TrustSummary& trust) const
{
    std::string sql = "SELECT n.kind, count(*) FROM trust_notes n";
    if (filter.ownerId)
        sql += " JOIN contacts c ON c.id = n.contact_id AND coalesce(c.owner_id, 0) = ?3";
    if (filter.tagId)
        sql += " JOIN contact_tags ct ON ct.contact_id = n.contact_id AND ct.tag_id = ?4";
    sql += " WHERE n.created_at >= ?1 AND n.created_at < ?2"
           " AND (n.kind = 'commitment_kept' OR n.kind = 'commitment_broken') GROUP BY n.kind";
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, filter.start);
    rows.bind(2, filter.end);
    if (filter.ownerId)
        rows.bind(3, *filter.ownerId);
    if (filter.tagId)
        rows.bind(4, *filter.tagId);
    while (rows.step()) {
        const QByteArrayView kind = rows.columnView(0);
        (kind == QByteArrayView("commitment_kept") ? trust.commitmentsKept : trust.commitmentsBroken) =
            static_cast<int>(rows.columnInt64(1));
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    return {};
}

Status DashboardAggregator::describe(std::vector<BandContact>& rows) const
{
    const auto moreOverdue = [](const BandContact& a, const BandContact& b) {
        if (a.score.overdueRatio != b.score.overdueRatio)
            return a.score.overdueRatio > b.score.overdueRatio;
        return a.contactId < b.contactId;
    };
    const auto kept = std::min<size_t>(rows.size(), listLimit);
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(kept), rows.end(),
                      moreOverdue);
    rows.resize(kept);
    QList<qint64> ids;
    for (const BandContact& row : rows)
        ids << row.contactId;
    const Result<QHash<qint64, ContactRow>> contacts = ContactDirectory(m_db).rows(ids);
    if (!contacts)
        return contacts.error();
    for (BandContact& row : rows) {
        const ContactRow contact = contacts->value(row.contactId);
        row.name = contact.name;
        row.owner = contact.owner;
        row.explanation = explainScore(row.score, row.delta30);
    }
    return {};
}

} // namespace rapport
