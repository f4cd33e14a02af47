// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/ScoringSettings.h"

#include "core/model/DayRange.h"

#include <QLocale>
#include <cmath>

namespace rapport {

namespace {

struct Field
{
    const char* key;
    double ScoringSettings::*member;
};

const std::array<Field, 8> scalarFields{{
    {"half_life_days", &ScoringSettings::halfLifeDays},
    {"prior_cadence_days", &ScoringSettings::priorCadenceDays},
    {"cadence_alpha", &ScoringSettings::cadenceAlpha},
    {"reference_touches", &ScoringSettings::referenceTouches},
    {"weight_recency", &ScoringSettings::recencyWeight},
    {"weight_frequency", &ScoringSettings::frequencyWeight},
    {"weight_reciprocity", &ScoringSettings::reciprocityWeight},
    {"weight_trust", &ScoringSettings::trustWeight},
}};

QString channelWeightKey(Channel channel)
{
    return QStringLiteral("channel_weight_") + channelName(channel);
}

} // namespace

Status ScoringSettings::validate(Rules rules) const
{
    auto refuse = [](const QString& text) {
        return Status(Error::badInput(text));
    };
    for (const Field& field : scalarFields) {
        if (!std::isfinite(this->*field.member))
            return refuse(QStringLiteral("%1 must be a number").arg(QString::fromLatin1(field.key)));
    }
    if (rules == Rules::ForStoredValues)
        return validateAsEarlierVersions();
    for (const auto& [key, days] :
         {std::pair{"half_life_days", halfLifeDays}, std::pair{"prior_cadence_days", priorCadenceDays}}) {
        if (const QString problem = dayRangeProblem(days); !problem.isEmpty())
            return refuse(QStringLiteral("%1 %2").arg(QString::fromLatin1(key), problem));
    }
    if (cadenceAlpha <= 0 || cadenceAlpha >= 1)
        return refuse(QStringLiteral("cadence_alpha must be between 0 and 1 (exclusive)"));
    if (referenceTouches <= 0 || referenceTouches > maximumReferenceTouches)
        return refuse(QStringLiteral("reference_touches must be greater than 0 and at most %1")
                          .arg(maximumReferenceTouches));
    for (const auto& [key, member] :
         {std::pair{"weight_recency", recencyWeight}, std::pair{"weight_frequency", frequencyWeight},
          std::pair{"weight_reciprocity", reciprocityWeight}, std::pair{"weight_trust", trustWeight}}) {
        if (member < 0 || member > maximumWeight)
            return refuse(
                QStringLiteral("%1 must be from 0 to %2").arg(QString::fromLatin1(key)).arg(maximumWeight));
    }
    if (recencyWeight + frequencyWeight + reciprocityWeight <= 0)
        return refuse(
            QStringLiteral("at least one of weight_recency, weight_frequency and weight_reciprocity "
                           "must be greater than 0"));
    for (Channel channel : allChannels) {
        const double weight = channelWeight(channel);
        if (!std::isfinite(weight) || weight < 0 || weight > maximumWeight)
            return refuse(
                QStringLiteral("%1 must be from 0 to %2").arg(channelWeightKey(channel)).arg(maximumWeight));
    }
    return {};
}

Status ScoringSettings::validateAsEarlierVersions() const
{
    const bool positive = halfLifeDays > 0 && priorCadenceDays > 0 && referenceTouches > 0 &&
                          cadenceAlpha > 0 && cadenceAlpha < 1;
    bool notNegative = recencyWeight >= 0 && frequencyWeight >= 0 && reciprocityWeight >= 0 &&
                       trustWeight >= 0 && recencyWeight + frequencyWeight + reciprocityWeight > 0;
    for (const double weight : channelWeights)
        notNegative = notNegative && std::isfinite(weight) && weight >= 0;
    if (positive && notNegative)
        return {};
    return validate(Rules::ForNewValues); // names the first bad value
}

bool ScoringSettings::shapesStateDifferently(const ScoringSettings& other) const
{
    return halfLifeDays != other.halfLifeDays || cadenceAlpha != other.cadenceAlpha ||
           channelWeights != other.channelWeights;
}

QMap<QString, QString> ScoringSettings::toMap() const
{
    QMap<QString, QString> values;
    for (const Field& field : scalarFields)
        values.insert(QString::fromLatin1(field.key),
                      QString::number(this->*field.member, 'g', QLocale::FloatingPointShortest));
    for (Channel channel : allChannels)
        values.insert(channelWeightKey(channel),
                      QString::number(channelWeight(channel), 'g', QLocale::FloatingPointShortest));
    return values;
}

Result<ScoringSettings> ScoringSettings::fromMap(const QMap<QString, QString>& values, Rules rules)
{
    ScoringSettings settings;
    auto read = [&](const QString& key, double& target) -> Status {
        const auto found = values.constFind(key);
        if (found == values.constEnd())
            return {};
        bool ok = false;
        const double value = found->trimmed().toDouble(&ok);
        if (!ok)
            return Error::badInput(QStringLiteral("%1: '%2' is not a number").arg(key, *found));
        target = value;
        return {};
    };
    for (const Field& field : scalarFields) {
        if (Status status = read(QString::fromLatin1(field.key), settings.*field.member); !status)
            return status.error();
    }
    for (Channel channel : allChannels) {
        if (Status status =
                read(channelWeightKey(channel), settings.channelWeights[static_cast<size_t>(channel)]);
            !status)
            return status.error();
    }
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        if (!keys().contains(it.key()))
            return Error::badInput(QStringLiteral("unknown scoring setting '%1'").arg(it.key()));
    }
    if (Status valid = settings.validate(rules); !valid)
        return valid.error();
    return settings;
}

QStringList ScoringSettings::keys()
{
    QStringList names;
    for (const Field& field : scalarFields)
        names << QString::fromLatin1(field.key);
    for (Channel channel : allChannels)
        names << channelWeightKey(channel);
    return names;
}

} // namespace rapport
