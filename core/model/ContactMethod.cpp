// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ContactMethod.h"

#include <QRegularExpression>
#include <array>

namespace rapport {

namespace {
const std::array<const char*, methodKindCount> kindKeys{"email",    "phone",    "forum",    "x",
                                                        "linkedin", "facebook", "mastodon", "discord",
                                                        "slack",    "github",   "website"};
} // namespace

QString methodKindName(MethodKind kind)
{
    return QString::fromLatin1(kindKeys[static_cast<size_t>(kind)]);
}

QStringList methodKindNames()
{
    QStringList names;
    for (const char* key : kindKeys)
        names << QString::fromLatin1(key);
    return names;
}

std::optional<MethodKind> parseMethodKind(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (int i = 0; i < methodKindCount; ++i) {
        if (key == QLatin1String(kindKeys[static_cast<size_t>(i)]))
            return static_cast<MethodKind>(i);
    }
    if (key == QLatin1String("twitter"))
        return MethodKind::X;
    if (key == QLatin1String("mail") || key == QLatin1String("e-mail"))
        return MethodKind::Email;
    if (key == QLatin1String("web") || key == QLatin1String("url"))
        return MethodKind::Website;
    if (key == QLatin1String("tel") || key == QLatin1String("telephone") || key == QLatin1String("mobile"))
        return MethodKind::Phone;
    return std::nullopt;
}

QString normalizeMethodValue(MethodKind kind, const QString& value)
{
    QString text = value.trimmed();
    switch (kind) {
    case MethodKind::Email:
        return text.toLower();
    case MethodKind::Phone: {
        QString digits;
        for (const QChar c : text) {
            if (c.isDigit())
                digits.append(c);
        }
        if (text.startsWith(QLatin1Char('+')) && !digits.isEmpty())
            digits.prepend(QLatin1Char('+'));
        return digits;
    }
    case MethodKind::Website: {
        text = text.toLower();
        static const QRegularExpression scheme(QStringLiteral("^[a-z][a-z0-9+.-]*://"));
        text.remove(scheme);
        if (text.startsWith(QLatin1String("www.")))
            text.remove(0, 4);
        while (text.endsWith(QLatin1Char('/')))
            text.chop(1);
        return text;
    }
    default:
        while (text.startsWith(QLatin1Char('@')))
            text.remove(0, 1);
        return text.toLower();
    }
}

QString validateMethodValue(MethodKind kind, const QString& value)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return QStringLiteral("is empty");
    switch (kind) {
    case MethodKind::Email: {
        static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
        if (!email.match(text).hasMatch())
            return QStringLiteral("not an email address: '%1'").arg(text);
        return {};
    }
    case MethodKind::Phone: {
        const QString digits = normalizeMethodValue(kind, text);
        if (digits.count(QRegularExpression(QStringLiteral("\\d"))) < 3)
            return QStringLiteral("not a phone number: '%1'").arg(text);
        return {};
    }
    default:
        if (normalizeMethodValue(kind, text).isEmpty())
            return QStringLiteral("not a %1 handle: '%2'").arg(methodKindName(kind), text);
        if (text.contains(QLatin1Char('\n')))
            return QStringLiteral("a handle cannot span lines");
        return {};
    }
}

} // namespace rapport
