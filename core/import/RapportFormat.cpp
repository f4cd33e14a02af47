// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/RapportFormat.h"

namespace rapport {

namespace {

struct Column
{
    const char* name;
    ImportField field;
};

QList<Column> columnsOf(ImportTarget target)
{
    switch (target) {
    case ImportTarget::Contacts:
        return {{"display_name", ImportField::DisplayName},
                {"given_name", ImportField::GivenName},
                {"family_name", ImportField::FamilyName},
                {"organization", ImportField::Organization},
                {"title", ImportField::Title},
                {"owner", ImportField::Owner},
                {"tags", ImportField::Tags},
                {"cadence_days", ImportField::Cadence},
                {"archived", ImportField::Archived},
                {"emails", ImportField::Email},
                {"phones", ImportField::Phone},
                {"handles", ImportField::Handles}};
    case ImportTarget::Interactions:
        return {{"contact_id", ImportField::ContactId},
                {"contact_key", ImportField::ContactKey},
                {"occurred_at", ImportField::OccurredAt},
                {"channel", ImportField::Channel},
                {"direction", ImportField::Direction},
                {"summary", ImportField::Summary},
                {"body", ImportField::Body},
                {"logged_by", ImportField::LoggedBy}};
    case ImportTarget::Notes:
        return {{"contact_id", ImportField::ContactId}, {"contact_key", ImportField::ContactKey},
                {"created_at", ImportField::CreatedAt}, {"author", ImportField::Author},
                {"kind", ImportField::NoteKind},        {"trust_level", ImportField::TrustLevel},
                {"text", ImportField::NoteText}};
    }
    return {};
}

// The columns that tell one report from the others.
QStringList signature(ImportTarget target)
{
    switch (target) {
    case ImportTarget::Contacts:
        return {QStringLiteral("display_name"), QStringLiteral("emails"), QStringLiteral("handles")};
    case ImportTarget::Interactions:
        return {QStringLiteral("occurred_at"), QStringLiteral("channel"), QStringLiteral("direction")};
    case ImportTarget::Notes:
        return {QStringLiteral("created_at"), QStringLiteral("kind"), QStringLiteral("trust_level"),
                QStringLiteral("text")};
    }
    return {};
}

} // namespace

bool RapportFormat::recognizes(const QStringList& header, ImportTarget target) const
{
    return hasColumns(header, signature(target));
}

ColumnMapping RapportFormat::mapping(const QStringList& header, ImportTarget target) const
{
    ColumnMapping mapping;
    for (const Column& c : columnsOf(target)) {
        if (const int index = column(header, QString::fromLatin1(c.name)); index >= 0)
            mapping.bind(index, c.field);
    }
    return mapping;
}

QString RapportFormat::headerHint(ImportTarget target) const
{
    QStringList names;
    for (const Column& c : columnsOf(target))
        names << QString::fromLatin1(c.name);
    return names.join(QLatin1Char(','));
}

} // namespace rapport
