// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/EventParticipation.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/storage/SqliteStatement.h"

#include <QHash>
#include <QSet>

namespace rapport {

namespace {

constexpr qint64 weekSeconds = 7 * 86400;

} // namespace

Result<std::vector<WeekParticipation>> EventParticipation::weeks(const DashboardFilter& filter) const
{
    std::vector<WeekParticipation> weeks;
    const qint64 first = ActivityRollup::weekStart(filter.start);
    for (qint64 week = first; week < filter.end; week += weekSeconds)
        weeks.push_back(WeekParticipation{week, 0, 0});

    // Whether a participation is someone's first depends on every event before it, so the walk starts at
    // the first event; events at one moment are ordered by id, as the event page orders them.
    SqliteStatement rows(m_db.handle(),
                         "SELECT e.occurred_at, p.contact_id FROM event_participants p "
                         "JOIN events e ON e.id = p.event_id WHERE p.role <> 'invited_no_show' "
                         "AND e.occurred_at < ?1 ORDER BY e.occurred_at, e.id");
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, filter.end);
    QSet<qint64> seenBefore;
    // Per week inside the period: each person kept by the filter, and whether it was their first time.
    QHash<qint64, QHash<qint64, bool>> people;
    while (rows.step()) {
        const qint64 at = rows.columnInt64(0);
        const qint64 contactId = rows.columnInt64(1);
        const bool firstTime = !seenBefore.contains(contactId);
        seenBefore.insert(contactId);
        if (at < filter.start)
            continue;
        const ContactIndexEntry* contact = m_groups.find(contactId);
        if (!contact || !filter.matchesOwner(contact->ownerId) ||
            (filter.tagId && !contact->tagIds.contains(*filter.tagId)))
            continue;
        bool& wasFirst = people[ActivityRollup::weekStart(at)][contactId];
        wasFirst = wasFirst || firstTime;
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    for (WeekParticipation& week : weeks) {
        for (const bool firstTime : people.value(week.weekStart)) {
            if (firstTime)
                ++week.firstTimers;
            else
                ++week.returning;
        }
    }
    return weeks;
}

} // namespace rapport
