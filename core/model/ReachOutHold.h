// SPDX-License-Identifier: GPL-3.0-or-later
// A contact held out of reach-out suggestions: snoozed until a moment, or dismissed until the next
// conversation logged after the dismissal.
#pragma once

#include <QtGlobal>
#include <optional>

namespace rapport {

struct ReachOutHold
{
    qint64 contactId = 0;
    std::optional<qint64> until; // a snooze's end; none for a dismissal
    qint64 createdAt = 0;

    bool isSnooze() const { return until.has_value(); }
    // Whether the hold still keeps the contact out at `now`, given when they were last in touch.
    bool holds(qint64 now, std::optional<qint64> lastContactAt) const
    {
        if (until)
            return now < *until;
        return !lastContactAt || *lastContactAt < createdAt;
    }
};

} // namespace rapport
