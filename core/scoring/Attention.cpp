// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/Attention.h"

namespace rapport {

bool isOverdue(const RelationshipScore& score)
{
    return score.hasHistory && score.overdueRatio > 1.0;
}

bool isSlipping(Band band)
{
    return band == Band::Cooling || band == Band::AtRisk;
}

bool isAtRisk(Band band)
{
    return band == Band::AtRisk;
}

} // namespace rapport
