// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/GoogleContactsFormat.h"

#include <QRegularExpression>

namespace rapport {

bool GoogleContactsFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    if (target != ImportTarget::Contacts || column(header, QStringLiteral("E-mail 1 - Value")) < 0)
        return false;
    return hasColumns(header, {QStringLiteral("Name"), QStringLiteral("Given Name"),
                               QStringLiteral("Family Name")}) ||
           hasColumns(header, {QStringLiteral("First Name"), QStringLiteral("Middle Name"),
                               QStringLiteral("Last Name")});
}

ColumnMapping GoogleContactsFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    auto bind = [&](const char* name, ImportField field) {
        if (const int index = column(header, QString::fromLatin1(name)); index >= 0)
            mapping.bind(index, field);
    };
    // Older layout.
    bind("Name", ImportField::DisplayName);
    bind("Given Name", ImportField::GivenName);
    bind("Additional Name", ImportField::MiddleName);
    bind("Family Name", ImportField::FamilyName);
    bind("Organization 1 - Name", ImportField::Organization);
    bind("Organization 1 - Title", ImportField::Title);
    bind("Group Membership", ImportField::Tags);
    // Current layout.
    bind("First Name", ImportField::GivenName);
    bind("Middle Name", ImportField::MiddleName);
    bind("Last Name", ImportField::FamilyName);
    bind("Organization Name", ImportField::Organization);
    bind("Organization Title", ImportField::Title);
    bind("Labels", ImportField::Tags);
    // Both: numbered value columns, "E-mail 1 - Value", "Phone 2 - Value", "Website 1 - Value".
    static const QRegularExpression numbered(QStringLiteral("^(E-mail|Phone|Website) \\d+ - Value$"),
                                             QRegularExpression::CaseInsensitiveOption);
    for (int i = 0; i < header.size(); ++i) {
        const QRegularExpressionMatch match = numbered.match(header.at(i).trimmed());
        if (!match.hasMatch())
            continue;
        const QString what = match.captured(1).toLower();
        mapping.bind(i, what == QLatin1String("e-mail")  ? ImportField::Email
                        : what == QLatin1String("phone") ? ImportField::Phone
                                                         : ImportField::Website);
    }
    return mapping;
}

QString GoogleContactsFormat::headerHint(ImportTarget) const
{
    return QStringLiteral("First Name,Middle Name,Last Name,…,E-mail 1 - Value,… (or Name,Given Name,…)");
}

} // namespace rapport
