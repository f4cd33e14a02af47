// SPDX-License-Identifier: GPL-3.0-or-later
// One entry of a contact's change history: who changed which field when, from what to what, and in the
// course of what (an edit, an import, a merge…). The history is append-only: undoing a change records
// the change back.
#pragma once

#include <QString>
#include <optional>

namespace rapport {

// Why a write happened, as the history shows it. The connection's writes carry one (see
// Database::changeAttribution); operations that are one of these set it for their writes.
enum class ChangeSource : int
{
    Edit = 0,    // the desktop app's edit dialog and actions
    CommandLine, // a rapport command that is not an import or a merge
    Import,
    Merge,
    BulkEdit,
    Undo,
    Redo
};

QString changeSourceName(ChangeSource source); // stable key, e.g. "bulk_edit"
std::optional<ChangeSource> parseChangeSource(const QString& text);

// The `field` of entries that are not one field's change.
namespace changed {
// The contact came to be (created, imported, or brought back by an undo); the new value is its name.
inline constexpr char contact[] = "contact";
// Another contact was merged into this one; the new value is "#id (name)", the old one when undone.
inline constexpr char mergedFrom[] = "merged_from";
inline constexpr char tag[] = "tag";
// Links to other contacts (ContactLink.h); the values name the other contact as "#id (name)". On the
// introduced person: who introduced them; on the introducer: whom they introduced; on both: whom they know.
inline constexpr char introducedBy[] = "introduced_by";
inline constexpr char introduced[] = "introduced";
inline constexpr char knows[] = "knows";
} // namespace changed
// Other fields are the contact's column names (display_name, given_name, family_name, organization,
// title, owner, cadence_days, archived) and the method kinds (email, phone, github…).

struct ContactChange
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 changedAt = 0;           // seconds since the epoch, UTC
    std::optional<qint64> authorId; // the team member who made it; nullopt when unknown or removed since
    QString authorName;             // read with the entry; empty when there is no author
    QString field;
    QString oldValue; // empty: there was none (an added email, a new tag)
    QString newValue; // empty: there is none now (a removed email, a cleared title)
    ChangeSource source = ChangeSource::Edit;
};

// "Organization: Acme → Initech", "Email added: ada@example.org", "Imported": what changed, in a line.
QString describeContactChange(const ContactChange& change);

} // namespace rapport
