// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/RoundcubeFormat.h"

#include <QRegularExpression>

namespace rapport {

RoundcubeFormat::RoundcubeFormat()
    : ContactsFormat(
          QStringLiteral("roundcube"), QStringLiteral("Roundcube"),
          QStringLiteral("First Name,Last Name,Display Name,…,Email Home,Email Work,Email Other,…"))
{}

bool RoundcubeFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    if (target != ImportTarget::Contacts ||
        !hasColumns(header, {QStringLiteral("First Name"), QStringLiteral("Last Name")}))
        return false;
    return column(header, QStringLiteral("Email Home")) >= 0 ||
           column(header, QStringLiteral("Email Work")) >= 0 ||
           column(header, QStringLiteral("Email Other")) >= 0;
}

ColumnMapping RoundcubeFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    bindNamed(mapping, header,
              {
                  {"Display Name", ImportField::DisplayName},
                  {"First Name", ImportField::GivenName},
                  {"Middle Name", ImportField::MiddleName},
                  {"Last Name", ImportField::FamilyName},
                  {"Organization", ImportField::Organization},
                  {"Company", ImportField::Organization},
                  {"Job Title", ImportField::Title},
                  {"Email Home", ImportField::Email},
                  {"Email Work", ImportField::Email},
                  {"Email Other", ImportField::Email},
                  {"E-mail Address", ImportField::Email},
                  {"E-mail 2 Address", ImportField::Email},
                  {"E-mail 3 Address", ImportField::Email},
                  {"Groups", ImportField::Tags},
                  {"Categories", ImportField::Tags},
              });
    // "Phone Home", "Phone Mobile", "Mobile Phone", "Business Phone 2"; not faxes, pagers or an assistant's.
    // "Website Blog", "Website Home Page", "Web Page".
    static const QRegularExpression notOwnPhone(QStringLiteral("fax|pager|assistant"),
                                                QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.contains(QLatin1String("Phone"), Qt::CaseInsensitive) && !notOwnPhone.match(name).hasMatch())
            mapping.bind(i, ImportField::Phone);
        else if (name.startsWith(QLatin1String("Website"), Qt::CaseInsensitive) ||
                 name.startsWith(QLatin1String("Web Page"), Qt::CaseInsensitive))
            mapping.bind(i, ImportField::Website);
    }
    return mapping;
}

} // namespace rapport
