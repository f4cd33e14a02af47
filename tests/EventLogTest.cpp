// SPDX-License-Identifier: GPL-3.0-or-later
// Events write one ordinary interaction per participant who took part, and every change to the event keeps
// the log, the scores and the dashboard's rollup in step.
#include "core/services/EventLog.h"

#include "core/services/ContactMerge.h"
#include "core/services/PersonData.h"
#include "core/storage/Database.h"
#include "core/storage/EventRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/Migrations.h"
#include "tests/support/ScoringFixture.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace rapport;
using namespace rapport::test;

namespace {

Event meetup(qint64 daysAgo)
{
    Event event;
    event.name = QStringLiteral("Rust meetup");
    event.kind = EventKind::Meetup;
    event.occurredAt = testNow - daysAgo * daySeconds;
    event.channel = Channel::Event;
    event.link = QStringLiteral("https://example.org/meetup");
    return event;
}

// Every contact's stored scoring state is what a rebuild from the log gives, and the rollup matches the log.
void requireStateMatchesRebuild(ScoringFixture& fixture)
{
    Database& db = fixture.database().db();
    QSqlQuery ids = db.prepare(QStringLiteral("SELECT id FROM contacts ORDER BY id"));
    requireOk(Database::run(ids));
    QList<qint64> contacts;
    while (ids.next())
        contacts << ids.value(0).toLongLong();
    QList<std::optional<RelationshipState>> stored;
    for (const qint64 id : contacts)
        stored << require(fixture.engine().storedState(id));
    requireOk(fixture.engine().rebuildAll());
    for (qsizetype i = 0; i < contacts.size(); ++i)
        CHECK(require(fixture.engine().storedState(contacts.at(i))) == stored.at(i));
    CHECK(storedActivityRollup(db) == activityRollupOfLog(db));
}

} // namespace

TEST_CASE("Creating an event writes one interaction per participant who took part", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({{30, Direction::Outbound}}, QStringLiteral("Ada"));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob"));
    const qint64 cy = fixture.contactWithLog({}, QStringLiteral("Cy"));
    EventLog events(db, fixture.engine());
    const qint64 id = require(events.create(meetup(3), {{ada, ParticipantRole::Spoke},
                                                        {bob, ParticipantRole::Answered},
                                                        {cy, ParticipantRole::InvitedNoShow}}));
    const QList<EventParticipant> participants = require(EventRepository(db).participants(id));
    REQUIRE(participants.size() == 3);
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 3);
    const Interaction spoke = require(InteractionRepository(db).get(*participants.at(0).interactionId));
    CHECK(spoke.direction == Direction::Mutual);
    CHECK(spoke.channel == Channel::Event);
    CHECK(spoke.summary == QStringLiteral("Meetup: Rust meetup (spoke)"));
    CHECK(require(InteractionRepository(db).get(*participants.at(1).interactionId)).direction ==
          Direction::Inbound);
    CHECK_FALSE(participants.at(2).interactionId.has_value());
    CHECK(fixture.scoreNow(bob).score.hasHistory);
    CHECK_FALSE(fixture.scoreNow(cy).score.hasHistory);

    const ListedEvent listed = require(EventRepository(db).listed(id));
    CHECK(listed.tookPart == 2);
    CHECK(listed.invited == 1);
    CHECK(listed.firstTimers == 2);
    requireStateMatchesRebuild(fixture);

    SECTION("a participant twice, or an unknown contact, writes nothing")
    {
        CHECK_FALSE(
            events.create(meetup(2), {{ada, ParticipantRole::Attended}, {ada, ParticipantRole::Spoke}}).ok());
        const Result<qint64> unknown = events.create(
            meetup(2), {{ada, ParticipantRole::Attended}, {cy + 100, ParticipantRole::InvitedNoShow}});
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().message.contains(QStringLiteral("no contact with id %1").arg(cy + 100)));
        CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM events")) == 1);
        CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 3);
    }
}

TEST_CASE("Late participants, role changes, edits and removals rewrite the event's interactions", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob"));
    EventLog events(db, fixture.engine());
    const qint64 id = require(events.create(meetup(5), {{ada, ParticipantRole::Attended}}));
    EventRepository repository(db);

    requireOk(events.addParticipant(id, {bob, ParticipantRole::InvitedNoShow}));
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 1);
    CHECK_FALSE(events.addParticipant(id, {bob, ParticipantRole::Attended}).ok());

    CHECK_FALSE(require(events.changeRole(id, bob, ParticipantRole::Answered)).has_value());
    std::optional<EventParticipant> late = require(repository.participant(id, bob));
    REQUIRE(late->interactionId);
    CHECK(require(InteractionRepository(db).get(*late->interactionId)).direction == Direction::Inbound);

    CHECK(require(events.changeRole(id, bob, ParticipantRole::InvitedNoShow)).has_value());
    late = require(repository.participant(id, bob));
    CHECK_FALSE(late->interactionId.has_value());
    CHECK_FALSE(fixture.scoreNow(bob).score.hasHistory);

    Event edited = require(repository.get(id));
    edited.name = QStringLiteral("Rust & C++ meetup");
    edited.occurredAt = testNow - 9 * daySeconds;
    edited.channel = Channel::Meeting;
    requireOk(events.edit(edited));
    const Interaction adas = require(InteractionRepository(db).listForContact(ada)).constFirst();
    CHECK(adas.occurredAt == edited.occurredAt);
    CHECK(adas.channel == Channel::Meeting);
    CHECK(adas.summary == QStringLiteral("Meetup: Rust & C++ meetup (attended)"));

    requireOk(events.removeParticipant(id, ada));
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 0);
    CHECK_FALSE(events.removeParticipant(id, ada).ok());
    requireStateMatchesRebuild(fixture);
}

TEST_CASE("Deleting an event takes its interactions, and its snapshot brings it back", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({{20, Direction::Outbound}}, QStringLiteral("Ada"));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob"));
    EventLog events(db, fixture.engine());
    const qint64 id = require(
        events.create(meetup(4), {{ada, ParticipantRole::Organized}, {bob, ParticipantRole::InvitedNoShow}}));
    const RelationshipState withEvent = *require(fixture.engine().storedState(ada));
    const EventSnapshot before = require(events.snapshot(id));
    CHECK(before.participants.size() == 2);
    CHECK(before.interactions.size() == 1);

    requireOk(events.remove(id));
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM events")) == 0);
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM event_participants")) == 0);
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 1);
    CHECK_FALSE(events.remove(id).ok());

    requireOk(events.restore(before));
    CHECK(require(events.snapshot(id)).participants.size() == 2);
    CHECK(require(events.snapshot(id)).interactions.constFirst().id == before.interactions.constFirst().id);
    CHECK(*require(fixture.engine().storedState(ada)) == withEvent);
    requireStateMatchesRebuild(fixture);
}

TEST_CASE("First-timers and regulars are marked by the events taken part in before", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob"));
    EventLog events(db, fixture.engine());
    for (int i = 0; i < 3; ++i)
        require(events.create(meetup(40 - i), {{ada, ParticipantRole::Attended}}));
    const qint64 latest =
        require(events.create(meetup(2), {{ada, ParticipantRole::Attended}, {bob, ParticipantRole::Spoke}}));
    const QList<ListedParticipant> people = require(EventRepository(db).listParticipants(latest));
    REQUIRE(people.size() == 2);
    CHECK(people.at(0).contactName == QStringLiteral("Ada"));
    CHECK(people.at(0).regular());
    CHECK_FALSE(people.at(0).firstTimer());
    CHECK(people.at(1).firstTimer());
    CHECK(require(EventRepository(db).listed(latest)).firstTimers == 1);
    CHECK(require(EventRepository(db).list(testNow - 10 * daySeconds)).size() == 1);
}

TEST_CASE("Merging contacts moves participations, forgetting erases them, the export holds them", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    const qint64 adaToo = fixture.contactWithLog({}, QStringLiteral("Ada L."));
    EventLog events(db, fixture.engine());
    const qint64 both = require(
        events.create(meetup(6), {{ada, ParticipantRole::Attended}, {adaToo, ParticipantRole::Spoke}}));
    const qint64 onlyOther = require(events.create(meetup(3), {{adaToo, ParticipantRole::Answered}}));

    const QList<ContactSnapshot> before = require(ContactMerge(db, fixture.engine()).merge(ada, {adaToo}));
    CHECK(require(EventRepository(db).participants(both)).size() == 1);
    CHECK(require(EventRepository(db).participant(onlyOther, ada)).has_value());
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 2);
    requireStateMatchesRebuild(fixture);

    const QJsonObject document = require(personDocument(db, fixture.engine(), ada, testNow));
    CHECK(document.value(QStringLiteral("events")).toArray().size() == 2);

    requireOk(ContactMerge(db, fixture.engine()).unmerge(before));
    CHECK(require(EventRepository(db).participants(both)).size() == 2);
    CHECK(require(EventRepository(db).participant(onlyOther, adaToo))->role == ParticipantRole::Answered);
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM interactions")) == 3);

    require(PersonEraser(db).forget(adaToo));
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM event_participants")) == 1);
    CHECK(require(EventRepository(db).listed(onlyOther)).tookPart == 0);
}

TEST_CASE("Pasted participants resolve by email, handle or name, and unknown ones are all named", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    Contact ada;
    ada.displayName = QStringLiteral("Ada Lovelace");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), QString()};
    const qint64 adaId = require(ContactRepository(db).create(ada));
    const qint64 bob = fixture.contactWithLog({}, QStringLiteral("Bob Stone"));

    const QList<ParticipantEntry> entries = require(resolvePastedParticipants(
        db, QStringLiteral("ada@example.org, bob stone\nAda Lovelace\n"), ParticipantRole::Attended));
    REQUIRE(entries.size() == 2);
    CHECK(entries.at(0).contactId == adaId);
    CHECK(entries.at(1).contactId == bob);

    const Result<QList<ParticipantEntry>> unknown = resolvePastedParticipants(
        db, QStringLiteral("ada@example.org\nnobody@example.org; Nobody Else"), ParticipantRole::Attended);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message ==
          QStringLiteral("line 2: contact: no contact with id, email, handle or name 'nobody@example.org'\n"
                         "line 2: contact: no contact with id, email, handle or name 'Nobody Else'"));
}

TEST_CASE("A version 11 file upgrades to events, keeping its contacts and log", "[events][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v11.sqlite3"));
    QByteArray schema = schemaUpTo(11);
    schema += "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', 0, 0);"
              "INSERT INTO interactions (id, contact_id, occurred_at, channel, direction, created_at) "
              "VALUES (7, 1, 100, 'event', 'mutual', 100);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM interactions"))).toInt() == 1);
    requireOk(
        db->execute(QStringLiteral("INSERT INTO events (id, name, kind, occurred_at, channel, created_at) "
                                   "VALUES (1, 'Meetup', 'meetup', 100, 'event', 100)")));
    requireOk(db->execute(QStringLiteral("INSERT INTO event_participants (event_id, contact_id, role, "
                                         "interaction_id) VALUES (1, 1, 'attended', 7)")));
    CHECK_FALSE(
        db->execute(QStringLiteral("INSERT INTO events (name, kind, occurred_at, channel, created_at) "
                                   "VALUES ('x', 'party', 1, 'event', 1)"))
            .ok());
    CHECK_FALSE(db->execute(QStringLiteral("INSERT INTO event_participants (event_id, contact_id, role) "
                                           "VALUES (1, 1, 'spoke')"))
                    .ok());
    requireOk(db->execute(QStringLiteral("DELETE FROM interactions WHERE id = 7")));
    CHECK(require(db->scalar(QStringLiteral("SELECT interaction_id IS NULL FROM event_participants")))
              .toBool());
    requireOk(db->execute(QStringLiteral("DELETE FROM contacts WHERE id = 1")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM event_participants"))).toInt() == 0);
}

TEST_CASE("An event without a link is stored, and a link can be taken off again", "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    Event event = meetup(2);
    event.link = QString(); // as a form with the link left empty gives it
    EventLog events(db, fixture.engine());
    const qint64 id = require(events.create(event, {{ada, ParticipantRole::Attended}}));
    CHECK(require(EventRepository(db).get(id)).link.isEmpty());
    event = require(EventRepository(db).get(id));
    event.link = QStringLiteral("https://example.org/meetup");
    requireOk(events.edit(event));
    event.link = QString();
    requireOk(events.edit(event));
    CHECK(require(EventRepository(db).get(id)).link.isEmpty());
}

TEST_CASE("A no-show made a participant again gets back the conversation the no-show deleted, under its id",
          "[events]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 ada = fixture.contactWithLog({}, QStringLiteral("Ada"));
    EventLog events(db, fixture.engine());
    const qint64 id = require(events.create(meetup(5), {{ada, ParticipantRole::Attended}}));
    EventRepository repository(db);
    const qint64 attended = *require(repository.participant(id, ada))->interactionId;

    const std::optional<Interaction> deleted =
        require(events.changeRole(id, ada, ParticipantRole::InvitedNoShow));
    REQUIRE(deleted);
    CHECK(deleted->id == attended);
    CHECK_FALSE(require(InteractionRepository(db).listForContact(ada)).size() > 0);

    // The event changes while Ada is a no-show; her conversation comes back as the event now is.
    Event edited = require(repository.get(id));
    edited.name = QStringLiteral("Rust & C++ meetup");
    requireOk(events.edit(edited));
    CHECK_FALSE(require(events.changeRole(id, ada, ParticipantRole::Spoke, deleted)).has_value());
    const std::optional<EventParticipant> again = require(repository.participant(id, ada));
    REQUIRE(again->interactionId);
    CHECK(*again->interactionId == attended);
    const Interaction restored = require(InteractionRepository(db).get(attended));
    CHECK(restored.summary.contains(QStringLiteral("Rust & C++ meetup")));
    CHECK(restored.direction == Direction::Mutual);
    CHECK(fixture.scoreNow(ada).score.hasHistory);

    // Without the deleted conversation to give back (a role change typed anew), a new one is written.
    REQUIRE(require(events.changeRole(id, ada, ParticipantRole::InvitedNoShow)).has_value());
    CHECK_FALSE(require(events.changeRole(id, ada, ParticipantRole::Attended)).has_value());
    const QList<Interaction> written = require(InteractionRepository(db).listForContact(ada));
    REQUIRE(written.size() == 1);
    CHECK(*require(repository.participant(id, ada))->interactionId == written.front().id);
    CHECK(written.front().summary == QStringLiteral("Meetup: Rust & C++ meetup (attended)"));
}
