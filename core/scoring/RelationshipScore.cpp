// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/RelationshipScore.h"

#include <array>

namespace rapport {

namespace {
const std::array<const char*, bandCount> bandNames{"Thriving", "Steady",  "New",
                                                   "Cooling",  "At risk", "No history"};
const std::array<const char*, bandCount> bandKeys{"thriving", "steady",  "new",
                                                  "cooling",  "at_risk", "no_history"};
} // namespace

QString bandName(Band band)
{
    return QString::fromLatin1(bandNames[static_cast<size_t>(band)]);
}

QString bandKey(Band band)
{
    return QString::fromLatin1(bandKeys[static_cast<size_t>(band)]);
}

std::optional<Band> parseBand(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    for (int i = 0; i < bandCount; ++i) {
        if (key == QLatin1String(bandKeys[static_cast<size_t>(i)]))
            return static_cast<Band>(i);
    }
    return std::nullopt;
}

QString componentName(Component component)
{
    switch (component) {
    case Component::Recency:
        return QStringLiteral("recency");
    case Component::Frequency:
        return QStringLiteral("frequency");
    case Component::Reciprocity:
        return QStringLiteral("reciprocity");
    case Component::Trust:
        return QStringLiteral("trust");
    }
    return {};
}

} // namespace rapport
