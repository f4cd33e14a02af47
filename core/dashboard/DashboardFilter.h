// SPDX-License-Identifier: GPL-3.0-or-later
// Which relationships and which stretch of time the dashboard looks at: one owner or all, one tag or
// all, and a period given by a preset (the last 30, 90 or 365 days) or custom bounds.
#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

namespace rapport {

enum class DashboardPeriod
{
    Last30Days,
    Last90Days,
    Last365Days,
    Custom
};

struct DashboardFilter
{
    std::optional<qint64> ownerId; // none: every owner; 0: contacts nobody owns
    std::optional<qint64> tagId;   // none: every contact, tagged or not
    DashboardPeriod period = DashboardPeriod::Last90Days;
    qint64 start = 0; // seconds since the epoch, UTC, inclusive
    qint64 end = 0;   // exclusive; also the moment scores are read at

    // The last `days` days up to `now`.
    static DashboardFilter lastDays(DashboardPeriod period, qint64 now);
    // [start, end); refused unless start < end.
    static std::optional<DashboardFilter> custom(qint64 start, qint64 end);

    bool matchesOwner(qint64 contactOwnerId) const { return !ownerId || *ownerId == contactOwnerId; }
    int days() const;
    // "Last 90 days", "2026-01-01 – 2026-03-31".
    QString describe() const;

    bool operator==(const DashboardFilter&) const = default;
};

// The number of days of a preset; 0 for Custom.
int presetDays(DashboardPeriod period);

} // namespace rapport
