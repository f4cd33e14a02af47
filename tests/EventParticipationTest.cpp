// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's participation: people taking part in events per week of the period, first-timers apart
// from returning ones, for the owner and tag filters.
#include "core/dashboard/EventParticipation.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/dashboard/DashboardAggregator.h"
#include "core/dashboard/DashboardCsv.h"
#include "core/services/EventLog.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/ScoringFixture.h"

#include <QBuffer>

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 createEvent(ScoringFixture& fixture, const QString& name, qint64 at,
                   const QList<ParticipantEntry>& participants)
{
    Event event;
    event.name = name;
    event.kind = EventKind::Meetup;
    event.occurredAt = at;
    return require(EventLog(fixture.database().db(), fixture.engine()).create(event, participants));
}

const WeekParticipation& weekOf(const std::vector<WeekParticipation>& weeks, qint64 at)
{
    const qint64 start = ActivityRollup::weekStart(at);
    for (const WeekParticipation& week : weeks) {
        if (week.weekStart == start)
            return week;
    }
    FAIL("no week starting " << start);
    return weeks.front();
}

int totalOf(const std::vector<WeekParticipation>& weeks)
{
    int total = 0;
    for (const WeekParticipation& week : weeks)
        total += week.total();
    return total;
}

} // namespace

TEST_CASE("Participation counts each person once a week, first-timers apart from returning ones",
          "[dashboard][events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob"));
    const qint64 cy = fixture.contactWithLog({}, QStringLiteral("Cy"));
    const qint64 dee = fixture.contactWithLog({}, QStringLiteral("Dee"));
    const qint64 mira = require(TeamMemberRepository(db).ensure(QStringLiteral("Mira")));
    const qint64 noor = require(TeamMemberRepository(db).ensure(QStringLiteral("Noor")));
    ContactRepository contacts(db);
    for (const qint64 contact : {ada, cy, dee})
        requireOk(contacts.setOwner(contact, mira));
    requireOk(contacts.setOwner(bob, noor));
    requireOk(TagRepository(db).addTag(cy, QStringLiteral("press")));
    const qint64 press = require(TagRepository(db).ensure(QStringLiteral("press")));

    // Before the period: Ada's first event.
    createEvent(fixture, QStringLiteral("Winter meetup"), testNow - 200 * daySeconds,
                {{ada, ParticipantRole::Attended}});
    // One week, two events: Bob comes to both and is one first-timer; Cy is invited and does not show.
    const qint64 busyWeek = ActivityRollup::weekStart(testNow - 40 * daySeconds);
    createEvent(fixture, QStringLiteral("Spring AMA"), busyWeek + daySeconds,
                {{ada, ParticipantRole::Spoke},
                 {bob, ParticipantRole::Answered},
                 {cy, ParticipantRole::InvitedNoShow}});
    createEvent(fixture, QStringLiteral("Spring webinar"), busyWeek + 2 * daySeconds,
                {{bob, ParticipantRole::Attended}, {dee, ParticipantRole::Attended}});
    // Later: Cy comes for the first time (the no-show did not count), Bob and Dee come back.
    const qint64 later = testNow - 10 * daySeconds;
    createEvent(
        fixture, QStringLiteral("Release party"), later,
        {{bob, ParticipantRole::Attended}, {cy, ParticipantRole::Organized}, {dee, ParticipantRole::Spoke}});

    const ContactGroups groups = require(ContactGroups::load(db));
    DashboardFilter filter = DashboardFilter::lastDays(DashboardPeriod::Last90Days, testNow);
    const std::vector<WeekParticipation> weeks = require(EventParticipation(db, groups).weeks(filter));
    // Every week of the period is there, empty ones too, oldest first.
    REQUIRE(weeks.size() == require(ActivityRollup(db).weeks(filter)).size());
    CHECK(weeks.front().weekStart == ActivityRollup::weekStart(filter.start));
    for (size_t i = 1; i < weeks.size(); ++i)
        CHECK(weeks[i].weekStart == weeks[i - 1].weekStart + 7 * daySeconds);
    CHECK(weekOf(weeks, busyWeek).firstTimers == 2); // Bob, Dee
    CHECK(weekOf(weeks, busyWeek).returning == 1);   // Ada
    CHECK(weekOf(weeks, later).firstTimers == 1);    // Cy
    CHECK(weekOf(weeks, later).returning == 2);      // Bob, Dee
    CHECK(totalOf(weeks) == 6);

    SECTION("an owner's people")
    {
        filter.ownerId = mira;
        const std::vector<WeekParticipation> mine = require(EventParticipation(db, groups).weeks(filter));
        CHECK(weekOf(mine, busyWeek).firstTimers == 1); // Dee
        CHECK(weekOf(mine, busyWeek).returning == 1);   // Ada
        CHECK(weekOf(mine, later).firstTimers == 1);    // Cy
        CHECK(weekOf(mine, later).returning == 1);      // Dee
        CHECK(totalOf(mine) == 4);
    }
    SECTION("a tag's people")
    {
        filter.tagId = press;
        const std::vector<WeekParticipation> tagged = require(EventParticipation(db, groups).weeks(filter));
        CHECK(weekOf(tagged, later).firstTimers == 1);
        CHECK(totalOf(tagged) == 1);
    }
    SECTION("a period after the first events: who came before it still returns")
    {
        const DashboardFilter recent = DashboardFilter::lastDays(DashboardPeriod::Last30Days, testNow);
        const std::vector<WeekParticipation> lately = require(EventParticipation(db, groups).weeks(recent));
        CHECK(weekOf(lately, later).firstTimers == 1);
        CHECK(weekOf(lately, later).returning == 2);
        CHECK(totalOf(lately) == 3);
    }
    SECTION("the dashboard computes it with the rest and exports it")
    {
        const ScoreBoard board = require(ScoreBoard::load(db));
        const DashboardData data = require(
            DashboardAggregator(db, board, groups, fixture.engine().settings()).compute(filter, testNow));
        REQUIRE(data.participation.size() == weeks.size());
        CHECK(weekOf(data.participation, busyWeek).firstTimers == 2);
        CHECK(weekOf(data.participation, later).returning == 2);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(buffer, QStringLiteral("dashboard.csv"), CsvWriteOptions{false});
        requireOk(DashboardCsv::write(data, writer));
        const QString csv = QString::fromUtf8(buffer.data());
        const QString week = QDateTime::fromSecsSinceEpoch(busyWeek, Qt::UTC).date().toString(Qt::ISODate);
        CHECK(csv.contains(QStringLiteral("participation,,first_time,%1,2").arg(week)));
        CHECK(csv.contains(QStringLiteral("participation,,returning,%1,1").arg(week)));
    }
}
