// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ContactLabels.h"

#include "core/csv/CsvWriter.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

Result<ContactLabels> ContactLabels::load(Database& db)
{
    ContactLabels labels;
    SqliteStatement span(db.handle(), "SELECT count(*), coalesce(max(id), 0) FROM contacts");
    if (!span.step())
        return Error::database(span.errorMessage());
    const qint64 count = span.columnInt64(0);
    const qint64 maxId = span.columnInt64(1);
    const bool dense = maxId <= 2 * count + 1024;
    if (dense) {
        labels.m_dense.resize(static_cast<size_t>(maxId + 1));
        labels.m_present.resize(static_cast<size_t>(maxId + 1));
    }
    SqliteStatement contacts(db.handle(), "SELECT id, display_name FROM contacts");
    while (contacts.step()) {
        const qint64 id = contacts.columnInt64(0);
        Entry entry{contacts.columnView(1).toByteArray(), {}};
        if (dense && id >= 0 && id <= maxId) {
            labels.m_dense[static_cast<size_t>(id)] = std::move(entry);
            labels.m_present[static_cast<size_t>(id)] = true;
        } else {
            labels.m_contacts.emplace(id, std::move(entry));
        }
    }
    if (!contacts.ok())
        return Error::database(contacts.errorMessage());

    // Emails sort first; within a kind, the oldest method wins.
    SqliteStatement methods(db.handle(), "SELECT contact_id, kind, value FROM contact_methods"
                                         " ORDER BY contact_id, kind <> 'email', id");
    qint64 previous = 0;
    while (methods.step()) {
        const qint64 contactId = methods.columnInt64(0);
        if (contactId == previous)
            continue;
        previous = contactId;
        Entry* entry = labels.entry(contactId);
        if (!entry)
            continue;
        const QByteArrayView kind = methods.columnView(1);
        entry->key = kind == "email" ? methods.columnView(2).toByteArray()
                                     : kind.toByteArray() + ':' + methods.columnView(2).toByteArray();
    }
    if (!methods.ok())
        return Error::database(methods.errorMessage());

    SqliteStatement members(db.handle(), "SELECT id, name FROM team_members");
    while (members.step())
        labels.m_members.insert(members.columnInt64(0), members.columnView(1).toByteArray());
    if (!members.ok())
        return Error::database(members.errorMessage());
    return labels;
}

ContactLabels::Entry* ContactLabels::entry(qint64 contactId)
{
    if (contactId >= 0 && static_cast<size_t>(contactId) < m_present.size())
        return m_present[static_cast<size_t>(contactId)] ? &m_dense[static_cast<size_t>(contactId)] : nullptr;
    const auto found = m_contacts.find(contactId);
    return found == m_contacts.end() ? nullptr : &*found;
}

const ContactLabels::Entry* ContactLabels::find(qint64 contactId) const
{
    if (contactId >= 0 && static_cast<size_t>(contactId) < m_present.size())
        return m_present[static_cast<size_t>(contactId)] ? &m_dense[static_cast<size_t>(contactId)] : nullptr;
    const auto found = m_contacts.constFind(contactId);
    return found == m_contacts.cend() ? nullptr : &*found;
}

void ContactLabels::addContactCells(CsvWriter& writer, qint64 contactId) const
{
    const Entry* contact = find(contactId);
    writer.addInteger(contactId);
    writer.addText(contact ? QByteArrayView(contact->name) : QByteArrayView());
    writer.addText(contact ? QByteArrayView(contact->key) : QByteArrayView());
}

void ContactLabels::addMemberCell(CsvWriter& writer, const SqliteStatement& rows, int column) const
{
    if (rows.columnIsNull(column))
        writer.addEmpty();
    else
        writer.addText(QByteArrayView(memberName(rows.columnInt64(column))));
}

} // namespace rapport
