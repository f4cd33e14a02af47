// SPDX-License-Identifier: GPL-3.0-or-later
// The per-contact scoring state of scoring.md: decayed counters and the learned cadence, updated in
// O(1) per interaction logged in time order.
#pragma once

#include "core/base/Clock.h"
#include "core/model/Channel.h"
#include "core/scoring/ScoringSettings.h"

#include <QtGlobal>

namespace rapport {

inline constexpr int recentDirectionCapacity = 12;

struct RecentDirections
{
    int outbound = 0;
    int inbound = 0;
    int mutual = 0;
    int total() const { return outbound + inbound + mutual; }
};

struct RelationshipState
{
    double tRef = 0;   // days since the epoch at which the counters were last decayed
    double dOut = 0;   // decayed outbound count (mutual counts on both sides)
    double dIn = 0;    // decayed inbound count
    double dTouch = 0; // decayed touch-day count, weighted by channel
    double tLast = 0;  // days since the epoch of the newest interaction
    double tFirst = 0; // days since the epoch of the oldest interaction
    qint64 lastTouchDay = 0;
    // The learned cadence as if the prior E0 were 0. The cadence average is linear in E0, so the
    // cadence for any prior is cadenceBase + (1 - α)^gaps · E0: a tag's prior can change without a
    // rebuild, and each contact can have its own prior.
    double cadenceBase = 0;
    qint64 nTouch = 0;
    qint64 nOut = 0;
    qint64 nIn = 0;
    qint64 nInteractions = 0;
    quint32 recentDirections = 0; // newest in the low bits, 2 bits each, count in bits 24..27

    bool hasHistory() const { return nInteractions > 0; }
    int gapCount() const { return nTouch > 0 ? static_cast<int>(nTouch - 1) : 0; }

    // Folds in one interaction that is not older than tLast (scoring.md, "Update on a new interaction").
    void apply(qint64 occurredAtSeconds, Direction direction, double channelWeight,
               const ScoringSettings& settings);

    // The expected days between touches given the prior for this contact.
    double cadence(double priorCadenceDays, double alpha) const;

    RecentDirections recent() const;

    bool operator==(const RelationshipState&) const = default;
};

// Compares two states up to floating-point noise: the property the incremental update promises
// against a replay of the log.
bool approximatelyEqual(const RelationshipState& a, const RelationshipState& b, double tolerance = 1e-9);

} // namespace rapport
