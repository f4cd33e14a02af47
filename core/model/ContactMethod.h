// SPDX-License-Identifier: GPL-3.0-or-later
// Ways to reach a contact: an email, a phone number or a handle on a service, with the normalized
// form used to recognise the same person across imports.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace rapport {

enum class MethodKind : int
{
    Email = 0,
    Phone,
    Forum,
    X,
    LinkedIn,
    Facebook,
    Mastodon,
    Discord,
    Slack,
    GitHub,
    Website
};
inline constexpr int methodKindCount = 11;

struct ContactMethod
{
    qint64 id = 0;
    MethodKind kind = MethodKind::Email;
    QString value;
    QString label; // e.g. "work", "home"
};

QString methodKindName(MethodKind kind);
QStringList methodKindNames();
// Accepts the canonical names plus common aliases ("twitter" for x, "mail" for email).
std::optional<MethodKind> parseMethodKind(const QString& text);

// The comparable form of a method's value: lower-cased emails, digits-only phones, handles without
// a leading '@', websites without scheme or trailing slash. Empty when the value is unusable.
QString normalizeMethodValue(MethodKind kind, const QString& value);

// Why a value is not acceptable for its kind, or an empty string when it is.
QString validateMethodValue(MethodKind kind, const QString& value);

} // namespace rapport
