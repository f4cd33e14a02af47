// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/OutlookFormat.h"

namespace rapport {

bool OutlookFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    return target == ImportTarget::Contacts &&
           hasColumns(header, {QStringLiteral("First Name"), QStringLiteral("Last Name"),
                               QStringLiteral("E-mail Address")});
}

ColumnMapping OutlookFormat::mapping(const QStringList& header, ImportTarget) const
{
    ColumnMapping mapping;
    auto bind = [&](const char* name, ImportField field) {
        if (const int index = column(header, QString::fromLatin1(name)); index >= 0)
            mapping.bind(index, field);
    };
    bind("First Name", ImportField::GivenName);
    bind("Middle Name", ImportField::MiddleName);
    bind("Last Name", ImportField::FamilyName);
    bind("Company", ImportField::Organization);
    bind("Job Title", ImportField::Title);
    bind("E-mail Address", ImportField::Email);
    bind("E-mail 2 Address", ImportField::Email);
    bind("E-mail 3 Address", ImportField::Email);
    bind("Web Page", ImportField::Website);
    bind("Personal Web Page", ImportField::Website);
    bind("Business Web Page", ImportField::Website);
    bind("Categories", ImportField::Tags);
    // The person's own numbers; not faxes, pagers or an assistant's.
    for (int i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.contains(QLatin1String("Phone"), Qt::CaseInsensitive) &&
            !name.contains(QLatin1String("Assistant"), Qt::CaseInsensitive))
            mapping.bind(i, ImportField::Phone);
    }
    return mapping;
}

QString OutlookFormat::headerHint(ImportTarget) const
{
    return QStringLiteral("First Name,Middle Name,Last Name,Title,…,E-mail Address,…");
}

} // namespace rapport
