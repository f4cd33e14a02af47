// SPDX-License-Identifier: GPL-3.0-or-later
// The demo community's introductions and acquaintances: a few connectors who brought in 10 to 30 people
// each, a sprinkling of other introductions, and people who know each other.
#pragma once

#include "core/storage/Database.h"

#include <vector>

namespace rapport {

// Writes the links among `contactIds` inside the caller's transaction; the same seed gives the same links.
Status writeDemoIntroductions(Database& db, const std::vector<qint64>& contactIds, qint64 end, quint64 seed);

} // namespace rapport
