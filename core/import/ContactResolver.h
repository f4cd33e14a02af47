// SPDX-License-Identifier: GPL-3.0-or-later
// Finds the contact a row of an interactions or notes file is about, as ContactRepository::resolve does
// (an id, an email, "service:handle" or a bare handle), from an in-memory copy of the contact ids and
// methods: an import of a million rows cannot afford a query per row.
#pragma once

#include "core/import/MappedRow.h"
#include "core/model/ContactReference.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QSet>

namespace rapport {

class ContactResolver
{
public:
    // Loads the ids, and with `withMethods` the normalized methods, of every contact.
    static Result<ContactResolver> load(Database& db, bool withMethods);

    bool exists(qint64 id) const { return m_ids.contains(id); }
    // The contact's id; a not-found error, or a bad-input error when a handle matches several contacts.
    // Read by ContactReference's rule; messages have no prefix: "no contact with id, email or handle 'x'".
    Result<qint64> resolve(const QString& reference) const;
    // The same for a method value of a known kind ("ann" on Slack), as `rapport log --contact
    // slack:ann` would find it.
    Result<qint64> resolveMethod(MethodKind kind, const QString& value) const;
    // The contact a row names: by its contact key when that cell has a value, else by its contact id;
    // a problem with the row otherwise.
    Result<qint64> resolveRow(const MappedRow& row) const;

private:
    Result<qint64> resolveLookups(const ContactReference& reference) const;

    QSet<qint64> m_ids;
    QHash<QString, qint64> m_methods;    // "kind\nnormalized" -> the first contact with it
    QHash<QString, qint64> m_sharedWith; // the same key -> another contact with it, when several share it
    mutable QHash<QByteArray, qint64> m_resolved; // contact keys already resolved, as written in the file
};

} // namespace rapport
