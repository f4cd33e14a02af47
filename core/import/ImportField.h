// SPDX-License-Identifier: GPL-3.0-or-later
// What an import creates (contacts, interactions, trust notes) and the Rapport fields a CSV column can
// feed: the vocabulary of column mappings, whether a known format or a person in the wizard made them.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport {

enum class ImportTarget
{
    Contacts,
    Interactions,
    Notes
};

QString importTargetName(ImportTarget target); // "contacts", "interactions", "notes"
std::optional<ImportTarget> parseImportTarget(const QString& text);

enum class ImportField
{
    // Contacts
    DisplayName,
    GivenName,
    MiddleName, // joined to the given name
    FamilyName,
    Organization,
    Title,
    Email,   // one or more addresses, separated by ';' or ':::'
    Phone,   // likewise
    Website, // likewise
    Handle,  // a handle on the service its column is bound to (a LinkedIn profile URL is accepted)
    Handles, // "service:handle" items separated by ';' (Rapport's own format)
    Tags,    // separated by ';' or ':::'
    Owner,   // a team member's name, created when new
    Cadence, // keep-in-touch target in days
    Archived,
    // Interactions and notes: the contact they are about
    ContactId,
    ContactKey, // an id, email, "service:handle" or handle, as `rapport log --contact` takes
                // Interactions
    OccurredAt,
    Channel,
    Direction,
    Summary,
    Body,
    LoggedBy, // a team member's name, created when new
              // Trust notes
    CreatedAt,
    NoteKind,
    TrustLevel,
    NoteText,
    Author // a team member's name, created when new
};

QString importFieldKey(ImportField field);   // stable key, e.g. "given_name", for saved mappings
QString importFieldLabel(ImportField field); // for people, e.g. "Given name"
std::optional<ImportField> parseImportField(const QString& key);
// The fields a mapping for this target may use, in the order a wizard lists them.
QList<ImportField> importFields(ImportTarget target);

} // namespace rapport
