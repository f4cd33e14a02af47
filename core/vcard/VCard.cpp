// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/VCard.h"

namespace rapport {

namespace {

// Splits on `separator` where it is not escaped; the parts keep their escapes.
QList<QStringView> splitEscaped(QStringView text, QChar separator)
{
    QList<QStringView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\')) {
            ++i;
        } else if (text.at(i) == separator) {
            parts << text.mid(start, i - start);
            start = i + 1;
        }
    }
    parts << text.mid(start);
    return parts;
}

} // namespace

QString unescapeVCardText(QStringView text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 == text.size()) {
            plain.append(c);
            continue;
        }
        const QChar next = text.at(++i);
        if (next == QLatin1Char('n') || next == QLatin1Char('N'))
            plain.append(QLatin1Char('\n'));
        else
            plain.append(next);
    }
    return plain;
}

QString escapeVCardText(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\r')) {
            if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                continue;
            escaped.append(QLatin1String("\\n"));
        } else if (c == QLatin1Char('\n')) {
            escaped.append(QLatin1String("\\n"));
        } else {
            if (c == QLatin1Char('\\') || c == QLatin1Char(',') || c == QLatin1Char(';'))
                escaped.append(QLatin1Char('\\'));
            escaped.append(c);
        }
    }
    return escaped;
}

QStringList VCardProperty::parameter(const QString& wanted) const
{
    QStringList values;
    for (const VCardParameter& p : parameters) {
        if (p.name.compare(wanted, Qt::CaseInsensitive) == 0)
            values << p.values;
    }
    return values;
}

bool VCardProperty::hasType(const QString& type) const
{
    for (const QString& value : parameter(QStringLiteral("TYPE"))) {
        for (const QString& item : value.split(QLatin1Char(','))) {
            if (item.trimmed().compare(type, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

QString VCardProperty::text() const
{
    return unescapeVCardText(value);
}

QStringList VCardProperty::components() const
{
    QStringList parts;
    for (QStringView part : splitEscaped(value, QLatin1Char(';')))
        parts << unescapeVCardText(part);
    return parts;
}

QStringList VCardProperty::list() const
{
    QStringList items;
    for (QStringView item : splitEscaped(value, QLatin1Char(','))) {
        const QString plain = unescapeVCardText(item).trimmed();
        if (!plain.isEmpty())
            items << plain;
    }
    return items;
}

VCardProperty VCardProperty::fromText(const QString& name, const QString& text)
{
    VCardProperty property;
    property.name = name;
    property.value = escapeVCardText(text);
    return property;
}

VCardProperty VCardProperty::fromComponents(const QString& name, const QStringList& components)
{
    QStringList escaped;
    for (const QString& component : components)
        escaped << escapeVCardText(component);
    VCardProperty property;
    property.name = name;
    property.value = escaped.join(QLatin1Char(';'));
    return property;
}

VCardProperty VCardProperty::fromList(const QString& name, const QStringList& items)
{
    QStringList escaped;
    for (const QString& item : items)
        escaped << escapeVCardText(item);
    VCardProperty property;
    property.name = name;
    property.value = escaped.join(QLatin1Char(','));
    return property;
}

QList<const VCardProperty*> VCard::all(const QString& name) const
{
    QList<const VCardProperty*> found;
    for (const VCardProperty& property : properties) {
        if (property.name == name)
            found << &property;
    }
    return found;
}

const VCardProperty* VCard::first(const QString& name) const
{
    for (const VCardProperty& property : properties) {
        if (property.name == name)
            return &property;
    }
    return nullptr;
}

const VCardProperty* VCard::inGroup(const QString& group, const QString& name) const
{
    if (group.isEmpty())
        return nullptr;
    for (const VCardProperty& property : properties) {
        if (property.name == name && property.group.compare(group, Qt::CaseInsensitive) == 0)
            return &property;
    }
    return nullptr;
}

} // namespace rapport
