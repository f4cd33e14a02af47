// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/GoogleContactsFormat.h"

#include <QRegularExpression>

namespace rapport {

GoogleContactsFormat::GoogleContactsFormat()
    : ContactsFormat(
          QStringLiteral("google"), QStringLiteral("Google Contacts"),
          QStringLiteral("First Name,Middle Name,Last Name,…,E-mail 1 - Value,… (or Name,Given Name,…)"))
{}

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
    bindNamed(mapping, header,
              {
                  // Older layout.
                  {"Name", ImportField::DisplayName},
                  {"Given Name", ImportField::GivenName},
                  {"Additional Name", ImportField::MiddleName},
                  {"Family Name", ImportField::FamilyName},
                  {"Organization 1 - Name", ImportField::Organization},
                  {"Organization 1 - Title", ImportField::Title},
                  {"Group Membership", ImportField::Tags},
                  // Current layout.
                  {"First Name", ImportField::GivenName},
                  {"Middle Name", ImportField::MiddleName},
                  {"Last Name", ImportField::FamilyName},
                  {"Organization Name", ImportField::Organization},
                  {"Organization Title", ImportField::Title},
                  {"Labels", ImportField::Tags},
              });
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

} // namespace rapport
