// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/ContactLists.h"

#include <algorithm>
#include <vector>

namespace rapport {

namespace {

void appendItem(QByteArray& list, QByteArrayView item)
{
    if (!list.isEmpty())
        list.append("; ");
    list.append(item);
}

// SQLite's NOCASE: ASCII letters folded, every other byte as it is.
bool lessIgnoringAsciiCase(const QByteArray& a, const QByteArray& b)
{
    return std::lexicographical_compare(a.cbegin(), a.cend(), b.cbegin(), b.cend(), [](char x, char y) {
        const auto fold = [](char c) {
            return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        };
        return static_cast<unsigned char>(fold(x)) < static_cast<unsigned char>(fold(y));
    });
}

} // namespace

ContactLists::ContactLists(Database& db)
    : m_db(db)
    , m_methods(db.handle(), "SELECT contact_id, kind, value FROM contact_methods ORDER BY contact_id, id")
    , m_tags(db.handle(), "SELECT contact_id, tag_id FROM contact_tags ORDER BY contact_id")
{}

Status ContactLists::start()
{
    if (!m_methods.isValid())
        return Error::database(m_methods.errorMessage());
    if (!m_tags.isValid())
        return Error::database(m_tags.errorMessage());
    SqliteStatement names(m_db.handle(), "SELECT id, name FROM tags");
    while (names.step())
        m_tagNames.insert(names.columnInt64(0), names.columnView(1).toByteArray());
    if (!names.ok())
        return Error::database(names.errorMessage());
    m_methodRow = m_methods.step();
    if (!m_methods.ok())
        return Error::database(m_methods.errorMessage());
    m_tagRow = m_tags.step();
    if (!m_tags.ok())
        return Error::database(m_tags.errorMessage());
    return {};
}

Status ContactLists::moveTo(qint64 contactId)
{
    emails.resize(0);
    phones.resize(0);
    handles.resize(0);
    tags.resize(0);
    for (; m_methodRow && m_methods.columnInt64(0) <= contactId; m_methodRow = m_methods.step()) {
        if (m_methods.columnInt64(0) < contactId)
            continue; // a contact the report leaves out
        const QByteArrayView kind = m_methods.columnView(1);
        const QByteArrayView value = m_methods.columnView(2);
        if (kind == "email") {
            appendItem(emails, value);
        } else if (kind == "phone") {
            appendItem(phones, value);
        } else {
            appendItem(handles, kind.toByteArray() + ':' + value.toByteArray());
        }
    }
    if (!m_methods.ok())
        return Error::database(m_methods.errorMessage());

    std::vector<QByteArray> names;
    for (; m_tagRow && m_tags.columnInt64(0) <= contactId; m_tagRow = m_tags.step()) {
        if (m_tags.columnInt64(0) == contactId)
            names.push_back(m_tagNames.value(m_tags.columnInt64(1)));
    }
    if (!m_tags.ok())
        return Error::database(m_tags.errorMessage());
    std::stable_sort(names.begin(), names.end(), lessIgnoringAsciiCase);
    for (const QByteArray& name : names)
        appendItem(tags, name);
    return {};
}

} // namespace rapport
