// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's follow-ups: reach-outs and promises (ours and theirs) about people the community was recently
// in touch with, a few overdue, a few due today and most in the coming weeks, so that Today, the contact
// page and the calendar export show something on --demo.
#pragma once

#include "core/storage/Database.h"

#include <utility>
#include <vector>

namespace rapport {

// `activeSpans[i]` is the first and last conversation of `contactIds[i]`; `end` is the demo's "now". Its
// own random sequence from `seed`, so the rest of the demo is the same with or without it.
Result<qint64> addDemoFollowUps(Database& db, const std::vector<qint64>& contactIds,
                                const std::vector<std::pair<qint64, qint64>>& activeSpans,
                                const std::vector<qint64>& memberIds, qint64 end, quint64 seed);

} // namespace rapport
