// SPDX-License-Identifier: GPL-3.0-or-later
// What an import did, or would do in a dry run: counts per outcome, the problems that stopped it (each
// naming file, line and column) and why rows were skipped.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rapport {

struct ImportReport
{
    QString format; // the format's name, "columns mapped by hand" or "columns guessed from their names"
    QStringList guessedColumns;       // with a guessed mapping, "name → display name" for each bound column
    QStringList unimportedColumns;    // the header's named columns that no field is bound to
    QStringList unimportedProperties; // a vCard file's properties Rapport keeps nothing of: "ADR", "PHOTO"
    qint64 rows = 0;                  // data rows read
    qint64 created = 0;
    qint64 unchanged = 0;
    qint64 updated = 0;
    qint64 skipped = 0;
    bool dryRun = false;
    bool written = false;          // committed to the database
    QStringList errors;            // the first problems found; when any, nothing was written
    qint64 errorCount = 0;         // every problem, even those not listed in `errors`
    QStringList skippedReasons;    // "people.csv: line 9: skipped: same person as line 3"
    QList<qint64> touchedContacts; // contacts created or changed, or whose log or notes grew
    // Created contacts that look like one that was there before (same name and organization, same
    // phone…) but matched no email or handle: "new contact 122 Grace Hopper looks like contact 12 …".
    QStringList lookAlikes;
    qint64 lookAlikeCount = 0;

    bool ok() const { return errorCount == 0; }
    // "3 created, 5 unchanged, 1 updated, 0 skipped".
    QString summary() const;
};

} // namespace rapport
