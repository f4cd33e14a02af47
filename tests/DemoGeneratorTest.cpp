// SPDX-License-Identifier: GPL-3.0-or-later
// Demo data: exact sizes, reproducible for a seed, every band represented, consistent state.
#include "core/demo/DemoGenerator.h"

#include "core/scoring/ScoringEngine.h"
#include "core/services/ConsistencyCheck.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>

using namespace rapport;
using namespace rapport::test;

namespace {

QByteArray fingerprint(TempDatabase& database)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const char* sql :
         {"SELECT group_concat(display_name || organization || coalesce(owner_id, ''), '|') FROM"
          " (SELECT * FROM contacts ORDER BY id)",
          "SELECT group_concat(contact_id || channel || direction || occurred_at || summary, '|') FROM"
          " (SELECT * FROM interactions ORDER BY id)",
          "SELECT group_concat(contact_id || kind || coalesce(trust_level, '') || text, '|') FROM"
          " (SELECT * FROM trust_notes ORDER BY id)"}) {
        const Result<QVariant> value = database.db().scalar(QString::fromLatin1(sql));
        REQUIRE(value.ok());
        hash.addData(value->toString().toUtf8());
    }
    return hash.result();
}

} // namespace

TEST_CASE("Demo data has the requested size and is consistent", "[demo]")
{
    PinnedClock clock;
    TempDatabase database;
    DemoOptions options;
    options.contacts = 400;
    options.interactions = 12000;
    options.trustNotes = 150;
    options.seed = 7;
    const DemoSummary summary = require(DemoGenerator(database.db(), options).generate());
    CHECK(summary.contacts == 400);
    CHECK(summary.interactions == 12000);
    CHECK(summary.trustNotes == 150);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM contacts")) == 400);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM interactions")) == 12000);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM trust_notes")) == 150);
    CHECK(database.number(QStringLiteral("SELECT max(occurred_at) FROM interactions")) <= testNow);
    CHECK(database.number(QStringLiteral("SELECT count(DISTINCT channel) FROM interactions")) ==
          channelCount);
    CHECK(database.number(QStringLiteral("SELECT count(DISTINCT direction) FROM interactions")) == 3);

    const ConsistencyReport report = require(ConsistencyCheck(database.db()).run());
    INFO(report.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report.consistent());

    const ScoringEngine engine = require(ScoringEngine::open(database.db()));
    std::array<int, bandCount> perBand{};
    for (const ContactScore& entry : require(engine.scoreAll(testNow, false)))
        ++perBand[static_cast<size_t>(entry.score.band)];
    for (int band = 0; band < bandCount; ++band) {
        INFO(bandName(static_cast<Band>(band)).toStdString());
        CHECK(perBand[static_cast<size_t>(band)] > 0);
    }
}

TEST_CASE("The same seed gives the same data, another seed other data", "[demo]")
{
    PinnedClock clock;
    DemoOptions options;
    options.contacts = 50;
    options.interactions = 800;
    TempDatabase first;
    TempDatabase second;
    TempDatabase third;
    require(DemoGenerator(first.db(), options).generate());
    require(DemoGenerator(second.db(), options).generate());
    options.seed = 2;
    require(DemoGenerator(third.db(), options).generate());
    CHECK(fingerprint(first) == fingerprint(second));
    CHECK(fingerprint(first) != fingerprint(third));
}

TEST_CASE("Demo data is refused into a database that holds contacts", "[demo]")
{
    PinnedClock clock;
    TempDatabase database;
    DemoOptions options;
    options.contacts = 10;
    options.interactions = 50;
    require(DemoGenerator(database.db(), options).generate());
    const Result<DemoSummary> again = DemoGenerator(database.db(), options).generate();
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message.contains(QStringLiteral("already holds 10 contacts")));
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM contacts")) == 10);
}

TEST_CASE("Cancelling demo generation leaves the database empty", "[demo]")
{
    PinnedClock clock;
    TempDatabase database;
    DemoOptions options;
    options.contacts = 100;
    options.interactions = 100000;
    const Result<DemoSummary> cancelled =
        DemoGenerator(database.db(), options).generate([](qint64 done, qint64) { return done < 40000; });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
    CHECK(database.number(
              QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'interactions_time'")) == 1);
    // 12 keep the search indexes, 7 the weekly activity rollup, 15 mark the past-health cache stale.
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'")) == 34);
}
