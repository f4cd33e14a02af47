// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/DayRange.h"

#include <cmath>

namespace rapport {

QString dayRangeProblem(double days)
{
    if (std::isfinite(days) && days >= minimumDays && days <= maximumDays)
        return {};
    return QStringLiteral("must be a number of days from %1 to %2").arg(minimumDays).arg(maximumDays);
}

} // namespace rapport
