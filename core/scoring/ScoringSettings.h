// SPDX-License-Identifier: GPL-3.0-or-later
// Every parameter of the scoring model (scoring.md), with its defaults and validation. Stored in the
// database so that a team shares one model.
#pragma once

#include "core/base/Result.h"
#include "core/model/Channel.h"

#include <QMap>
#include <QString>
#include <array>

namespace rapport {

struct ScoringSettings
{
    // Upper bounds that keep every product in the model finite and far from rounding trouble; no
    // sensible model comes near them (the defaults are 19 touches and weights below 1).
    static constexpr double maximumReferenceTouches = 1000;
    static constexpr double maximumWeight = 100; // each score weight and each channel weight

    double halfLifeDays = 90.0;     // H
    double priorCadenceDays = 30.0; // E0, before any gap is seen (tags may override)
    double cadenceAlpha = 0.3;      // α, weight of the newest gap
    double referenceTouches = 19.0; // D_ref, decayed touches that earn full frequency
    double recencyWeight = 0.40;
    double frequencyWeight = 0.35;
    double reciprocityWeight = 0.25;
    double trustWeight = 0.0; // optional; 0 leaves trust out of the score
    std::array<double, channelCount> channelWeights{1, 1, 1, 1, 1, 1, 1, 1};

    double channelWeight(Channel channel) const { return channelWeights[static_cast<size_t>(channel)]; }

    // A refusal naming the first bad parameter and its accepted range, e.g. "half_life_days must be a
    // number of days from 1 to 3650" (the range of DayRange.h for half-life and prior cadence).
    //
    // New values must lie in the accepted ranges. Settings stored by an earlier version, whose only
    // rules were "positive" and "not negative", are read under those rules, so that such a file still
    // opens and `rapport settings --set` can bring it into range.
    enum class Rules
    {
        ForNewValues,
        ForStoredValues
    };
    Status validate(Rules rules = Rules::ForNewValues) const;

    // Whether the per-contact state must be rebuilt to go from `other` to these settings. Weights of
    // the score and D_ref only shape the reading; E0 is applied at read time (see RelationshipState).
    bool shapesStateDifferently(const ScoringSettings& other) const;

    // Key/value form used by the settings table and the command line ("half_life_days" = "90").
    QMap<QString, QString> toMap() const;
    static Result<ScoringSettings> fromMap(const QMap<QString, QString>& values,
                                           Rules rules = Rules::ForNewValues);
    static QStringList keys();

private:
    Status validateAsEarlierVersions() const;
};

} // namespace rapport
