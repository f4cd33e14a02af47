// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/ScoreCalculator.h"

#include <algorithm>
#include <cmath>

namespace rapport {

namespace {

Band bandFor(double score, double overdue, qint64 touchDays)
{
    if (score < 30 || overdue >= 4)
        return Band::AtRisk;
    if (score < 50 || overdue >= 2)
        return Band::Cooling;
    if (touchDays < 3)
        return Band::New;
    if (score >= 70)
        return Band::Thriving;
    return Band::Steady;
}

} // namespace

QString formatScoreDelta(double value)
{
    const long rounded = std::lround(value);
    if (rounded < 0)
        return QStringLiteral("\u2212%1").arg(-rounded);
    if (rounded > 0)
        return QStringLiteral("+%1").arg(rounded);
    return QStringLiteral("\u00b10");
}

namespace {

// ln(1 + D_ref) is the same for every contact under one setting, and reading all 100k scores spent a
// tenth of its time recomputing it: remembered for the last value asked.
double logOfOnePlus(double referenceTouches)
{
    thread_local double lastReference = -1.0;
    thread_local double lastLog = 0.0;
    if (referenceTouches != lastReference) {
        lastReference = referenceTouches;
        lastLog = std::log1p(referenceTouches);
    }
    return lastLog;
}

QString daysAgo(double days)
{
    const auto whole = static_cast<long>(std::floor(std::max(0.0, days)));
    if (whole == 0)
        return QStringLiteral("today");
    if (whole == 1)
        return QStringLiteral("yesterday");
    return QStringLiteral("%1 days ago").arg(whole);
}

} // namespace

RelationshipScore computeScore(const RelationshipState& state, qint64 nowSeconds, const ScoreContext& context,
                               const ScoringSettings& settings)
{
    RelationshipScore result;
    const double prior = context.tagPriorDays.value_or(settings.priorCadenceDays);
    if (context.cadenceTargetDays) {
        result.cadenceDays = *context.cadenceTargetDays;
        result.cadenceSource = CadenceSource::Target;
    } else if (state.gapCount() > 0) {
        result.cadenceDays = state.cadence(prior, settings.cadenceAlpha);
        result.cadenceSource = CadenceSource::Learned;
    } else {
        result.cadenceDays = prior;
        result.cadenceSource = CadenceSource::Prior;
    }
    if (context.trustLevel)
        result.trust = (std::clamp(*context.trustLevel, 1, 5) - 1) * 25.0;

    if (!state.hasHistory())
        return result;

    const double now = static_cast<double>(nowSeconds) / secondsPerDay;
    const double decay = std::exp2(-(now - state.tRef) / settings.halfLifeDays);
    const double touches = decay * state.dTouch;
    const double outbound = decay * state.dOut;
    const double inbound = decay * state.dIn;

    result.hasHistory = true;
    result.daysSinceLast = std::max(0.0, now - state.tLast);
    result.overdueRatio = result.daysSinceLast / result.cadenceDays;
    result.recency =
        result.overdueRatio <= 1 ? 100.0 : 100.0 * std::max(0.0, 1.0 - std::log2(result.overdueRatio) / 3.0);
    result.frequency = touches >= settings.referenceTouches
                           ? 100.0
                           : 100.0 * std::log1p(touches) / logOfOnePlus(settings.referenceTouches);
    result.reciprocity = 100.0 * (2.0 * std::min(outbound, inbound) + 1.0) / (outbound + inbound + 2.0);

    const bool withTrust = settings.trustWeight > 0 && result.trust.has_value();
    const double totalWeight = settings.recencyWeight + settings.frequencyWeight +
                               settings.reciprocityWeight + (withTrust ? settings.trustWeight : 0.0);
    struct Part
    {
        Component component;
        double weight;
        double value;
    };
    const std::array<Part, 4> parts{{
        {Component::Recency, settings.recencyWeight / totalWeight, result.recency},
        {Component::Frequency, settings.frequencyWeight / totalWeight, result.frequency},
        {Component::Reciprocity, settings.reciprocityWeight / totalWeight, result.reciprocity},
        {Component::Trust, withTrust ? settings.trustWeight / totalWeight : 0.0, result.trust.value_or(0)},
    }};
    double score = 0;
    double largestDrag = 1e-9;
    for (const Part& part : parts) {
        score += part.weight * part.value;
        const double drag = part.weight * (100.0 - part.value);
        if (drag > largestDrag) {
            largestDrag = drag;
            result.biggestDrag = part.component;
        }
    }
    result.score = score;
    result.touchDays = static_cast<int>(state.nTouch);
    result.band = bandFor(score, result.overdueRatio, state.nTouch);
    const RecentDirections recent = state.recent();
    result.recentOutbound = recent.outbound;
    result.recentInbound = recent.inbound;
    result.recentMutual = recent.mutual;
    return result;
}

QString explainScore(const RelationshipScore& score, std::optional<double> delta30)
{
    if (!score.hasHistory)
        return QStringLiteral("No conversations logged yet; expected every ~%1 days.")
            .arg(std::lround(score.cadenceDays));

    QString cadence;
    switch (score.cadenceSource) {
    case CadenceSource::Target:
        cadence = QStringLiteral("target every %1 days").arg(std::lround(score.cadenceDays));
        break;
    case CadenceSource::Learned:
        cadence = QStringLiteral("usually every ~%1 days").arg(std::lround(score.cadenceDays));
        break;
    case CadenceSource::Prior:
        cadence = QStringLiteral("expected every ~%1 days").arg(std::lround(score.cadenceDays));
        break;
    }
    const QString pace = score.overdueRatio > 1
                             ? QStringLiteral("%1\u00d7 overdue").arg(score.overdueRatio, 0, 'f', 1)
                             : QStringLiteral("on track");
    QString text =
        QStringLiteral("Last contact %1; %2 (%3).").arg(daysAgo(score.daysSinceLast), cadence, pace);

    const int recentTotal = score.recentOutbound + score.recentInbound + score.recentMutual;
    if (recentTotal == 1) {
        if (score.recentMutual == 1)
            text += QStringLiteral(" The last conversation involved you both.");
        else
            text += score.recentOutbound == 1 ? QStringLiteral(" The last message was from you.")
                                              : QStringLiteral(" The last message was from them.");
    } else if (recentTotal > 1) {
        const bool mostlyYou = score.recentOutbound >= score.recentInbound;
        text += QStringLiteral(" %1 of the last %2 messages were from %3.")
                    .arg(mostlyYou ? score.recentOutbound : score.recentInbound)
                    .arg(recentTotal)
                    .arg(mostlyYou ? QStringLiteral("you") : QStringLiteral("them"));
    }

    text += QStringLiteral(" Score %1").arg(std::lround(score.score));
    if (delta30)
        text += QStringLiteral(" (%1 vs 30 days ago)").arg(formatScoreDelta(*delta30));
    text += QLatin1Char('.');
    if (score.biggestDrag)
        text += QStringLiteral(" Biggest drag: %1.").arg(componentName(*score.biggestDrag));
    return text;
}

} // namespace rapport
