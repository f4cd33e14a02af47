// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/LinkedInFormat.h"

namespace rapport {

LinkedInFormat::LinkedInFormat()
    : ContactsFormat(QStringLiteral("linkedin"), QStringLiteral("LinkedIn Connections"),
                     QStringLiteral("First Name,Last Name,URL,Email Address,Company,Position,Connected On"))
{}

bool LinkedInFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    return target == ImportTarget::Contacts &&
           hasColumns(header,
                      {QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Company"),
                       QStringLiteral("Position"), QStringLiteral("Connected On")});
}

ColumnMapping LinkedInFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    bindNamed(mapping, header,
              {
                  {"First Name", ImportField::GivenName},
                  {"Last Name", ImportField::FamilyName},
                  {"URL", ImportField::Handle, MethodKind::LinkedIn},
                  {"Email Address", ImportField::Email},
                  {"Company", ImportField::Organization},
                  {"Position", ImportField::Title},
              });
    return mapping;
}

} // namespace rapport
