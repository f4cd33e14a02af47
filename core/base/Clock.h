// SPDX-License-Identifier: GPL-3.0-or-later
// The one source of "now" in Rapport. Tests pin it so that scores and timestamps are reproducible.
#pragma once

#include <QDateTime>

namespace rapport {

// Every day is 86400 s in UTC, which is all Rapport counts in: stored times are Unix seconds.
inline constexpr qint64 secondsPerDay = 86400;

class Clock
{
public:
    // Seconds since the Unix epoch, UTC.
    static qint64 nowSeconds();
    static QDateTime nowUtc();

    // Makes nowSeconds() return the given instant until unpin() is called.
    static void pin(qint64 epochSeconds);
    static void unpin();
};

} // namespace rapport
