// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ColumnMapping.h"

#include <algorithm>

namespace rapport {

namespace {

// Lower case, letters and digits only: "E-mail Address" and "email_address" compare equal.
QString simplified(const QString& name)
{
    QString key;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}

std::optional<ImportField> fieldForName(const QString& name, ImportTarget target)
{
    const QString key = simplified(name);
    for (ImportField field : importFields(target)) {
        if (key == simplified(importFieldKey(field)) || key == simplified(importFieldLabel(field)))
            return field;
    }
    struct Synonym
    {
        const char* name;
        ImportField field;
    };
    static const Synonym contactSynonyms[] = {
        {"name", ImportField::DisplayName},     {"fullname", ImportField::DisplayName},
        {"firstname", ImportField::GivenName},  {"lastname", ImportField::FamilyName},
        {"surname", ImportField::FamilyName},   {"emailaddress", ImportField::Email},
        {"mail", ImportField::Email},           {"emails", ImportField::Email},
        {"company", ImportField::Organization}, {"position", ImportField::Title},
        {"jobtitle", ImportField::Title},       {"mobile", ImportField::Phone},
        {"phonenumber", ImportField::Phone},    {"phones", ImportField::Phone},
        {"labels", ImportField::Tags},          {"categories", ImportField::Tags},
        {"url", ImportField::Website},          {"web", ImportField::Website},
    };
    static const Synonym logSynonyms[] = {
        {"contact", ImportField::ContactKey}, {"email", ImportField::ContactKey},
        {"date", ImportField::OccurredAt},    {"time", ImportField::OccurredAt},
        {"subject", ImportField::Summary},    {"notes", ImportField::Body},
    };
    static const Synonym noteSynonyms[] = {
        {"contact", ImportField::ContactKey}, {"email", ImportField::ContactKey},
        {"date", ImportField::CreatedAt},     {"note", ImportField::NoteText},
        {"level", ImportField::TrustLevel},   {"trust", ImportField::TrustLevel},
    };
    auto find = [&key](const auto& synonyms) -> std::optional<ImportField> {
        for (const Synonym& synonym : synonyms) {
            if (key == QLatin1String(synonym.name))
                return synonym.field;
        }
        return std::nullopt;
    };
    switch (target) {
    case ImportTarget::Contacts:
        return find(contactSynonyms);
    case ImportTarget::Interactions:
        return find(logSynonyms);
    case ImportTarget::Notes:
        return find(noteSynonyms);
    }
    return std::nullopt;
}

} // namespace

void ColumnMapping::bind(int column, ImportField field, MethodKind service)
{
    unbind(column);
    const ColumnBinding binding{column, field, service};
    const auto position = std::lower_bound(m_bindings.begin(), m_bindings.end(), column,
                                           [](const ColumnBinding& b, int c) { return b.column < c; });
    m_bindings.insert(position, binding);
}

void ColumnMapping::unbind(int column)
{
    m_bindings.removeIf([column](const ColumnBinding& binding) { return binding.column == column; });
}

QList<ColumnBinding> ColumnMapping::bindingsOf(ImportField field) const
{
    QList<ColumnBinding> found;
    for (const ColumnBinding& binding : m_bindings) {
        if (binding.field == field)
            found << binding;
    }
    return found;
}

bool ColumnMapping::has(ImportField field) const
{
    return std::any_of(m_bindings.begin(), m_bindings.end(),
                       [field](const ColumnBinding& binding) { return binding.field == field; });
}

std::optional<ColumnBinding> ColumnMapping::bindingOf(int column) const
{
    for (const ColumnBinding& binding : m_bindings) {
        if (binding.column == column)
            return binding;
    }
    return std::nullopt;
}

QString ColumnMapping::problem(ImportTarget target) const
{
    auto label = [](ImportField field) {
        return importFieldLabel(field);
    };
    switch (target) {
    case ImportTarget::Contacts:
        if (!has(ImportField::DisplayName) && !has(ImportField::GivenName) && !has(ImportField::FamilyName) &&
            !has(ImportField::Email) && !has(ImportField::Handle) && !has(ImportField::Handles))
            return QStringLiteral("no column gives a name, an email or a handle");
        return {};
    case ImportTarget::Interactions:
    case ImportTarget::Notes: {
        if (!has(ImportField::ContactId) && !has(ImportField::ContactKey))
            return QStringLiteral("no column names the contact (%1 or %2)")
                .arg(label(ImportField::ContactKey), label(ImportField::ContactId));
        const QList<ImportField> required =
            target == ImportTarget::Interactions
                ? QList<ImportField>{ImportField::OccurredAt, ImportField::Channel, ImportField::Direction}
                : QList<ImportField>{ImportField::CreatedAt};
        for (ImportField field : required) {
            if (!has(field))
                return QStringLiteral("no column gives the %1").arg(label(field).toLower());
        }
        if (target == ImportTarget::Notes && !has(ImportField::NoteText) && !has(ImportField::TrustLevel))
            return QStringLiteral("no column gives the note or a trust level");
        return {};
    }
    }
    return {};
}

QStringList ColumnMapping::save(const QStringList& header) const
{
    QStringList saved;
    for (const ColumnBinding& binding : m_bindings) {
        if (binding.column >= header.size())
            continue;
        QString field = importFieldKey(binding.field);
        if (binding.field == ImportField::Handle)
            field += QLatin1Char(':') + methodKindName(binding.service);
        saved << header.at(binding.column) + QLatin1Char('=') + field;
    }
    return saved;
}

Result<ColumnMapping> ColumnMapping::restore(const QStringList& saved, const QStringList& header)
{
    ColumnMapping mapping;
    for (const QString& entry : saved) {
        const qsizetype equals = entry.lastIndexOf(QLatin1Char('='));
        const QString name = entry.left(equals);
        QString fieldText = entry.mid(equals + 1);
        const int column = static_cast<int>(header.indexOf(name));
        if (equals < 0 || column < 0)
            return Error::badInput(QStringLiteral("saved mapping: this file has no column '%1'").arg(name));
        MethodKind service = MethodKind::Email;
        if (const qsizetype colon = fieldText.indexOf(QLatin1Char(':')); colon >= 0) {
            const std::optional<MethodKind> kind = parseMethodKind(fieldText.mid(colon + 1));
            if (!kind)
                return Error::badInput(QStringLiteral("saved mapping: unknown service in '%1'").arg(entry));
            service = *kind;
            fieldText = fieldText.left(colon);
        }
        const std::optional<ImportField> field = parseImportField(fieldText);
        if (!field)
            return Error::badInput(QStringLiteral("saved mapping: unknown field in '%1'").arg(entry));
        mapping.bind(column, *field, service);
    }
    return mapping;
}

ColumnMapping ColumnMapping::guess(const QStringList& header, ImportTarget target)
{
    ColumnMapping mapping;
    for (int column = 0; column < header.size(); ++column) {
        const QString& name = header.at(column);
        if (target == ImportTarget::Contacts) {
            if (const std::optional<MethodKind> service = parseMethodKind(name);
                service && *service != MethodKind::Email && *service != MethodKind::Phone &&
                *service != MethodKind::Website) {
                mapping.bind(column, ImportField::Handle, *service);
                continue;
            }
        }
        const std::optional<ImportField> field = fieldForName(name, target);
        if (!field)
            continue;
        // One column per single-valued field: the first one wins.
        const bool multi = *field == ImportField::Email || *field == ImportField::Phone ||
                           *field == ImportField::Website || *field == ImportField::Tags;
        if (multi || !mapping.has(*field))
            mapping.bind(column, *field);
    }
    return mapping;
}

} // namespace rapport
