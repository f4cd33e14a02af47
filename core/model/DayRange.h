// SPDX-License-Identifier: GPL-3.0-or-later
// The accepted range of a number of days wherever one is entered: a contact's cadence, a tag's prior
// cadence, the scoring model's half-life and prior cadence. Ten years is longer than any relationship
// rhythm Rapport models, and the bound keeps seconds-since-epoch arithmetic far from overflow.
#pragma once

#include <QString>

namespace rapport {

inline constexpr double minimumDays = 1.0;
inline constexpr double maximumDays = 3650.0;

// Empty when `days` is a finite number in [minimumDays, maximumDays], otherwise the refusal's wording
// without the field's name, e.g. "must be a number of days from 1 to 3650".
QString dayRangeProblem(double days);

} // namespace rapport
