// SPDX-License-Identifier: GPL-3.0-or-later
// Demo data: exact sizes, reproducible for a seed, every band represented, consistent state.
#include "core/demo/DemoGenerator.h"

#include "core/demo/DemoEvents.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConsistencyCheck.h"
#include "core/storage/EventRepository.h"
#include "tests/support/TestSupport.h"

#include <QCryptographicHash>
#include <set>

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
          " (SELECT * FROM trust_notes ORDER BY id)",
          "SELECT group_concat(name || kind || occurred_at || channel || link, '|') FROM"
          " (SELECT * FROM events ORDER BY id)",
          "SELECT group_concat(event_id || contact_id || role || coalesce(interaction_id, ''), '|') FROM"
          " (SELECT * FROM event_participants ORDER BY event_id, contact_id)"}) {
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
    // Every team member's address is their identity, so an import "--by" them knows who "me" is.
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM team_members m JOIN team_identities i ON"
                                         " i.member_id = m.id AND i.kind = 'email' AND i.value = m.email")) ==
          summary.teamMembers);

    const ConsistencyReport report = require(ConsistencyCheck(database.db()).run());
    INFO(report.problems.join(QLatin1Char('\n')).toStdString());
    CHECK(report.consistent());

    // Events: each participation that took part is one of the 12000 conversations, the one eventInteraction()
    // writes for its role; a no-show has none.
    CHECK(summary.events == database.number(QStringLiteral("SELECT count(*) FROM events")));
    CHECK(summary.events >= 20);
    CHECK(database.number(QStringLiteral(
              "SELECT count(*) FROM event_participants p JOIN events e ON e.id = p.event_id "
              "LEFT JOIN interactions i ON i.id = p.interaction_id WHERE (p.role = 'invited_no_show') <> "
              "(i.id IS NULL) OR i.contact_id <> p.contact_id OR i.occurred_at <> e.occurred_at OR "
              "i.channel <> e.channel")) == 0);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM event_participants WHERE role = "
                                         "'invited_no_show'")) > 0);
    const QList<ListedEvent> listed = require(EventRepository(database.db()).list());
    int meetups = 0;
    int biggestMeetup = 0;
    int returning = 0;
    int firstTimers = 0;
    qint64 survey = 0;
    for (const ListedEvent& event : listed) {
        if (event.event.kind == EventKind::Meetup) {
            ++meetups;
            biggestMeetup = std::max(biggestMeetup, event.tookPart);
            CHECK(event.tookPart <= 40);
            returning += event.tookPart - event.firstTimers;
            firstTimers += event.firstTimers;
        }
        if (event.event.kind == EventKind::Survey)
            survey = event.tookPart;
        const QList<ListedParticipant> people =
            require(EventRepository(database.db()).listParticipants(event.event.id));
        for (const ListedParticipant& person : people) {
            if (!person.participant.interactionId)
                continue;
            const QString summaryText =
                require(database.db().scalar(QStringLiteral("SELECT summary FROM interactions WHERE id = %1")
                                                 .arg(*person.participant.interactionId)))
                    .toString();
            CHECK(
                summaryText ==
                eventInteraction(event.event, person.participant.contactId, person.participant.role).summary);
        }
    }
    CHECK(meetups >= 12);
    CHECK(biggestMeetup >= 15);
    CHECK(returning > 0);
    CHECK(firstTimers > 0);
    CHECK(survey >= 50);

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

TEST_CASE("Demo events take part only within each contact's conversations and capacity", "[demo]")
{
    // A third of the contacts have no conversations, a third talked in the last 100 days twice, a third
    // over three years.
    std::vector<DemoEventWindow> windows;
    for (int i = 0; i < 300; ++i) {
        if (i % 3 == 0)
            windows.push_back({testNow, testNow, 0});
        else if (i % 3 == 1)
            windows.push_back({testNow - 100 * daySeconds, testNow, 2});
        else
            windows.push_back({testNow - 3 * 365 * daySeconds, testNow, 50});
    }
    const DemoEventPlan plan = planDemoEvents(windows, 3, testNow, 5);
    REQUIRE(plan.events.size() >= 20);
    REQUIRE(plan.loggedBy.size() == plan.events.size());
    std::vector<qint64> tookPart(windows.size(), 0);
    std::set<std::pair<size_t, size_t>> seen;
    qint64 noShows = 0;
    for (const DemoParticipation& participation : plan.participations) {
        CHECK(seen.insert({participation.event, participation.contact}).second);
        const qint64 at = plan.events[participation.event].occurredAt;
        CHECK(at <= testNow);
        if (participation.role == ParticipantRole::InvitedNoShow) {
            ++noShows;
            continue;
        }
        const DemoEventWindow& window = windows[participation.contact];
        CHECK(window.from <= at);
        CHECK(at <= window.to);
        ++tookPart[participation.contact];
    }
    CHECK(noShows > 0);
    for (size_t i = 0; i < windows.size(); ++i) {
        CHECK(tookPart[i] <= windows[i].capacity);
        CHECK(static_cast<qint64>(plan.tookPartBy[i].size()) == tookPart[i]);
    }
    for (const size_t member : plan.loggedBy)
        CHECK(member < 3);

    const DemoEventPlan again = planDemoEvents(windows, 3, testNow, 5);
    const DemoEventPlan other = planDemoEvents(windows, 3, testNow, 6);
    const auto same = [](const DemoEventPlan& a, const DemoEventPlan& b) {
        if (a.participations.size() != b.participations.size())
            return false;
        for (size_t i = 0; i < a.participations.size(); ++i) {
            const DemoParticipation& x = a.participations[i];
            const DemoParticipation& y = b.participations[i];
            if (x.event != y.event || x.contact != y.contact || x.role != y.role)
                return false;
        }
        return true;
    };
    CHECK(same(plan, again));
    CHECK_FALSE(same(plan, other));
}
