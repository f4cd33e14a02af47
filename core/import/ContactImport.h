// SPDX-License-Identifier: GPL-3.0-or-later
// Imports contacts. A row is the same person as a stored contact when one of its emails or handles
// matches (normalized, ContactRepository::findByMethod), or, for a row with neither, when exactly one
// contact has its name. A match is completed, never emptied: non-empty cells replace fields, new emails,
// handles and tags are added; a match that would not change is "unchanged", so re-importing a file
// creates nothing. A second row of the file for a person already seen is skipped. A vCard's UID, kept
// with the contact, matches before anything else, and its notes become context trust notes.
#pragma once

#include "core/import/ContactDraft.h"
#include "core/import/RowImport.h"
#include "core/import/TeamMemberCache.h"
#include "core/model/Contact.h"

#include <QHash>
#include <optional>

namespace rapport {

class RowProblems;

class ContactImport : public RowImport
{
public:
    // `includeForgotten`: rows with the email, phone or handle of a forgotten person are imported too,
    // instead of being skipped.
    ContactImport(Database& db, bool includeForgotten)
        : m_db(db)
        , m_includeForgotten(includeForgotten)
    {}

    Status begin(bool writing, qint64 rows) override;
    Result<RowResult> row(const MappedRow& row) override;
    Status end(const ProgressCallback&) override { return {}; }
    QList<qint64> touchedContacts() const override { return m_changed; }

    // A contact read from a row or a card without problems: matched (by its UID first), then created,
    // completed or left unchanged as row() does.
    Result<RowResult> importContact(const ContactDraft& draft);

private:
    // The row as a contact; each bad value goes to `problems` and is left out.
    ContactDraft read(const MappedRow& row, RowProblems& problems) const;
    Result<std::optional<qint64>> match(const ContactDraft& draft) const;
    // Completes `contact` with the draft; false when nothing changes.
    Result<bool> merge(Contact& contact, const ContactDraft& draft);
    // What of the draft's UID and notes the contact lacks (all of them for a new contact, id 0); write()
    // stores them.
    struct Additions
    {
        bool uid = false;
        QStringList notes;
    };
    Result<Additions> additions(qint64 contactId, const ContactDraft& draft) const;
    Status write(qint64 contactId, const ContactDraft& draft, const Additions& additions);

    // The first of the draft's methods that belonged to a forgotten person, described; empty when none did.
    Result<QString> forgottenMethod(const ContactDraft& draft) const;

    Database& m_db;
    bool m_includeForgotten = false;
    bool m_writing = false;
    std::optional<TeamMemberCache> m_members;
    QHash<QString, qint64> m_claimed; // method, UID or name key -> line of the row that had it
    QHash<qint64, qint64> m_seen;     // contact id -> line of the row that matched or created it
    QList<qint64> m_changed;
};

} // namespace rapport
