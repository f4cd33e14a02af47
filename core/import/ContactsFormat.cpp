// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ContactsFormat.h"

#include <utility>

namespace rapport {

ContactsFormat::ContactsFormat(QString key, QString name, QString headerHint)
    : m_key(std::move(key))
    , m_name(std::move(name))
    , m_headerHint(std::move(headerHint))
{}

void ContactsFormat::bindNamed(ColumnMapping& mapping, const QStringList& header,
                               std::initializer_list<NamedColumn> columns)
{
    for (const NamedColumn& named : columns) {
        if (const int index = column(header, QString::fromLatin1(named.name)); index >= 0)
            mapping.bind(index, named.field, named.service);
    }
}

} // namespace rapport
