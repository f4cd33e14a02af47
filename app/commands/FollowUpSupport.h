// SPDX-License-Identifier: GPL-3.0-or-later
// What follow-up list and today print of a follow-up, and the --owner filter both take.
#pragma once

#include "app/commands/CommandSupport.h"
#include "core/storage/FollowUpRepository.h"

#include <QJsonObject>

namespace rapport::cli {

// A due date as the lists print it: "2026-06-05" (UTC).
QString followUpDate(qint64 seconds);
QJsonObject followUpJson(const ListedFollowUp& listed);
// "12 due 2026-06-05 our_commitment 4 Grace Hopper (owner Ada): send the slides"
QString followUpLine(const ListedFollowUp& listed);
// The team member --owner names, none when it is not given; a name that is no member is refused.
Result<std::optional<qint64>> ownerFilter(const CommandParser& parser, Database& db);

} // namespace rapport::cli
