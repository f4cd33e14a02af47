// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ContactDirectory.h"

#include "core/storage/SqliteStatement.h"

#include <QStringList>

namespace rapport {

namespace {

const char* orderSql(ContactOrder order)
{
    switch (order) {
    case ContactOrder::Name:
        return "SELECT id FROM contacts ORDER BY display_name COLLATE NOCASE, id";
    case ContactOrder::Organization:
        return "SELECT id FROM contacts ORDER BY organization = '', organization COLLATE NOCASE,"
               " display_name COLLATE NOCASE, id";
    case ContactOrder::Owner:
        return "SELECT c.id FROM contacts c LEFT JOIN team_members t ON t.id = c.owner_id"
               " ORDER BY t.name IS NULL, t.name COLLATE NOCASE, c.display_name COLLATE NOCASE, c.id";
    case ContactOrder::Tags:
        // Tags joined in name order, as rows() shows them, so the sort follows what the cell says.
        return "SELECT c.id FROM contacts c LEFT JOIN (SELECT contact_id, group_concat(name, ', ') AS names"
               " FROM (SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
               " ORDER BY ct.contact_id, t.name COLLATE NOCASE) GROUP BY contact_id) g ON g.contact_id = c.id"
               " ORDER BY g.names IS NULL, g.names COLLATE NOCASE, c.display_name COLLATE NOCASE, c.id";
    }
    return "";
}

} // namespace

Result<std::vector<qint64>> ContactDirectory::idsInOrder(ContactOrder order) const
{
    SqliteStatement query(m_db.handle(), orderSql(order));
    std::vector<qint64> ids;
    while (query.step())
        ids.push_back(query.columnInt64(0));
    if (!query.ok())
        return Error::database(query.errorMessage());
    return ids;
}

Result<std::vector<ContactIndexEntry>> ContactDirectory::index() const
{
    std::vector<ContactIndexEntry> entries;
    SqliteStatement contacts(m_db.handle(),
                             "SELECT id, coalesce(owner_id, 0), archived FROM contacts ORDER BY id");
    while (contacts.step())
        entries.push_back(
            {contacts.columnInt64(0), contacts.columnInt64(1), contacts.columnInt64(2) != 0, {}});
    if (!contacts.ok())
        return Error::database(contacts.errorMessage());
    SqliteStatement tags(m_db.handle(), "SELECT contact_id, tag_id FROM contact_tags ORDER BY contact_id");
    auto position = entries.begin();
    while (tags.step()) {
        const qint64 contactId = tags.columnInt64(0);
        while (position != entries.end() && position->id < contactId)
            ++position;
        if (position != entries.end() && position->id == contactId)
            position->tagIds << tags.columnInt64(1);
    }
    if (!tags.ok())
        return Error::database(tags.errorMessage());
    return entries;
}

Result<std::optional<ContactIndexEntry>> ContactDirectory::indexEntry(qint64 id) const
{
    SqliteStatement contact(m_db.handle(),
                            "SELECT coalesce(owner_id, 0), archived FROM contacts WHERE id = ?1");
    contact.bind(1, id);
    if (!contact.step())
        return contact.ok() ? Result<std::optional<ContactIndexEntry>>(std::optional<ContactIndexEntry>())
                            : Error::database(contact.errorMessage());
    ContactIndexEntry entry{id, contact.columnInt64(0), contact.columnInt64(1) != 0, {}};
    SqliteStatement tags(m_db.handle(), "SELECT tag_id FROM contact_tags WHERE contact_id = ?1");
    tags.bind(1, id);
    while (tags.step())
        entry.tagIds << tags.columnInt64(0);
    if (!tags.ok())
        return Error::database(tags.errorMessage());
    return std::optional<ContactIndexEntry>(entry);
}

Result<QSet<qint64>> ContactDirectory::carrying(qint64 tagId) const
{
    SqliteStatement tagged(m_db.handle(), "SELECT contact_id FROM contact_tags WHERE tag_id = ?1");
    tagged.bind(1, tagId);
    QSet<qint64> contacts;
    while (tagged.step())
        contacts.insert(tagged.columnInt64(0));
    if (!tagged.ok())
        return Error::database(tagged.errorMessage());
    return contacts;
}

Result<QHash<qint64, ContactRow>> ContactDirectory::rows(const QList<qint64>& ids) const
{
    QHash<qint64, ContactRow> found;
    if (ids.isEmpty())
        return found;
    // One statement per batch: the ids go in as a JSON array, which SQLite's json_each() expands.
    QStringList numbers;
    for (const qint64 id : ids)
        numbers << QString::number(id);
    SqliteStatement query(
        m_db.handle(),
        "SELECT c.id, c.display_name, c.organization, coalesce(t.name, ''),"
        " coalesce((SELECT group_concat(name, ', ') FROM (SELECT g.name FROM contact_tags ct JOIN tags g ON "
        "g.id ="
        " ct.tag_id WHERE ct.contact_id = c.id ORDER BY g.name COLLATE NOCASE)), ''),"
        " coalesce((SELECT value FROM contact_methods m WHERE m.contact_id = c.id AND m.kind = 'email'"
        " ORDER BY m.id LIMIT 1), '')"
        " FROM json_each(?1) j JOIN contacts c ON c.id = j.value LEFT JOIN team_members t ON t.id = "
        "c.owner_id");
    query.bind(1, QStringLiteral("[%1]").arg(numbers.join(QLatin1Char(','))));
    while (query.step()) {
        const qint64 id = query.columnInt64(0);
        found.insert(id, ContactRow{id, query.columnText(1), query.columnText(2), query.columnText(3),
                                    query.columnText(4), query.columnText(5)});
    }
    if (!query.ok())
        return Error::database(query.errorMessage());
    return found;
}

} // namespace rapport
