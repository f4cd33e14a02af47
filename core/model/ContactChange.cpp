// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ContactChange.h"

#include "core/model/ContactMethod.h"

#include <QHash>
#include <array>

namespace rapport {

namespace {

const std::array<const char*, 7> sourceKeys{"edit",      "command_line", "import", "merge",
                                            "bulk_edit", "undo",         "redo"};

// The field as a sentence starts it.
QString fieldLabel(const QString& field)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("display_name"), QStringLiteral("Name")},
        {QStringLiteral("given_name"), QStringLiteral("Given name")},
        {QStringLiteral("family_name"), QStringLiteral("Family name")},
        {QStringLiteral("organization"), QStringLiteral("Organization")},
        {QStringLiteral("title"), QStringLiteral("Title")},
        {QStringLiteral("owner"), QStringLiteral("Owner")},
        {QStringLiteral("cadence_days"), QStringLiteral("Cadence")},
        {QStringLiteral("tag"), QStringLiteral("Tag")},
        {QStringLiteral("email"), QStringLiteral("Email")},
        {QStringLiteral("phone"), QStringLiteral("Phone")},
        {QStringLiteral("website"), QStringLiteral("Website")},
    };
    if (const auto label = labels.constFind(field); label != labels.cend())
        return *label;
    // The other method kinds are services: "GitHub handle" would be a guess at their spelling.
    if (parseMethodKind(field))
        return QStringLiteral("%1 handle").arg(field);
    return field;
}

QString shownValue(const QString& field, const QString& value)
{
    if (field == QLatin1String("cadence_days"))
        return QStringLiteral("every %1 days").arg(value);
    return value;
}

// Whether the field is one of several values (methods, tags), which are added and removed rather than
// set and cleared.
bool isListField(const QString& field)
{
    return field == QLatin1String(changed::tag) || parseMethodKind(field).has_value();
}

} // namespace

QString changeSourceName(ChangeSource source)
{
    return QString::fromLatin1(sourceKeys[static_cast<size_t>(source)]);
}

std::optional<ChangeSource> parseChangeSource(const QString& text)
{
    for (size_t i = 0; i < sourceKeys.size(); ++i) {
        if (text == QLatin1String(sourceKeys[i]))
            return static_cast<ChangeSource>(i);
    }
    return std::nullopt;
}

QString describeContactChange(const ContactChange& change)
{
    const QString& field = change.field;
    if (field == QLatin1String(changed::contact)) {
        switch (change.source) {
        case ChangeSource::Import:
            return QStringLiteral("Imported as %1").arg(change.newValue);
        case ChangeSource::Undo:
        case ChangeSource::Redo:
            return QStringLiteral("Brought back as %1").arg(change.newValue);
        default:
            return QStringLiteral("Created as %1").arg(change.newValue);
        }
    }
    if (field == QLatin1String(changed::mergedFrom))
        return change.newValue.isEmpty() ? QStringLiteral("Merge of %1 undone").arg(change.oldValue)
                                         : QStringLiteral("Merged from %1").arg(change.newValue);
    if (field == QLatin1String(changed::introducedBy)) {
        if (change.oldValue.isEmpty())
            return QStringLiteral("Introduced by %1").arg(change.newValue);
        if (change.newValue.isEmpty())
            return QStringLiteral("Introducer removed (was %1)").arg(change.oldValue);
        return QStringLiteral("Introduced by: %1 → %2").arg(change.oldValue, change.newValue);
    }
    if (field == QLatin1String(changed::introduced))
        return change.oldValue.isEmpty() ? QStringLiteral("Introduced %1").arg(change.newValue)
                                         : QStringLiteral("Introduction of %1 removed").arg(change.oldValue);
    if (field == QLatin1String(changed::knows))
        return change.oldValue.isEmpty() ? QStringLiteral("Knows %1").arg(change.newValue)
                                         : QStringLiteral("No longer knows %1").arg(change.oldValue);
    if (field == QLatin1String("archived"))
        return change.newValue == QLatin1String("true") ? QStringLiteral("Archived")
                                                        : QStringLiteral("Unarchived");
    const QString label = fieldLabel(field);
    const QString before = shownValue(field, change.oldValue);
    const QString after = shownValue(field, change.newValue);
    if (isListField(field)) {
        if (change.oldValue.isEmpty())
            return QStringLiteral("%1 added: %2").arg(label, after);
        if (change.newValue.isEmpty())
            return QStringLiteral("%1 removed: %2").arg(label, before);
        return QStringLiteral("%1 changed: %2 → %3").arg(label, before, after);
    }
    if (change.oldValue.isEmpty())
        return QStringLiteral("%1 set to %2").arg(label, after);
    if (change.newValue.isEmpty())
        return QStringLiteral("%1 cleared (was %2)").arg(label, before);
    return QStringLiteral("%1: %2 → %3").arg(label, before, after);
}

} // namespace rapport
