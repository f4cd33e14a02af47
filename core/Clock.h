// The one source of "now" in Rapport. Tests pin it so that scores and timestamps are reproducible.
#pragma once

#include <QDateTime>

namespace rapport {

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
