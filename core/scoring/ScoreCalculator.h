// SPDX-License-Identifier: GPL-3.0-or-later
// Reads a score from a relationship state at a moment `now` (scoring.md, "Reading a score"), and
// words the explanation sentence. Pure functions: no database, no clock.
#pragma once

#include "core/scoring/RelationshipScore.h"
#include "core/scoring/RelationshipState.h"
#include "core/scoring/ScoringSettings.h"

#include <optional>

namespace rapport {

// What a contact contributes to its own score besides its log.
struct ScoreContext
{
    std::optional<double> cadenceTargetDays; // the contact's explicit target wins
    std::optional<double> tagPriorDays;      // else the most specific tag's prior replaces E0
    std::optional<int> trustLevel;           // latest trust level 1..5
};

RelationshipScore computeScore(const RelationshipState& state, qint64 nowSeconds, const ScoreContext& context,
                               const ScoringSettings& settings);

// "Last contact 41 days ago; usually every ~14 days (2.9× overdue). 9 of the last 12 messages were from
// you. Score 54 (−23 vs 30 days ago). Biggest drag: recency."
QString explainScore(const RelationshipScore& score, std::optional<double> delta30);

// A score change rounded to whole points with its sign: "+4", "−23", "±0".
QString formatScoreDelta(double delta);

} // namespace rapport
