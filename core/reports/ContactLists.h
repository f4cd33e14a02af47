// SPDX-License-Identifier: GPL-3.0-or-later
// The "; "-separated lists of a contact's emails, phones, other handles and tags, as the contacts report
// writes them, read in contact id order beside the contacts themselves: two sequential scans instead of
// four correlated subqueries per contact, which took three times as long as reading the tables.
#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"
#include "core/storage/SqliteStatement.h"

#include <QByteArray>
#include <QHash>

namespace rapport {

class ContactLists
{
public:
    explicit ContactLists(Database& db);
    ContactLists(const ContactLists&) = delete;
    ContactLists& operator=(const ContactLists&) = delete;

    // Reads the tag names and places both scans on their first rows.
    Status start();

    // The lists of `contactId`; ids must come in increasing order.
    Status moveTo(qint64 contactId);

    QByteArray emails;  // in the order they were added
    QByteArray phones;  // likewise
    QByteArray handles; // "kind:value", likewise
    QByteArray tags;    // by name, ignoring ASCII case

private:
    Database& m_db;
    SqliteStatement m_methods;
    SqliteStatement m_tags;
    QHash<qint64, QByteArray> m_tagNames;
    bool m_methodRow = false; // m_methods stands on a row not yet taken
    bool m_tagRow = false;
};

} // namespace rapport
