// SPDX-License-Identifier: GPL-3.0-or-later
// The scoring model of scoring.md, through the core API: the worked examples, bands, explanations,
// cadence sources, trends and the promise that incremental state equals a replay of the log.
#include "core/scoring/LogReplay.h"
#include "core/scoring/ScoreBoard.h"
#include "core/services/ConsistencyCheck.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ScoringFixture.h"

#include <QRandomGenerator>

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr double tolerance = 0.01;

Direction alternatingFromNewestOutbound(int oldestFirstIndex, int count)
{
    return (count - 1 - oldestFirstIndex) % 2 == 0 ? Direction::Outbound : Direction::Inbound;
}

void requireComponents(const RelationshipScore& s, double r, double f, double p, double total, Band band)
{
    CHECK(s.hasHistory);
    CHECK(s.recency == Approx(r).margin(tolerance));
    CHECK(s.frequency == Approx(f).margin(tolerance));
    CHECK(s.reciprocity == Approx(p).margin(tolerance));
    CHECK(s.score == Approx(total).margin(tolerance));
    CHECK(s.band == band);
}

} // namespace

TEST_CASE("Worked example A: no interactions means no history", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({});
    const ContactScore result = fixture.scoreNow(id);
    CHECK_FALSE(result.score.hasHistory);
    CHECK(result.score.recency == 0);
    CHECK(result.score.frequency == 0);
    CHECK(result.score.reciprocity == 50);
    CHECK(result.score.band == Band::NoHistory);
    CHECK_FALSE(result.delta30.has_value());
}

TEST_CASE("Worked example B: one outbound touch ten days ago", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    requireComponents(fixture.scoreNow(id).score, 100, 21.88, 34.18, 56.20, Band::New);
}

TEST_CASE("Worked example C: twelve weekly touches, alternating, newest two days ago", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(
        regularLog(12, 7, 2, [](int i) { return alternatingFromNewestOutbound(i, 12); }));
    requireComponents(fixture.scoreNow(id).score, 100, 76.65, 88.65, 88.99, Band::Thriving);
}

TEST_CASE("Worked example D: twelve fortnightly touches, newest 41 days ago", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(regularLog(12, 14, 41, [](int i) {
        return (i == 2 || i == 6 || i == 10) ? Direction::Inbound : Direction::Outbound;
    }));
    const ContactScore result = fixture.scoreNow(id);
    requireComponents(result.score, 49.40, 60.79, 51.72, 53.97, Band::Cooling);
    CHECK(result.score.cadenceDays == Approx(14.316).margin(0.001));
    CHECK(result.score.overdueRatio == Approx(2.864).margin(0.001));
    REQUIRE(result.delta30.has_value());
    CHECK(*result.delta30 == Approx(53.97 - 76.53).margin(0.02));
}

TEST_CASE("Worked example E: five unanswered outbound touches, newest 120 days ago", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(regularLog(5, 30, 120, [](int) { return Direction::Outbound; }));
    requireComponents(fixture.scoreNow(id).score, 33.33, 28.06, 30.14, 30.69, Band::AtRisk);
}

TEST_CASE("Worked example F: twenty weekly touches, newest 200 days ago", "[scoring][examples]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(
        regularLog(20, 7, 200, [](int i) { return alternatingFromNewestOutbound(i, 20); }));
    requireComponents(fixture.scoreNow(id).score, 0, 43.62, 77.15, 34.55, Band::AtRisk);
}

TEST_CASE("Bands switch exactly at their edges", "[scoring][bands]")
{
    const ScoringSettings settings;
    RelationshipState state;
    for (int i = 0; i < 3; ++i)
        state.apply(testNow - (20 - i * 7) * daySeconds, Direction::Mutual, 1, settings);
    // Three touch days 7 days apart from E0 = 30: E = 7 + 23·0.7² = 18.27 days.
    const double cadence = state.cadence(settings.priorCadenceDays, settings.cadenceAlpha);
    REQUIRE(cadence == Approx(18.27).margin(0.001));
    const qint64 last = testNow - 6 * daySeconds;
    auto bandAtOverdue = [&](double overdue) {
        const auto now = last + static_cast<qint64>(std::ceil(overdue * cadence * daySeconds));
        return computeScore(state, now, {}, settings);
    };
    CHECK(bandAtOverdue(1.99).band != Band::Cooling);
    CHECK(bandAtOverdue(2.0).band == Band::Cooling);
    CHECK(bandAtOverdue(3.99).band == Band::Cooling);
    CHECK(bandAtOverdue(4.0).band == Band::AtRisk);

    SECTION("score thresholds with a pinned cadence target")
    {
        ScoringSettings onlyRecency;
        onlyRecency.recencyWeight = 1;
        onlyRecency.frequencyWeight = 0;
        onlyRecency.reciprocityWeight = 0;
        const ScoreContext target{10.0, std::nullopt, std::nullopt};
        // Recency alone: R = 100·(1 − log2(o)/3); S = 70 at o = 2^0.9, below the Cooling edge o = 2.
        const auto at = [&](double overdue) {
            return computeScore(state, last + std::llround(overdue * 10 * daySeconds), target, onlyRecency);
        };
        CHECK(at(1.0).band == Band::Thriving);
        CHECK(at(std::exp2(0.9) - 0.001).band == Band::Thriving);
        CHECK(at(std::exp2(0.9) + 0.001).band == Band::Steady);
    }
}

TEST_CASE("A contact with fewer than three touch days is New unless cooling", "[scoring][bands]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{3, Direction::Outbound}, {2, Direction::Inbound}});
    CHECK(fixture.scoreNow(id).score.band == Band::New);
    fixture.log(id, {1, Direction::Inbound});
    CHECK(fixture.scoreNow(id).score.band != Band::New);
}

TEST_CASE("The explanation names the facts and the biggest drag", "[scoring][explanation]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(regularLog(12, 14, 41, [](int i) {
        return (i == 2 || i == 6 || i == 10) ? Direction::Inbound : Direction::Outbound;
    }));
    const ContactScore result = fixture.scoreNow(id);
    CHECK(result.explanation() ==
          QStringLiteral(
              "Last contact 41 days ago; usually every ~14 days (2.9\u00d7 overdue). 9 of the last 12 "
              "messages were from you. Score 54 (\u221223 vs 30 days ago). Biggest drag: recency."));
    CHECK(explainScore(RelationshipScore{}, std::nullopt)
              .startsWith(QStringLiteral("No conversations logged yet")));
}

TEST_CASE("Same-day bursts count as one touch day", "[scoring][state]")
{
    ScoringFixture fixture;
    const qint64 burst = fixture.contactWithLog(
        {{10.3, Direction::Outbound}, {10.2, Direction::Inbound}, {10.1, Direction::Outbound}});
    const RelationshipState state = *require(fixture.engine().storedState(burst));
    CHECK(state.nTouch == 1);
    CHECK(state.nInteractions == 3);
    CHECK(state.recent().outbound == 2);
    CHECK(state.recent().inbound == 1);
}

TEST_CASE("The cadence target wins over the tags' prior, which wins over the global prior",
          "[scoring][cadence]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 id = fixture.contactWithLog({{3, Direction::Outbound}});
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(30));

    TagRepository tags(db);
    require(tags.ensure(QStringLiteral("press")));
    require(tags.ensure(QStringLiteral("family")));
    requireOk(tags.setCadence(QStringLiteral("press"), 60));
    requireOk(tags.setCadence(QStringLiteral("family"), 7));
    requireOk(tags.addTag(id, QStringLiteral("press")));
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(60));

    // "family" and "press" have one member each: equally specific, so the shorter cadence wins.
    requireOk(tags.addTag(id, QStringLiteral("family")));
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(7));

    // Now "press" is the smaller community: it is the more specific tag.
    const qint64 other = fixture.contactWithLog({}, QStringLiteral("Grace Hopper"));
    requireOk(tags.addTag(other, QStringLiteral("family")));
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(60));

    Contact contact = require(ContactRepository(db).get(id));
    contact.cadenceDays = 14;
    requireOk(ContactRepository(db).update(contact));
    const ContactScore targeted = fixture.scoreNow(id);
    CHECK(targeted.score.cadenceDays == Approx(14));
    CHECK(targeted.score.cadenceSource == CadenceSource::Target);
    CHECK(targeted.explanation().contains(QStringLiteral("target every 14 days")));
}

TEST_CASE("A tag's prior shapes the learned cadence without a rebuild", "[scoring][cadence]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(regularLog(4, 10, 1, [](int) { return Direction::Mutual; }));
    const double alpha = fixture.engine().settings().cadenceAlpha;
    // Three gaps of 10 days from a prior of E0: E = 10 + (E0 - 10)·0.7³.
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(10 + 20 * std::pow(1 - alpha, 3)));
    requireOk(TagRepository(fixture.database().db()).addTag(id, QStringLiteral("family")));
    requireOk(TagRepository(fixture.database().db()).setCadence(QStringLiteral("family"), 3));
    CHECK(fixture.scoreNow(id).score.cadenceDays == Approx(10 - 7 * std::pow(1 - alpha, 3)));
}

TEST_CASE("Trust joins the score only when it has a weight", "[scoring][trust]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    TrustNote note;
    note.contactId = id;
    note.kind = TrustKind::CommitmentKept;
    note.trustLevel = 5;
    note.text = QStringLiteral("Reviewed the talk as promised");
    require(TrustNoteRepository(fixture.database().db()).insert(note));
    const ContactScore unweighted = fixture.scoreNow(id);
    CHECK(unweighted.score.trust == Approx(100));
    CHECK(unweighted.score.score == Approx(56.20).margin(tolerance));

    ScoringSettings settings = fixture.engine().settings();
    settings.trustWeight = 0.25;
    requireOk(fixture.engine().changeSettings(settings));
    const ContactScore weighted = fixture.scoreNow(id);
    // Weights 0.40/0.35/0.25/0.25 normalised by 1.25.
    CHECK(weighted.score.score == Approx((40 + 0.35 * 21.88 + 0.25 * 34.18 + 25) / 1.25).margin(tolerance));
}

TEST_CASE("Two notes at the same moment: the one written last gives the trust level, on every path",
          "[scoring][trust]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    TrustNoteRepository notes(fixture.database().db());
    for (const int level : {2, 5}) {
        TrustNote note;
        note.contactId = id;
        note.createdAt = testNow - 3600;
        note.kind = TrustKind::Context;
        note.trustLevel = level;
        note.text = QStringLiteral("level %1").arg(level);
        require(notes.insert(note));
    }
    // Before, the start-up path (every contact at once) took SQLite's arbitrary row of max(created_at)
    // and the one-contact path the higher id: 2 at start-up, 5 after any edit.
    CHECK(require(fixture.engine().context(id)).trustLevel == 5);
    CHECK(require(fixture.engine().allContexts()).value(id).trustLevel == 5);
    CHECK(require(notes.latestTrustLevel(id)) == 5);
    CHECK(require(notes.latestTrustLevels()).value(id) == 5);
}

TEST_CASE("Scores can be read at any past moment", "[scoring][trend]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog(regularLog(12, 14, 41, [](int i) {
        return (i == 2 || i == 6 || i == 10) ? Direction::Inbound : Direction::Outbound;
    }));
    const ContactScore thirtyDaysAgo = require(fixture.engine().score(id, testNow - 30 * daySeconds));
    CHECK(thirtyDaysAgo.score.score == Approx(76.53).margin(tolerance));

    const QList<ContactScore> all = require(fixture.engine().scoreAll(testNow - 30 * daySeconds, true));
    REQUIRE(all.size() == 1);
    CHECK(all.front().score.score == Approx(76.53).margin(tolerance));

    const QList<WeeklyScore> weeks = require(fixture.engine().weeklyHistory(id, testNow, 6));
    REQUIRE(weeks.size() == 6);
    CHECK(weeks.back().at == testNow);
    CHECK(weeks.back().score.score == Approx(53.97).margin(tolerance));
    CHECK(weeks.front().at == testNow - 35 * daySeconds);
    CHECK(weeks.front().score.score > weeks.back().score.score);
}

TEST_CASE("scoreAll agrees with score for every contact", "[scoring]")
{
    ScoringFixture fixture;
    const qint64 c = fixture.contactWithLog(
        regularLog(12, 7, 2, [](int i) { return alternatingFromNewestOutbound(i, 12); }));
    const qint64 e = fixture.contactWithLog(regularLog(5, 30, 120, [](int) { return Direction::Outbound; }));
    const qint64 none = fixture.contactWithLog({});
    const QList<ContactScore> all = require(fixture.engine().scoreAll(testNow, true));
    REQUIRE(all.size() == 3);
    for (const ContactScore& entry : all) {
        const ContactScore single = fixture.scoreNow(entry.contactId);
        CHECK(entry.score.score == Approx(single.score.score));
        CHECK(entry.score.band == single.score.band);
        CHECK(entry.delta30.has_value() == single.delta30.has_value());
        CHECK(entry.delta90.has_value() == single.delta90.has_value());
        if (entry.delta90 && single.delta90)
            CHECK(*entry.delta90 == Approx(*single.delta90));
    }
    CHECK(all[0].contactId == c);
    CHECK(all[1].contactId == e);
    CHECK(all[2].contactId == none);
}

TEST_CASE("Incremental state equals a from-scratch replay on random logs", "[scoring][property]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    ScoringEngine& engine = fixture.engine();
    QRandomGenerator random(20261124);
    const int contactCount = 1500;
    QList<qint64> contacts;
    QHash<qint64, QList<qint64>> interactionsOf;
    {
        Transaction batch(db);
        for (int c = 0; c < contactCount; ++c) {
            const qint64 id = fixture.contactWithLog({}, QStringLiteral("Contact %1").arg(c));
            contacts << id;
            // Profiles: same-day bursts, one direction only, mutual meetings, backdating, edits and deletes.
            const int profile = c % 5;
            const int operations = 2 + static_cast<int>(random.bounded(12));
            double daysAgo = 400 + random.bounded(100);
            for (int op = 0; op < operations; ++op) {
                const Direction direction = profile == 1   ? Direction::Outbound
                                            : profile == 2 ? Direction::Mutual
                                                           : static_cast<Direction>(random.bounded(3));
                const Channel channel = static_cast<Channel>(random.bounded(channelCount));
                double at = daysAgo;
                if (profile == 0 && random.bounded(2) == 0)
                    at = daysAgo + 0.01; // the same day as the previous touch
                else if (profile == 3 && random.bounded(3) == 0)
                    at = daysAgo + random.bounded(200.0); // backdated
                else
                    daysAgo = std::max(0.0, daysAgo - random.bounded(40.0));
                interactionsOf[id] << fixture.log(id, {at, direction, channel});
            }
            if (profile == 4 && interactionsOf[id].size() > 1) {
                ConversationLog log = fixture.conversations();
                const qint64 removed = interactionsOf[id].takeAt(random.bounded(interactionsOf[id].size()));
                requireOk(log.remove(removed));
                Interaction edited = require(InteractionRepository(db).get(interactionsOf[id].front()));
                edited.occurredAt -= static_cast<qint64>(random.bounded(30)) * daySeconds;
                edited.direction = Direction::Inbound;
                requireOk(log.edit(edited));
            }
        }
        requireOk(batch.commit());
    }

    const LogReplay replay(db, engine.settings());
    int compared = 0;
    for (const qint64 id : std::as_const(contacts)) {
        const std::optional<RelationshipState> stored = require(engine.storedState(id));
        const RelationshipState fresh = require(replay.contactState(id));
        REQUIRE(stored.has_value() == fresh.hasHistory());
        if (stored) {
            INFO("contact " << id);
            REQUIRE(approximatelyEqual(*stored, fresh));
            ++compared;
        }
    }
    CHECK(compared == contactCount);

    SECTION("and a full rebuild reproduces the same states")
    {
        QHash<qint64, RelationshipState> before;
        for (const qint64 id : std::as_const(contacts))
            before.insert(id, *require(engine.storedState(id)));
        requireOk(engine.rebuildAll());
        for (const qint64 id : std::as_const(contacts))
            REQUIRE(approximatelyEqual(before.value(id), *require(engine.storedState(id))));
    }
}

TEST_CASE("Changing a setting that shapes the state rebuilds every contact", "[scoring][settings]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    ScoringSettings settings = fixture.engine().settings();
    settings.halfLifeDays = 30;
    requireOk(fixture.engine().changeSettings(settings));
    // F = ln(1 + 2^(−10/30)) / ln 20.
    CHECK(fixture.scoreNow(id).score.frequency ==
          Approx(100 * std::log1p(std::exp2(-10.0 / 30)) / std::log(20.0)));
    const ScoringEngine reopened = require(ScoringEngine::open(fixture.database().db()));
    CHECK(reopened.settings().halfLifeDays == 30);

    settings.halfLifeDays = 0;
    const Status refused = fixture.engine().changeSettings(settings);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message.contains(QStringLiteral("half_life_days")));
    CHECK(fixture.engine().settings().halfLifeDays == 30);
}

namespace {

// What `rapport check` reports about the stored states against a replay with the stored settings.
QStringList consistencyProblems(Database& db)
{
    return require(ConsistencyCheck(db).run()).problems;
}

} // namespace

TEST_CASE("A write uses the settings another connection stored after the engine was opened",
          "[scoring][settings][concurrency]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{40, Direction::Outbound}, {20, Direction::Inbound}});
    // The engine of fixture.engine() has read the defaults (half-life 90 days); another program now
    // changes the half-life through its own connection.
    const std::unique_ptr<Database> other = require(Database::open(fixture.database().path()));
    ScoringEngine otherEngine = require(ScoringEngine::open(*other));
    ScoringSettings shorter = otherEngine.settings();
    shorter.halfLifeDays = 30;
    requireOk(otherEngine.changeSettings(shorter));

    SECTION("logging the newest interaction")
    {
        fixture.log(id, {5, Direction::Outbound});
    }
    SECTION("logging an older interaction, which rebuilds the contact")
    {
        fixture.log(id, {30, Direction::Mutual});
    }
    SECTION("rebuilding every contact")
    {
        requireOk(fixture.engine().rebuildAll());
    }
    CHECK(fixture.engine().settings().halfLifeDays == 30);
    const RelationshipState replayed = require(LogReplay(*other, shorter).contactState(id));
    CHECK(approximatelyEqual(*require(fixture.engine().storedState(id)), replayed));
    CHECK(consistencyProblems(fixture.database().db()) == QStringList());
}

TEST_CASE("Changes of different settings from two connections both survive",
          "[scoring][settings][concurrency]")
{
    ScoringFixture fixture;
    fixture.contactWithLog({{40, Direction::Outbound}, {20, Direction::Inbound}, {3, Direction::Mutual}});
    ScoringEngine& first = fixture.engine();
    const std::unique_ptr<Database> other = require(Database::open(fixture.database().path()));
    ScoringEngine second = require(ScoringEngine::open(*other));

    requireOk(second.changeSettings(
        QMap<QString, QString>{{QStringLiteral("half_life_days"), QStringLiteral("30")}}));
    requireOk(first.changeSettings(
        QMap<QString, QString>{{QStringLiteral("cadence_alpha"), QStringLiteral("0.5")}}));
    CHECK(first.settings().halfLifeDays == 30);
    CHECK(first.settings().cadenceAlpha == 0.5);
    const ScoringSettings stored = require(ScoringEngine::open(*other)).settings();
    CHECK(stored.halfLifeDays == 30);
    CHECK(stored.cadenceAlpha == 0.5);
    CHECK(consistencyProblems(fixture.database().db()) == QStringList());

    // Replacing every setting from a stale copy rebuilds against what is stored, not what was read.
    ScoringSettings stale = second.settings();
    CHECK(stale.cadenceAlpha == Approx(0.3));
    stale.recencyWeight = 0.5;
    requireOk(second.changeSettings(stale));
    CHECK(consistencyProblems(fixture.database().db()) == QStringList());
}

TEST_CASE("Setting changes apply validated onto the stored settings", "[scoring][settings]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{10, Direction::Outbound}});
    ScoringEngine& engine = fixture.engine();
    requireOk(engine.changeSettings(
        QMap<QString, QString>{{QStringLiteral("half_life_days"), QStringLiteral("30")},
                               {QStringLiteral("weight_trust"), QStringLiteral("0.1")}}));
    CHECK(engine.settings().halfLifeDays == 30);
    CHECK(engine.settings().trustWeight == Approx(0.1));
    CHECK(fixture.scoreNow(id).score.frequency ==
          Approx(100 * std::log1p(std::exp2(-10.0 / 30)) / std::log(20.0)));

    for (const auto& [key, value] : {std::pair{"half_life_days", "1e-300"},
                                     std::pair{"half_life_days", "abc"}, std::pair{"speed", "11"}}) {
        const Status refused = engine.changeSettings(
            QMap<QString, QString>{{QString::fromLatin1(key), QString::fromLatin1(value)}});
        INFO(key << "=" << value);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == ErrorKind::BadInput);
        CHECK(refused.error().message.contains(QString::fromLatin1(key)));
    }
    CHECK(engine.settings().halfLifeDays == 30);
    CHECK(require(ScoringEngine::open(fixture.database().db())).settings().halfLifeDays == 30);
    CHECK(consistencyProblems(fixture.database().db()) == QStringList());
}

TEST_CASE("A settings change rolled back with its transaction is not used afterwards", "[scoring][settings]")
{
    ScoringFixture fixture;
    const qint64 id = fixture.contactWithLog({{20, Direction::Outbound}});
    {
        Transaction abandoned(fixture.database().db());
        requireOk(fixture.engine().changeSettings(
            QMap<QString, QString>{{QStringLiteral("half_life_days"), QStringLiteral("30")}}));
    }
    fixture.log(id, {5, Direction::Inbound});
    CHECK(fixture.engine().settings().halfLifeDays == 90);
    CHECK(consistencyProblems(fixture.database().db()) == QStringList());
}

TEST_CASE("The score board reads every score from memory and follows refreshes", "[scoring][board]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 b = fixture.contactWithLog({{10, Direction::Outbound}});
    const qint64 none = fixture.contactWithLog({}, QStringLiteral("Nobody Yet"));
    ScoreBoard board = require(ScoreBoard::load(db));
    QList<ContactScore> scores = board.scoresAt(testNow, fixture.engine().settings());
    REQUIRE(scores.size() == 2);
    CHECK(scores[0].score.score == Approx(56.20).margin(tolerance));
    CHECK(scores[1].score.band == Band::NoHistory);

    fixture.log(none, {1, Direction::Inbound});
    CHECK(board.scoresAt(testNow, fixture.engine().settings())[1].score.band == Band::NoHistory);
    requireOk(board.refresh(db, none));
    CHECK(board.scoresAt(testNow, fixture.engine().settings())[1].score.hasHistory);

    const qint64 added = fixture.contactWithLog({{2, Direction::Mutual}}, QStringLiteral("Late Arrival"));
    requireOk(board.refresh(db, added));
    REQUIRE(board.entries().size() == 3);
    CHECK(board.find(added) != nullptr);

    requireOk(ContactRepository(db).remove(b));
    requireOk(board.refresh(db, b));
    CHECK(board.entries().size() == 2);
    CHECK(board.find(b) == nullptr);

    requireOk(TagRepository(db).addTag(added, QStringLiteral("weekly")));
    requireOk(TagRepository(db).setCadence(QStringLiteral("weekly"), 7));
    requireOk(board.refreshContexts(db));
    CHECK(board.find(added)->context.tagPriorDays == Approx(7));

    const QList<ContactScore> fromBoard = board.scoresAt(testNow, fixture.engine().settings());
    const QList<ContactScore> fromDatabase = require(fixture.engine().scoreAll(testNow, false));
    REQUIRE(fromBoard.size() == fromDatabase.size());
    for (qsizetype i = 0; i < fromBoard.size(); ++i) {
        CHECK(fromBoard[i].contactId == fromDatabase[i].contactId);
        CHECK(fromBoard[i].score.score == Approx(fromDatabase[i].score.score));
    }
}

TEST_CASE("The explanation speaks of a single message in the singular", "[scoring][explanation]")
{
    ScoringFixture fixture;
    const qint64 out = fixture.contactWithLog({{10, Direction::Outbound}}, QStringLiteral("Out"));
    const qint64 in = fixture.contactWithLog({{10, Direction::Inbound}}, QStringLiteral("In"));
    const qint64 both = fixture.contactWithLog({{0, Direction::Mutual}}, QStringLiteral("Both"));
    CHECK(fixture.scoreNow(out).explanation() ==
          QStringLiteral(
              "Last contact 10 days ago; expected every ~30 days (on track). The last message was from "
              "you. Score 56. Biggest drag: frequency."));
    CHECK(fixture.scoreNow(in).explanation().contains(QStringLiteral("The last message was from them.")));
    CHECK(fixture.scoreNow(both).explanation().startsWith(QStringLiteral(
        "Last contact today; expected every ~30 days (on track). The last conversation involved you both.")));
}

TEST_CASE("Settings an earlier version stored outside today's ranges still open and can be corrected",
          "[scoring][settings]")
{
    TempDatabase temp;
    // Version 0.x accepted any positive half-life.
    requireOk(temp.db().execute(
        QStringLiteral("INSERT INTO settings (key, value) VALUES ('scoring.half_life_days', '0.5')")));
    ScoringEngine engine = require(ScoringEngine::open(temp.db()));
    CHECK(engine.settings().halfLifeDays == 0.5);

    // A change of another key writes the whole set, so the refusal names the value to bring into range.
    const Status other = engine.changeSettings(
        QMap<QString, QString>{{QStringLiteral("weight_trust"), QStringLiteral("0.1")}});
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().message == QStringLiteral("half_life_days must be a number of days from 1 to 3650"));
    requireOk(engine.changeSettings(
        QMap<QString, QString>{{QStringLiteral("half_life_days"), QStringLiteral("30")}}));
    CHECK(require(ScoringEngine::open(temp.db())).settings().halfLifeDays == 30);
}
