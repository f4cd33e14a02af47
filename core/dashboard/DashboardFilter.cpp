// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/DashboardFilter.h"

#include <QDateTime>

namespace rapport {

namespace {

constexpr qint64 daySeconds = 86400;

QString dateOf(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(Qt::ISODate);
}

} // namespace

int presetDays(DashboardPeriod period)
{
    switch (period) {
    case DashboardPeriod::Last30Days:
        return 30;
    case DashboardPeriod::Last90Days:
        return 90;
    case DashboardPeriod::Last365Days:
        return 365;
    case DashboardPeriod::Custom:
        break;
    }
    return 0;
}

DashboardFilter DashboardFilter::lastDays(DashboardPeriod period, qint64 now)
{
    DashboardFilter filter;
    filter.period = period;
    filter.end = now;
    // From midnight (UTC) of the first day, as a custom period with the same dates counts, so that
    // "Last 90 days" and a custom period from that date to today give the same numbers.
    const qint64 from = now - presetDays(period) * daySeconds;
    filter.start = from - from % daySeconds;
    return filter;
}

std::optional<DashboardFilter> DashboardFilter::custom(qint64 start, qint64 end)
{
    if (start >= end)
        return std::nullopt;
    DashboardFilter filter;
    filter.period = DashboardPeriod::Custom;
    filter.start = start;
    filter.end = end;
    return filter;
}

int DashboardFilter::days() const
{
    return static_cast<int>((end - start + daySeconds - 1) / daySeconds);
}

QString DashboardFilter::describe() const
{
    if (period != DashboardPeriod::Custom)
        return QStringLiteral("Last %1 days").arg(presetDays(period));
    // The end is exclusive: a period ending at midnight ends on the day before.
    return QStringLiteral("%1 \u2013 %2").arg(dateOf(start), dateOf(end - 1));
}

} // namespace rapport
