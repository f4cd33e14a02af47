// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/RelationshipState.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace rapport {

namespace {
constexpr quint32 directionMask = (1u << (2 * recentDirectionCapacity)) - 1;
constexpr int countShift = 2 * recentDirectionCapacity;

qint64 dayOf(qint64 seconds)
{
    // Floor division, so times before 1970 still land on the right UTC day.
    return seconds >= 0 ? seconds / secondsPerDay : -((-seconds + secondsPerDay - 1) / secondsPerDay);
}
} // namespace

void RelationshipState::apply(qint64 occurredAtSeconds, Direction direction, double channelWeight,
                              const ScoringSettings& settings)
{
    const double t = static_cast<double>(occurredAtSeconds) / secondsPerDay;
    if (nInteractions == 0) {
        tRef = t;
        tFirst = t;
    }
    const double decay = std::exp2(-(t - tRef) / settings.halfLifeDays);
    dOut *= decay;
    dIn *= decay;
    dTouch *= decay;
    tRef = t;

    switch (direction) {
    case Direction::Outbound:
        dOut += 1;
        ++nOut;
        break;
    case Direction::Inbound:
        dIn += 1;
        ++nIn;
        break;
    case Direction::Mutual:
        dOut += 1;
        dIn += 1;
        ++nOut;
        ++nIn;
        break;
    }

    const qint64 day = dayOf(occurredAtSeconds);
    if (nTouch == 0 || day != lastTouchDay) {
        dTouch += channelWeight;
        if (nTouch > 0) {
            const double gap = std::clamp(static_cast<double>(day - lastTouchDay), 1.0, 365.0);
            cadenceBase += settings.cadenceAlpha * (gap - cadenceBase);
        }
        lastTouchDay = day;
        ++nTouch;
    }

    tLast = t;
    ++nInteractions;
    const quint32 count = std::min<quint32>((recentDirections >> countShift) + 1, recentDirectionCapacity);
    const quint32 directions = ((recentDirections << 2) | static_cast<quint32>(direction)) & directionMask;
    recentDirections = directions | (count << countShift);
}

double RelationshipState::cadence(double priorCadenceDays, double alpha) const
{
    // (1 − α)^gaps by squaring: std::pow was a fifth of the time of reading all 100k scores.
    double weight = 1.0;
    double factor = 1.0 - alpha;
    for (qint64 gaps = gapCount(); gaps > 0 && weight != 0.0; gaps >>= 1) {
        if (gaps & 1)
            weight *= factor;
        factor *= factor;
    }
    return cadenceBase + weight * priorCadenceDays;
}

RecentDirections RelationshipState::recent() const
{
    // Two bits a direction (0 outbound, 1 inbound, 2 or 3 mutual): counted with popcounts, not a loop.
    const quint32 count = recentDirections >> countShift;
    const quint32 used = count >= 16 ? ~0u : (1u << (2 * count)) - 1;
    const quint32 directions = recentDirections & used;
    constexpr quint32 lowBits = 0x55555555u;
    const quint32 low = directions & lowBits;
    const quint32 high = (directions >> 1) & lowBits;
    RecentDirections result;
    result.mutual = std::popcount(high);
    result.inbound = std::popcount(low & ~high);
    result.outbound = static_cast<int>(count) - result.mutual - result.inbound;
    return result;
}

bool approximatelyEqual(const RelationshipState& a, const RelationshipState& b, double tolerance)
{
    auto close = [tolerance](double x, double y) {
        return std::abs(x - y) <= tolerance * std::max({1.0, std::abs(x), std::abs(y)});
    };
    return close(a.tRef, b.tRef) && close(a.dOut, b.dOut) && close(a.dIn, b.dIn) &&
           close(a.dTouch, b.dTouch) && close(a.tLast, b.tLast) && close(a.tFirst, b.tFirst) &&
           a.lastTouchDay == b.lastTouchDay && close(a.cadenceBase, b.cadenceBase) && a.nTouch == b.nTouch &&
           a.nOut == b.nOut && a.nIn == b.nIn && a.nInteractions == b.nInteractions &&
           a.recentDirections == b.recentDirections;
}

} // namespace rapport
