// SPDX-License-Identifier: GPL-3.0-or-later
// Each contact's change history (ContactChange.h). The repositories that write a contact's fields,
// methods, tags, owner and cadence record here, inside their own transaction, so that every writer —
// the desktop app, the command line, imports, merges, bulk edits — records without asking; each entry
// is attributed to the connection's ChangeAttribution.
#pragma once

#include "core/model/Contact.h"
#include "core/model/ContactChange.h"
#include "core/storage/Database.h"

#include <QList>

namespace rapport {

class ContactChangeLog
{
public:
    explicit ContactChangeLog(Database& db)
        : m_db(db)
    {}

    // One entry, timed now.
    Status record(qint64 contactId, const QString& field, const QString& oldValue, const QString& newValue);
    // One entry for each field, email, phone, handle and tag in which the two states of one contact
    // differ; none when they are the same.
    Status recordDifferences(const Contact& before, const Contact& after);
    // Newest first, with the authors' names.
    Result<QList<ContactChange>> listForContact(qint64 contactId) const;
    // Puts entries back under their own ids (undoing a delete or a merge brings a contact's history back).
    Status restore(const QList<ContactChange>& changes);

    // How the history writes a value: a method with its label, a cadence in days, an owner's name.
    static QString methodText(const ContactMethod& method);
    static QString cadenceText(const std::optional<double>& days);
    static QString flagText(bool value);
    Result<QString> ownerText(const std::optional<qint64>& ownerId) const;

private:
    Database& m_db;
};

} // namespace rapport
