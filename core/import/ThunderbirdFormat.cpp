// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ThunderbirdFormat.h"

namespace rapport {

ThunderbirdFormat::ThunderbirdFormat()
    : ContactsFormat(
          QStringLiteral("thunderbird"), QStringLiteral("Thunderbird address book"),
          QStringLiteral("First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,…"))
{}

bool ThunderbirdFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    return target == ImportTarget::Contacts &&
           hasColumns(header, {QStringLiteral("Display Name"), QStringLiteral("Primary Email"),
                               QStringLiteral("Secondary Email")});
}

ColumnMapping ThunderbirdFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    bindNamed(mapping, header,
              {
                  {"Display Name", ImportField::DisplayName},
                  {"First Name", ImportField::GivenName},
                  {"Last Name", ImportField::FamilyName},
                  {"Organization", ImportField::Organization},
                  {"Job Title", ImportField::Title},
                  {"Primary Email", ImportField::Email},
                  {"Secondary Email", ImportField::Email},
                  {"Work Phone", ImportField::Phone},
                  {"Home Phone", ImportField::Phone},
                  {"Mobile Number", ImportField::Phone},
                  {"Web Page 1", ImportField::Website},
                  {"Web Page 2", ImportField::Website},
              });
    return mapping;
}

} // namespace rapport
