// SPDX-License-Identifier: GPL-3.0-or-later
// Open follow-ups as an iCalendar file (RFC 5545) that any calendar imports or subscribes to: one
// all-day event on each due day, with a reminder that morning. Each keeps a UID made of the follow-up's
// id, so importing a newer file updates the events instead of doubling them.
#pragma once

#include "core/storage/FollowUpRepository.h"

#include <QByteArray>

namespace rapport {

// Each event's DTSTAMP is its follow-up's creation time: without a METHOD, RFC 5545 makes DTSTAMP the
// component's last change, and an open follow-up is not edited after it is made. So the same database
// gives the same bytes, and a calendar re-importing the file sees nothing changed. Lines end in CRLF and
// are folded at 75 octets, never inside a UTF-8 character.
QByteArray followUpCalendar(const QList<ListedFollowUp>& followUps);

} // namespace rapport
