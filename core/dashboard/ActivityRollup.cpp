// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/ActivityRollup.h"

#include "core/storage/SqliteStatement.h"

#include <algorithm>

namespace rapport {

namespace {

constexpr qint64 weekSeconds = 7 * 86400;
// The epoch fell on a Thursday; the Monday before it is 4 days earlier (same rule as the schema's).
constexpr qint64 mondayOffset = 4 * 86400;

// Adds (sign 1) or subtracts (-1) one (channel, direction, count) row; false when the stored keys are
// unknown.
bool addRow(const SqliteStatement& row, int column, WeekActivity& week, int sign = 1)
{
    const std::optional<Channel> channel = channelFromKey(row.columnUtf8(column));
    const std::optional<Direction> direction = directionFromKey(row.columnUtf8(column + 1));
    if (!channel || !direction)
        return false;
    const qint64 n = sign * row.columnInt64(column + 2);
    week.channels[static_cast<size_t>(*channel)] += n;
    week.directions[static_cast<size_t>(*direction)] += n;
    return true;
}

Error unknownKey(const SqliteStatement& row, int column)
{
    return Error::database(QStringLiteral("activity: unknown channel '%1' or direction '%2'")
                               .arg(row.columnText(column), row.columnText(column + 1)));
}

} // namespace

qint64 ActivityRollup::weekStart(qint64 moment)
{
    const qint64 sinceMonday = moment - mondayOffset;
    const qint64 remainder = ((sinceMonday % weekSeconds) + weekSeconds) % weekSeconds;
    return moment - remainder;
}

Result<std::vector<WeekActivity>> ActivityRollup::weeks(const DashboardFilter& filter) const
{
    std::vector<WeekActivity> weeks;
    if (filter.start >= filter.end)
        return weeks;
    for (qint64 week = weekStart(filter.start); week < filter.end; week += weekSeconds)
        weeks.push_back(WeekActivity{week, {}, {}});

    // Whole weeks come from the rollup; the cut ones at either end from the log.
    const qint64 firstWhole =
        weekStart(filter.start) == filter.start ? filter.start : weekStart(filter.start) + weekSeconds;
    const qint64 endWhole = weekStart(filter.end);
    if (firstWhole < endWhole) {
        if (Status status = addWholeWeeks(filter, firstWhole, endWhole, weeks); !status)
            return status.error();
    }
    if (firstWhole > filter.start) {
        if (Status status = addCutWeek(filter, filter.start, std::min(firstWhole, filter.end), weeks);
            !status)
            return status.error();
    }
    if (endWhole < filter.end && endWhole >= firstWhole) {
        if (Status status = addCutWeek(filter, endWhole, filter.end, weeks); !status)
            return status.error();
    }
    return weeks;
}

Status ActivityRollup::addCutWeek(const DashboardFilter& filter, qint64 from, qint64 to,
                                  std::vector<WeekActivity>& weeks) const
{
    const qint64 week = weekStart(from);
    const qint64 weekEnd = week + weekSeconds;
    WeekActivity& activity = weeks[static_cast<size_t>((week - weeks.front().weekStart) / weekSeconds)];
    // The log holds nothing after its newest interaction (one index probe), so the part of the week
    // after it costs nothing to scan: at the end of a period that ends now, the outside is free.
    const Result<QVariant> newest = m_db.scalar(QStringLiteral("SELECT max(occurred_at) FROM interactions"));
    if (!newest)
        return newest.error();
    const qint64 logEnd = newest->isNull() ? week : std::clamp(newest->toLongLong() + 1, week, weekEnd);
    const auto scanned = [logEnd](qint64 a, qint64 b) {
        return std::max<qint64>(0, std::min(b, logEnd) - a);
    };
    const qint64 inside = scanned(from, to);
    const qint64 outside = scanned(week, from) + scanned(to, weekEnd);
    if (inside <= outside)
        return addFromLog(filter, from, std::min(to, logEnd), 1, activity);
    // Fewer seconds of log outside: the week's rollup row less the log outside the period.
    if (Status status = addWholeWeeks(filter, week, weekEnd, weeks); !status)
        return status;
    if (from > week) {
        if (Status status = addFromLog(filter, week, from, -1, activity); !status)
            return status;
    }
    if (to < logEnd)
        return addFromLog(filter, to, logEnd, -1, activity);
    return {};
}

Status ActivityRollup::addWholeWeeks(const DashboardFilter& filter, qint64 from, qint64 to,
                                     std::vector<WeekActivity>& weeks) const
{
    const std::string sql = std::string("SELECT week, channel, direction, sum(n) FROM activity_weeks"
                                        " WHERE tag_id = ?1 AND week >= ?2 AND week < ?3") +
                            (filter.ownerId ? " AND owner_id = ?4" : "") +
                            " GROUP BY week, channel, direction";
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, filter.tagId.value_or(0));
    rows.bind(2, from);
    rows.bind(3, to);
    if (filter.ownerId)
        rows.bind(4, *filter.ownerId);
    const qint64 first = weeks.front().weekStart;
    while (rows.step()) {
        const auto index = static_cast<size_t>((rows.columnInt64(0) - first) / weekSeconds);
        if (index >= weeks.size() || !addRow(rows, 1, weeks[index]))
            return unknownKey(rows, 1);
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    return {};
}

Status ActivityRollup::addFromLog(const DashboardFilter& filter, qint64 from, qint64 to, int sign,
                                  WeekActivity& week) const
{
    std::string sql = "SELECT i.channel, i.direction, count(*) FROM interactions i";
    if (filter.ownerId)
        sql += " JOIN contacts c ON c.id = i.contact_id AND coalesce(c.owner_id, 0) = ?3";
    if (filter.tagId)
        sql += " JOIN contact_tags ct ON ct.contact_id = i.contact_id AND ct.tag_id = ?4";
    sql += " WHERE i.occurred_at >= ?1 AND i.occurred_at < ?2 GROUP BY i.channel, i.direction";
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, from);
    rows.bind(2, to);
    if (filter.ownerId)
        rows.bind(3, *filter.ownerId);
    if (filter.tagId)
        rows.bind(4, *filter.tagId);
    while (rows.step()) {
        if (!addRow(rows, 0, week, sign))
            return unknownKey(rows, 0);
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    return {};
}

} // namespace rapport
