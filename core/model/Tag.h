// SPDX-License-Identifier: GPL-3.0-or-later
// A tag groups contacts into communities or segments; it may carry a prior cadence ("press": monthly).
#pragma once

#include <QString>
#include <optional>

namespace rapport {

struct Tag
{
    qint64 id = 0;
    QString name;
    std::optional<double> cadenceDays; // prior cadence for contacts carrying this tag
};

} // namespace rapport
