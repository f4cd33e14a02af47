// SPDX-License-Identifier: GPL-3.0-or-later
// What Rapport says about one relationship at one moment: the components, the total, the band and
// the facts the explanation sentence is made of.
#pragma once

#include <QString>
#include <optional>

namespace rapport {

enum class Band : int
{
    Thriving = 0,
    Steady,
    New,
    Cooling,
    AtRisk,
    NoHistory
};
inline constexpr int bandCount = 6;

QString bandName(Band band); // "Thriving", "At risk", ...
QString bandKey(Band band);  // "thriving", "at_risk", ...
std::optional<Band> parseBand(const QString& text);

enum class Component : int
{
    Recency,
    Frequency,
    Reciprocity,
    Trust
};

QString componentName(Component component);

enum class CadenceSource : int
{
    Target,  // the contact's explicit "keep in touch every N days"
    Learned, // learned from the gaps between touch days
    Prior    // no gap seen yet: the tag's or the global prior
};

struct RelationshipScore
{
    bool hasHistory = false;
    double recency = 0;
    double frequency = 0;
    double reciprocity = 50;
    std::optional<double> trust; // 0..100 from the latest trust level, when known
    double score = 0;            // meaningless without history
    Band band = Band::NoHistory;
    double daysSinceLast = 0;
    double cadenceDays = 0;
    CadenceSource cadenceSource = CadenceSource::Prior;
    double overdueRatio = 0;
    int touchDays = 0;
    int recentOutbound = 0;
    int recentInbound = 0;
    int recentMutual = 0;
    std::optional<Component> biggestDrag; // none when nothing holds the score back
};

} // namespace rapport
