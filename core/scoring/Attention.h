// SPDX-License-Identifier: GPL-3.0-or-later
// Who needs attention, counted three ways, each for its own question; the README's "Who needs attention"
// says the same, and the screens that show a count say which one it is.
// - Overdue: past the usual cadence (more than 1× the usual gap since the last conversation), whatever
//   the band. Reach out and Today list these, leaving out archived contacts and those snoozed or
//   dismissed. Answers "whom should I write to?".
// - Slipping: in the Cooling or At risk band. The at-risk report and the dashboard's "moved to Cooling or
//   At risk". Answers "which relationships are getting weaker?".
// - At risk: the At risk band alone. The dashboard's At risk tile and list. Answers "which are nearly
//   lost?".
// One person can be overdue and Thriving (a weekly contact silent for ten days), or At risk and not
// overdue (rare contact, never frequent), so the three counts differ and none contains another.
#pragma once

#include "core/scoring/RelationshipScore.h"

namespace rapport {

bool isOverdue(const RelationshipScore& score);
bool isSlipping(Band band);
bool isAtRisk(Band band);

} // namespace rapport
