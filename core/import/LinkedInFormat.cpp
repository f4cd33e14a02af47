// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/LinkedInFormat.h"

namespace rapport {

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
    auto bind = [&](const char* name, ImportField field, MethodKind service = MethodKind::Email) {
        if (const int index = column(header, QString::fromLatin1(name)); index >= 0)
            mapping.bind(index, field, service);
    };
    bind("First Name", ImportField::GivenName);
    bind("Last Name", ImportField::FamilyName);
    bind("URL", ImportField::Handle, MethodKind::LinkedIn);
    bind("Email Address", ImportField::Email);
    bind("Company", ImportField::Organization);
    bind("Position", ImportField::Title);
    return mapping;
}

QString LinkedInFormat::headerHint(ImportTarget) const
{
    return QStringLiteral("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
}

} // namespace rapport
