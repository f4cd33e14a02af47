// SPDX-License-Identifier: GPL-3.0-or-later
// Scoring settings: defaults of scoring.md, validation with clear refusals, and the stored form.
#include "core/scoring/ScoringSettings.h"

#include "tests/support/TestSupport.h"

using namespace rapport;

TEST_CASE("Defaults are those of scoring.md", "[settings]")
{
    const ScoringSettings settings;
    CHECK(settings.halfLifeDays == 90);
    CHECK(settings.priorCadenceDays == 30);
    CHECK(settings.cadenceAlpha == 0.3);
    CHECK(settings.referenceTouches == 19);
    CHECK(settings.recencyWeight == 0.40);
    CHECK(settings.frequencyWeight == 0.35);
    CHECK(settings.reciprocityWeight == 0.25);
    CHECK(settings.trustWeight == 0);
    for (Channel channel : allChannels)
        CHECK(settings.channelWeight(channel) == 1);
    CHECK(settings.validate().ok());
}

TEST_CASE("Invalid settings are refused with the parameter's name", "[settings]")
{
    struct Case
    {
        const char* key;
        std::function<void(ScoringSettings&)> spoil;
    };
    const std::vector<Case> cases{
        {"half_life_days",
         [](ScoringSettings& s) {
             s.halfLifeDays = 0;
         }},
        {"half_life_days",
         [](ScoringSettings& s) {
             s.halfLifeDays = -5;
         }},
        {"prior_cadence_days",
         [](ScoringSettings& s) {
             s.priorCadenceDays = 0;
         }},
        {"cadence_alpha",
         [](ScoringSettings& s) {
             s.cadenceAlpha = 1;
         }},
        {"reference_touches",
         [](ScoringSettings& s) {
             s.referenceTouches = 0;
         }},
        {"weight_recency",
         [](ScoringSettings& s) {
             s.recencyWeight = -0.1;
         }},
        {"weight_trust",
         [](ScoringSettings& s) {
             s.trustWeight = -1;
         }},
        {"channel_weight_call",
         [](ScoringSettings& s) {
             s.channelWeights[1] = -2;
         }},
        {"half_life_days",
         [](ScoringSettings& s) {
             s.halfLifeDays = std::nan("");
         }},
    };
    for (const Case& c : cases) {
        ScoringSettings settings;
        c.spoil(settings);
        const Status status = settings.validate();
        INFO(c.key);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().kind == ErrorKind::BadInput);
        CHECK(status.error().message.contains(QString::fromLatin1(c.key)));
    }
    ScoringSettings allZero;
    allZero.recencyWeight = allZero.frequencyWeight = allZero.reciprocityWeight = 0;
    CHECK_FALSE(allZero.validate().ok());
}

TEST_CASE("Each setting has a bounded range, named in its refusal", "[settings][validation]")
{
    struct Case
    {
        const char* key;
        double ScoringSettings::*member;
        std::vector<double> accepted;
        std::vector<double> refused;
        const char* range;
    };
    const std::vector<Case> cases{
        {"half_life_days",
         &ScoringSettings::halfLifeDays,
         {1, 3650},
         {1e-300, 0.5, 3650.5, 1e300},
         "from 1 to 3650"},
        {"prior_cadence_days",
         &ScoringSettings::priorCadenceDays,
         {1, 3650},
         {1e-300, 0.99, 3651},
         "from 1 to 3650"},
        {"cadence_alpha", &ScoringSettings::cadenceAlpha, {1e-6, 0.999}, {0, 1, 1.5}, "between 0 and 1"},
        {"reference_touches",
         &ScoringSettings::referenceTouches,
         {1e-3, 1000},
         {0, 1000.5, 1e300},
         "at most 1000"},
        {"weight_recency", &ScoringSettings::recencyWeight, {0, 100}, {-1e-9, 100.5, 1e300}, "from 0 to 100"},
        {"weight_trust", &ScoringSettings::trustWeight, {0, 100}, {101}, "from 0 to 100"},
    };
    for (const Case& c : cases) {
        INFO(c.key);
        for (const double value : c.accepted) {
            ScoringSettings settings;
            settings.*c.member = value;
            CAPTURE(value);
            CHECK(settings.validate().ok());
        }
        for (const double value : c.refused) {
            ScoringSettings settings;
            settings.*c.member = value;
            CAPTURE(value);
            const Status status = settings.validate();
            REQUIRE_FALSE(status.ok());
            CHECK(status.error().kind == ErrorKind::BadInput);
            CHECK(status.error().message.contains(QString::fromLatin1(c.key)));
            CHECK(status.error().message.contains(QString::fromLatin1(c.range)));
        }
    }
    ScoringSettings heavyCall;
    heavyCall.channelWeights[1] = 100;
    CHECK(heavyCall.validate().ok());
    heavyCall.channelWeights[1] = 100.5;
    const Status refused = heavyCall.validate();
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == QStringLiteral("channel_weight_call must be from 0 to 100"));

    const Result<ScoringSettings> tiny =
        ScoringSettings::fromMap({{QStringLiteral("half_life_days"), QStringLiteral("1e-300")}});
    REQUIRE_FALSE(tiny.ok());
    CHECK(tiny.error().message == QStringLiteral("half_life_days must be a number of days from 1 to 3650"));
}

TEST_CASE("Settings survive their stored form", "[settings]")
{
    ScoringSettings settings;
    settings.halfLifeDays = 45.5;
    settings.cadenceAlpha = 0.25;
    settings.trustWeight = 0.1;
    settings.channelWeights[static_cast<size_t>(Channel::Meeting)] = 2;
    const ScoringSettings back = rapport::test::require(ScoringSettings::fromMap(settings.toMap()));
    CHECK(back.halfLifeDays == 45.5);
    CHECK(back.cadenceAlpha == 0.25);
    CHECK(back.trustWeight == 0.1);
    CHECK(back.channelWeight(Channel::Meeting) == 2);
    CHECK(back.channelWeight(Channel::Email) == 1);

    auto values = settings.toMap();
    values.insert(QStringLiteral("half_life_days"), QStringLiteral("ninety"));
    const Result<ScoringSettings> notANumber = ScoringSettings::fromMap(values);
    REQUIRE_FALSE(notANumber.ok());
    CHECK(notANumber.error().message.contains(QStringLiteral("'ninety' is not a number")));
    const Result<ScoringSettings> unknown =
        ScoringSettings::fromMap({{QStringLiteral("half_life"), QStringLiteral("9")}});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(QStringLiteral("unknown scoring setting 'half_life'")));
}

TEST_CASE("Only half-life, alpha and channel weights reshape the stored state", "[settings]")
{
    const ScoringSettings base;
    ScoringSettings changed = base;
    changed.recencyWeight = 0.5;
    changed.referenceTouches = 10;
    changed.priorCadenceDays = 14;
    CHECK_FALSE(changed.shapesStateDifferently(base));
    changed.cadenceAlpha = 0.5;
    CHECK(changed.shapesStateDifferently(base));
    changed = base;
    changed.channelWeights[0] = 2;
    CHECK(changed.shapesStateDifferently(base));
}
