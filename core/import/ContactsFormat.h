// SPDX-License-Identifier: GPL-3.0-or-later
// An address book's or network's contacts export (LinkedIn, Google Contacts, Outlook): it imports contacts
// only, and most of its columns are bound by their names. A format says which columns it recognizes and
// binds; the key, name, target and hint are data.
#pragma once

#include "core/import/ImportFormat.h"

#include <initializer_list>

namespace rapport {

class ContactsFormat : public ImportFormat
{
public:
    QString key() const final { return m_key; }
    QString name() const final { return m_name; }
    bool supports(ImportTarget target) const final { return target == ImportTarget::Contacts; }
    QString headerHint(ImportTarget) const final { return m_headerHint; }

protected:
    ContactsFormat(QString key, QString name, QString headerHint);

    struct NamedColumn
    {
        const char* name;
        ImportField field;
        MethodKind service = MethodKind::Email; // for ImportField::Handle
    };
    // Binds each of `columns` that the header has; the others are left out.
    static void bindNamed(ColumnMapping& mapping, const QStringList& header,
                          std::initializer_list<NamedColumn> columns);

private:
    QString m_key;
    QString m_name;
    QString m_headerHint;
};

} // namespace rapport
