// SPDX-License-Identifier: GPL-3.0-or-later
// Everything the relationship-health dashboard shows, as plain values computed by DashboardAggregator:
// band counts, the weekly health trend, health by owner, channel mix and reciprocity per week, trust,
// the KPI tiles, the at-risk list and the people taking part in events per week. Reports and the CSV export
// read the same values.
#pragma once

#include "core/dashboard/DashboardFilter.h"
#include "core/model/Channel.h"
#include "core/scoring/RelationshipScore.h"

#include <QString>
#include <array>
#include <optional>
#include <vector>

namespace rapport {

using BandCounts = std::array<int, bandCount>; // indexed by Band

// The scores of the filtered contacts at one moment.
struct HealthPoint
{
    qint64 at = 0;      // seconds since the epoch
    BandCounts bands{}; // No history included
    int scored = 0;     // contacts with history at `at`
    std::optional<double> averageScore;
};

struct OwnerHealth
{
    qint64 ownerId = 0; // 0: nobody owns these contacts
    QString name;
    BandCounts bands{};
    int scored = 0;
    std::optional<double> averageScore;
};

// Interactions in one calendar week (Monday 00:00 UTC), clipped to the period.
struct WeekActivity
{
    qint64 weekStart = 0;
    std::array<qint64, channelCount> channels{};     // indexed by Channel
    std::array<qint64, directionCount> directions{}; // indexed by Direction
    qint64 total() const
    {
        qint64 sum = 0;
        for (const qint64 n : directions)
            sum += n;
        return sum;
    }
};

// People who took part in events in one calendar week (Monday 00:00 UTC) of the period.
struct WeekParticipation
{
    qint64 weekStart = 0;
    int firstTimers = 0; // this week held the first event they took part in
    int returning = 0;   // they had taken part in an event before
    int total() const { return firstTimers + returning; }
};

struct TrustSummary
{
    std::array<int, 5> levels{}; // contacts whose latest trust level is 1..5
    int withoutLevel = 0;
    int commitmentsKept = 0; // notes of that kind in the period
    int commitmentsBroken = 0;
};

struct DashboardKpis
{
    int activeRelationships = 0; // contacts with a conversation in the period
    std::optional<double> averageScore;
    // Δ30 and the moves compare with `comparedWith`: 30 days before the end, or with the past-health cache
    // the newest week end at or before that (HealthHistory::comparisonWeekEnd).
    qint64 comparedWith = 0;
    std::optional<double> averageScoreDelta30; // average now minus average at comparedWith
    int movedToCooling = 0;                    // Cooling now, healthier at comparedWith
    int movedToAtRisk = 0;                     // At risk now, not At risk (but with history) at comparedWith
    qint64 conversations = 0;                  // interactions logged in the period
    // The median share of messages from them (inbound over inbound + outbound, mutual on both sides,
    // recency-weighted like the score) across contacts with history: 0.5 means as much listening as speaking.
    std::optional<double> medianResponseBalance;
};

// One contact of a band, with what its explanation sentence needs.
struct BandContact
{
    qint64 contactId = 0;
    QString name;
    QString owner;
    RelationshipScore score;
    std::optional<double> delta30;
    QString explanation;
};

// The contacts of one band for a filter, most overdue first.
struct BandContacts
{
    Band band = Band::AtRisk;
    std::vector<BandContact> contacts; // at most DashboardAggregator::listLimit
    int total = 0;
};

struct DashboardData
{
    DashboardFilter filter;
    int contacts = 0; // active (not archived) contacts the filter keeps
    BandCounts bands{};
    std::vector<HealthPoint> trend; // the end of each week in the period, oldest first; the last is `end`
    std::vector<OwnerHealth> owners;
    std::vector<WeekActivity> weeks;
    int oneSided = 0;    // contacts with at least 3 recent messages, all from one side
    int withHistory = 0; // contacts with at least one conversation
    double oneSidedShare() const { return withHistory > 0 ? double(oneSided) / withHistory : 0.0; }
    TrustSummary trust;
    DashboardKpis kpis;
    std::vector<BandContact> atRisk; // most overdue first, at most DashboardAggregator::listLimit
    int atRiskTotal = 0;
    std::vector<WeekParticipation> participation; // every week of the period, oldest first
};

} // namespace rapport
