// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/TrustNote.h"

#include <array>

namespace rapport {

namespace {
const std::array<const char*, trustKindCount> kindKeys{
    "commitment_kept", "commitment_broken", "shared_value", "boundary", "concern", "appreciation", "context"};
const std::array<const char*, trustKindCount> kindLabels{
    "Commitment kept", "Commitment broken", "Shared value", "Boundary", "Concern", "Appreciation", "Context"};
} // namespace

QString trustKindName(TrustKind kind)
{
    return QString::fromLatin1(kindKeys[static_cast<size_t>(kind)]);
}

QString trustKindLabel(TrustKind kind)
{
    return QString::fromLatin1(kindLabels[static_cast<size_t>(kind)]);
}

QStringList trustKindNames()
{
    QStringList names;
    for (const char* key : kindKeys)
        names << QString::fromLatin1(key);
    return names;
}

std::optional<TrustKind> parseTrustKind(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    for (int i = 0; i < trustKindCount; ++i) {
        if (key == QLatin1String(kindKeys[static_cast<size_t>(i)]))
            return static_cast<TrustKind>(i);
    }
    return std::nullopt;
}

} // namespace rapport
