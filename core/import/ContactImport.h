// SPDX-License-Identifier: GPL-3.0-or-later
// Imports contacts. A row is the same person as a stored contact when one of its emails or handles
// matches (normalized, ContactRepository::findByMethod), or, for a row with neither, when exactly one
// contact has its name. A match is completed, never emptied: non-empty cells replace fields, new emails,
// handles and tags are added; a match that would not change is "unchanged", so re-importing a file
// creates nothing. A second row of the file for a person already seen is skipped.
#pragma once

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

private:
    struct Draft
    {
        Contact contact;
        QList<int> methodColumns; // the column of each method, for messages
        QString owner;
        bool hasDisplayName = false;
        std::optional<bool> archived;
    };

    // The row as a contact; each bad value goes to `problems` and is left out.
    Draft read(const MappedRow& row, RowProblems& problems) const;
    Result<std::optional<qint64>> match(const Draft& draft, const MappedRow& row) const;
    // Completes `contact` with the draft; false when nothing changes.
    Result<bool> merge(Contact& contact, const Draft& draft);

    // The first of the draft's methods that belonged to a forgotten person, described; empty when none did.
    Result<QString> forgottenMethod(const Draft& draft) const;

    Database& m_db;
    bool m_includeForgotten = false;
    bool m_writing = false;
    std::optional<TeamMemberCache> m_members;
    QHash<QString, qint64> m_claimed; // method or name key -> line of the row that had it
    QHash<qint64, qint64> m_seen;     // contact id -> line of the row that matched or created it
    QList<qint64> m_changed;
};

} // namespace rapport
