// SPDX-License-Identifier: GPL-3.0-or-later
// rapport export vcard: the contacts a report filter selects, one card each (VCardContactMapping), in
// one .vcf stream read from one snapshot of the database.
#pragma once

#include "core/base/Progress.h"
#include "core/reports/Report.h"
#include "core/vcard/VCardWriter.h"

#include <QIODevice>

namespace rapport {

// The card of one contact as the export writes it: its fields, its kept UID, its context trust notes.
Result<QByteArray> contactVCard(Database& db, qint64 contactId, VCardVersion version);

// Writes the cards of the contacts `filter` selects (as the contacts report does) to `out`, by id;
// returns how many. A failed write is a database-kind error naming `outName`; `progress` counts cards
// and cancels.
Result<qint64> exportVCards(Database& db, const ReportFilter& filter, VCardVersion version, QIODevice& out,
                            const QString& outName, const ProgressCallback& progress = {});

} // namespace rapport
