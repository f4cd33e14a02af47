// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/OutlookFormat.h"

namespace rapport {

OutlookFormat::OutlookFormat()
    : ContactsFormat(QStringLiteral("outlook"), QStringLiteral("Outlook"),
                     QStringLiteral("First Name,Middle Name,Last Name,Title,…,E-mail Address,…"))
{}

bool OutlookFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    return target == ImportTarget::Contacts &&
           hasColumns(header, {QStringLiteral("First Name"), QStringLiteral("Last Name"),
                               QStringLiteral("E-mail Address")});
}

ColumnMapping OutlookFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    bindNamed(mapping, header,
              {
                  {"First Name", ImportField::GivenName},
                  {"Middle Name", ImportField::MiddleName},
                  {"Last Name", ImportField::FamilyName},
                  {"Company", ImportField::Organization},
                  {"Job Title", ImportField::Title},
                  {"E-mail Address", ImportField::Email},
                  {"E-mail 2 Address", ImportField::Email},
                  {"E-mail 3 Address", ImportField::Email},
                  {"Web Page", ImportField::Website},
                  {"Personal Web Page", ImportField::Website},
                  {"Business Web Page", ImportField::Website},
                  {"Categories", ImportField::Tags},
              });
    // The person's own numbers; not faxes, pagers or an assistant's.
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.contains(QLatin1String("Phone"), Qt::CaseInsensitive) &&
            !name.contains(QLatin1String("Assistant"), Qt::CaseInsensitive))
            mapping.bind(i, ImportField::Phone);
    }
    return mapping;
}

} // namespace rapport
