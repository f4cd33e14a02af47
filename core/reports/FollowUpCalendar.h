// SPDX-License-Identifier: GPL-3.0-or-later
// Open follow-ups as an iCalendar file (RFC 5545) that any calendar imports or subscribes to: one
// all-day event on each due day, with a reminder that morning. Each keeps a UID made of the follow-up's
// id, so importing a newer file updates the events instead of doubling them.
#pragma once

#include "core/storage/FollowUpRepository.h"

#include <QByteArray>

namespace rapport {

// `now` stamps the file (DTSTAMP). Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
// character.
QByteArray followUpCalendar(const QList<ListedFollowUp>& followUps, qint64 now);

} // namespace rapport
