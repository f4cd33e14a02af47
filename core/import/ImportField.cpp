// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ImportField.h"

#include <array>

namespace rapport {

namespace {

struct FieldName
{
    ImportField field;
    const char* key;
    const char* label;
};

constexpr std::array<FieldName, 28> fieldNames{{
    {ImportField::DisplayName, "display_name", "Display name"},
    {ImportField::GivenName, "given_name", "Given name"},
    {ImportField::MiddleName, "middle_name", "Middle name"},
    {ImportField::FamilyName, "family_name", "Family name"},
    {ImportField::Organization, "organization", "Organization"},
    {ImportField::Title, "title", "Job title"},
    {ImportField::Email, "email", "Email"},
    {ImportField::Phone, "phone", "Phone"},
    {ImportField::Website, "website", "Website"},
    {ImportField::Handle, "handle", "Handle"},
    {ImportField::Handles, "handles", "Handles (service:handle; …)"},
    {ImportField::Tags, "tags", "Tags"},
    {ImportField::Owner, "owner", "Owner"},
    {ImportField::Cadence, "cadence_days", "Keep in touch every (days)"},
    {ImportField::Archived, "archived", "Archived"},
    {ImportField::ContactId, "contact_id", "Contact id"},
    {ImportField::ContactKey, "contact_key", "Contact (id, email or handle)"},
    {ImportField::OccurredAt, "occurred_at", "Date and time"},
    {ImportField::Channel, "channel", "Channel"},
    {ImportField::Direction, "direction", "Direction"},
    {ImportField::Summary, "summary", "Summary"},
    {ImportField::Body, "body", "Body"},
    {ImportField::LoggedBy, "logged_by", "Logged by"},
    {ImportField::CreatedAt, "created_at", "Date written"},
    {ImportField::NoteKind, "kind", "Kind of note"},
    {ImportField::TrustLevel, "trust_level", "Trust level (1-5)"},
    {ImportField::NoteText, "text", "Note"},
    {ImportField::Author, "author", "Author"},
}};

const FieldName& nameOf(ImportField field)
{
    for (const FieldName& name : fieldNames) {
        if (name.field == field)
            return name;
    }
    return fieldNames[0];
}

} // namespace

QString importTargetName(ImportTarget target)
{
    switch (target) {
    case ImportTarget::Contacts:
        return QStringLiteral("contacts");
    case ImportTarget::Interactions:
        return QStringLiteral("interactions");
    case ImportTarget::Notes:
        return QStringLiteral("notes");
    }
    return {};
}

std::optional<ImportTarget> parseImportTarget(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (ImportTarget target : {ImportTarget::Contacts, ImportTarget::Interactions, ImportTarget::Notes}) {
        if (key == importTargetName(target))
            return target;
    }
    return std::nullopt;
}

QString importFieldKey(ImportField field)
{
    return QString::fromLatin1(nameOf(field).key);
}

QString importFieldLabel(ImportField field)
{
    return QString::fromLatin1(nameOf(field).label);
}

std::optional<ImportField> parseImportField(const QString& key)
{
    const QString wanted = key.trimmed().toLower();
    for (const FieldName& name : fieldNames) {
        if (wanted == QLatin1String(name.key))
            return name.field;
    }
    return std::nullopt;
}

QList<ImportField> importFields(ImportTarget target)
{
    switch (target) {
    case ImportTarget::Contacts:
        return {ImportField::DisplayName, ImportField::GivenName,    ImportField::MiddleName,
                ImportField::FamilyName,  ImportField::Organization, ImportField::Title,
                ImportField::Email,       ImportField::Phone,        ImportField::Website,
                ImportField::Handle,      ImportField::Handles,      ImportField::Tags,
                ImportField::Owner,       ImportField::Cadence,      ImportField::Archived};
    case ImportTarget::Interactions:
        return {ImportField::ContactKey, ImportField::ContactId, ImportField::OccurredAt,
                ImportField::Channel,    ImportField::Direction, ImportField::Summary,
                ImportField::Body,       ImportField::LoggedBy};
    case ImportTarget::Notes:
        return {ImportField::ContactKey, ImportField::ContactId,  ImportField::CreatedAt,
                ImportField::NoteKind,   ImportField::TrustLevel, ImportField::NoteText,
                ImportField::Author};
    }
    return {};
}

} // namespace rapport
