// SPDX-License-Identifier: GPL-3.0-or-later
// What the interactions and notes reports print beside a contact id: the contact's name and a portable
// key (its first email, else its first other method as "service:handle") that an import into another
// database resolves; and team members' names. Loaded once, in memory proportional to the contacts, so
// that streaming millions of rows needs no join per row.
#pragma once

#include "core/storage/Database.h"

#include <QByteArray>
#include <QHash>
#include <vector>

namespace rapport {

class CsvWriter;
class SqliteStatement;

class ContactLabels
{
public:
    struct Entry
    {
        QByteArray name; // UTF-8
        QByteArray key;
    };

    static Result<ContactLabels> load(Database& db);

    // nullptr for an unknown id.
    const Entry* find(qint64 contactId) const;
    // Empty for an unknown id.
    QByteArray memberName(qint64 memberId) const { return m_members.value(memberId); }

    // The contact_id, contact_name and contact_key cells of a row about the contact.
    void addContactCells(CsvWriter& writer, qint64 contactId) const;
    // The cell naming the team member whose id is in `column` of `rows`; empty when that is NULL.
    void addMemberCell(CsvWriter& writer, const SqliteStatement& rows, int column) const;

private:
    Entry* entry(qint64 contactId);

    // Ids are usually dense: a vector indexed by id is several times faster than a hash per row.
    std::vector<Entry> m_dense;
    std::vector<bool> m_present;
    QHash<qint64, Entry> m_contacts; // when ids are sparse
    QHash<qint64, QByteArray> m_members;
};

} // namespace rapport
