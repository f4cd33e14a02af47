// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/Clock.h"

#include <atomic>
#include <limits>

namespace rapport {

namespace {
constexpr qint64 notPinned = std::numeric_limits<qint64>::min();
std::atomic<qint64> pinnedSeconds{notPinned};
} // namespace

qint64 Clock::nowSeconds()
{
    const qint64 pinned = pinnedSeconds.load(std::memory_order_relaxed);
    if (pinned != notPinned)
        return pinned;
    return QDateTime::currentSecsSinceEpoch();
}

QDateTime Clock::nowUtc()
{
    return QDateTime::fromSecsSinceEpoch(nowSeconds(), Qt::UTC);
}

void Clock::pin(qint64 epochSeconds)
{
    pinnedSeconds.store(epochSeconds, std::memory_order_relaxed);
}

void Clock::unpin()
{
    pinnedSeconds.store(notPinned, std::memory_order_relaxed);
}

} // namespace rapport
