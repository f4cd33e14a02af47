// SPDX-License-Identifier: GPL-3.0-or-later
// One contact as an import file gives it (a CSV row, a vCard) before it is matched to the stored
// contacts, with where each part was written, so that ContactImport words its problems with the file,
// the line and the column or property whatever the file's kind.
#pragma once

#include "core/model/Contact.h"

#include <QStringList>
#include <optional>

namespace rapport {

struct ContactDraft
{
    Contact contact;
    qint64 line = 0;             // where the row or card starts
    QString location;            // "people.csv: line 3", "phone.vcf: line 12"
    QStringList methodLocations; // where each of contact.methods was written: "…, column 'Email'", "…, EMAIL"
    QString owner;               // a team member's name, created when new
    bool hasDisplayName = false; // the display name was written, not built from other fields
    std::optional<bool> archived;
    QString uid;          // a vCard's UID: it finds the contact before any email or handle does
    QString uidLocation;  // where the UID was written
    QStringList notes;    // texts kept as context trust notes, unless the contact has them already
    qint64 notesTime = 0; // when the notes were written (a vCard's REV); 0: the time of the import
};

} // namespace rapport
