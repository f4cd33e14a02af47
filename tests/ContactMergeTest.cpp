// SPDX-License-Identifier: GPL-3.0-or-later
// Merging contacts that are one person: one record keeps every method, tag, conversation and note, its
// score comes from the merged log, and unmerge brings each contact back under its own ids.
#include "core/services/ContactMerge.h"

#include "core/services/ConsistencyCheck.h"
#include "core/services/DuplicateFinder.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/FollowUpRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

struct TwoGraces
{
    qint64 fromLinkedIn = 0; // no email, an organization, a handle, a tag
    qint64 fromOutlook = 0;  // an email, a title, the tag spelled otherwise, another tag, a note
};

TwoGraces twoGraces(ScoringFixture& fixture)
{
    Database& db = fixture.database().db();
    ContactRepository contacts(db);
    TwoGraces graces;
    graces.fromLinkedIn = fixture.contactWithLog(
        regularLog(4, 20, 30, [](int) { return Direction::Outbound; }), QStringLiteral("Grace Hopper"));
    graces.fromOutlook = fixture.contactWithLog(
        regularLog(5, 7, 2, [](int i) { return i % 2 ? Direction::Inbound : Direction::Outbound; }),
        QStringLiteral("Grace Hopper"));

    Contact linkedIn = require(contacts.get(graces.fromLinkedIn));
    linkedIn.organization = QStringLiteral("US Navy");
    linkedIn.methods << ContactMethod{0, MethodKind::LinkedIn, QStringLiteral("gracehopper"), QString()};
    linkedIn.tags << QStringLiteral("Core contributors");
    requireOk(contacts.update(linkedIn));

    Contact outlook = require(contacts.get(graces.fromOutlook));
    outlook.title = QStringLiteral("Rear Admiral");
    outlook.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("grace@navy.example"),
                                     QStringLiteral("work")}
                    << ContactMethod{0, MethodKind::Mastodon, QStringLiteral("@grace@navy.social"),
                                     QString()};
    outlook.tags << QStringLiteral("core contributors") << QStringLiteral("Speakers");
    requireOk(contacts.update(outlook));

    TrustNote note;
    note.contactId = graces.fromOutlook;
    note.createdAt = testNow - 3 * daySeconds;
    note.kind = TrustKind::CommitmentKept;
    note.trustLevel = 5;
    note.text = QStringLiteral("Sent the COBOL slides as promised");
    require(TrustNoteRepository(db).insert(note));
    return graces;
}

QList<qint64> interactionIds(const ContactSnapshot& snapshot)
{
    QList<qint64> ids;
    for (const Interaction& interaction : snapshot.interactions)
        ids << interaction.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

void requireConsistent(Database& db)
{
    const ConsistencyReport report = require(ConsistencyCheck(db).run());
    INFO(report.problems.join(QStringLiteral("; ")).toStdString());
    REQUIRE(report.consistent());
}

} // namespace

TEST_CASE("A merge keeps every method, tag, conversation and note, and scores the merged log", "[merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    const ContactSnapshot linkedInBefore = require(ContactRepository(db).snapshot(graces.fromLinkedIn));
    const ContactSnapshot outlookBefore = require(ContactRepository(db).snapshot(graces.fromOutlook));

    ContactMerge merge(db, fixture.engine());
    const QList<ContactSnapshot> before = require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
    REQUIRE(before.size() == 2);
    CHECK(before[0].contact.id == graces.fromLinkedIn);
    CHECK(before[1].contact.id == graces.fromOutlook);

    CHECK(require(ContactRepository(db).count()) == 1);
    CHECK_FALSE(require(ContactRepository(db).exists(graces.fromOutlook)));
    const ContactSnapshot merged = require(ContactRepository(db).snapshot(graces.fromLinkedIn));
    CHECK(merged.contact.organization == QStringLiteral("US Navy"));
    CHECK(merged.contact.title == QStringLiteral("Rear Admiral"));
    // The tag spelled twice is kept once, as KEEP spells it.
    REQUIRE(merged.contact.methods.size() == 3);
    QStringList methods;
    for (const ContactMethod& method : merged.contact.methods)
        methods << methodKindName(method.kind) + QLatin1Char(':') + method.value;
    methods.sort();
    CHECK(methods == QStringList{QStringLiteral("email:grace@navy.example"),
                                 QStringLiteral("linkedin:gracehopper"),
                                 QStringLiteral("mastodon:@grace@navy.social")});
    QStringList tags = merged.contact.tags;
    tags.sort();
    CHECK(tags == QStringList{QStringLiteral("Core contributors"), QStringLiteral("Speakers")});

    QList<qint64> expectedLog = interactionIds(linkedInBefore) + interactionIds(outlookBefore);
    std::sort(expectedLog.begin(), expectedLog.end());
    CHECK(interactionIds(merged) == expectedLog);
    REQUIRE(merged.notes.size() == 1);
    CHECK(merged.notes[0].id == outlookBefore.notes[0].id);
    CHECK(require(TrustNoteRepository(db).latestTrustLevel(graces.fromLinkedIn)) == std::optional<int>(5));

    // The stored state is the merged log's: a rebuild from scratch changes nothing.
    const RelationshipState stored = *require(fixture.engine().storedState(graces.fromLinkedIn));
    CHECK(stored.nOut + stored.nIn == 9);
    CHECK(stored.nTouch == 8); // both were in touch 30 days ago: one touch day
    requireOk(fixture.engine().rebuildContact(graces.fromLinkedIn));
    CHECK(approximatelyEqual(*require(fixture.engine().storedState(graces.fromLinkedIn)), stored));
    requireConsistent(db);
    CHECK(require(DuplicateFinder(db, QStringLiteral("US")).find()).pairs.empty());
}

TEST_CASE("Unmerge brings each contact back under its own ids with its own score", "[merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    const ContactSnapshot linkedInBefore = require(ContactRepository(db).snapshot(graces.fromLinkedIn));
    const ContactSnapshot outlookBefore = require(ContactRepository(db).snapshot(graces.fromOutlook));
    const RelationshipState linkedInState = *require(fixture.engine().storedState(graces.fromLinkedIn));
    const RelationshipState outlookState = *require(fixture.engine().storedState(graces.fromOutlook));

    Contact other;
    other.displayName = QStringLiteral("Grace Brewster");
    const qint64 brewster = require(ContactRepository(db).create(other));
    requireOk(DistinctContactRepository(db).mark(graces.fromOutlook, brewster));

    FollowUp promise;
    promise.contactId = graces.fromOutlook;
    promise.kind = FollowUpKind::OurCommitment;
    promise.text = QStringLiteral("Send the COBOL slides");
    promise.dueAt = testNow + 7 * daySeconds;
    const qint64 promiseId = require(FollowUpRepository(db).add(promise));

    ContactMerge merge(db, fixture.engine());
    const QList<ContactSnapshot> before = require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
    CHECK(require(FollowUpRepository(db).get(promiseId)).contactId == graces.fromLinkedIn);
    // The mark moves to the merged record.
    CHECK(require(DistinctContactRepository(db).all()) ==
          QSet<ContactPair>{DistinctContactRepository::pairOf(graces.fromLinkedIn, brewster)});
    requireOk(merge.unmerge(before));
    CHECK(require(DistinctContactRepository(db).all()) ==
          QSet<ContactPair>{DistinctContactRepository::pairOf(graces.fromOutlook, brewster)});
    const FollowUp restored = require(FollowUpRepository(db).get(promiseId));
    CHECK(restored.contactId == graces.fromOutlook);
    CHECK(restored.text == promise.text);

    CHECK(require(ContactRepository(db).count()) == 3);
    for (const ContactSnapshot* original : {&linkedInBefore, &outlookBefore}) {
        const ContactSnapshot now = require(ContactRepository(db).snapshot(original->contact.id));
        CHECK(now.contact.organization == original->contact.organization);
        CHECK(now.contact.title == original->contact.title);
        CHECK(now.contact.tags == original->contact.tags);
        CHECK(now.contact.methods.size() == original->contact.methods.size());
        CHECK(interactionIds(now) == interactionIds(*original));
        CHECK(now.notes.size() == original->notes.size());
    }
    CHECK(approximatelyEqual(*require(fixture.engine().storedState(graces.fromLinkedIn)), linkedInState));
    CHECK(approximatelyEqual(*require(fixture.engine().storedState(graces.fromOutlook)), outlookState));
    requireConsistent(db);
}

TEST_CASE("Chosen fields replace the kept contact's, owners and cadence come along", "[merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    TeamMember member;
    member.name = QStringLiteral("Alex Rivera");
    const qint64 alex = require(TeamMemberRepository(db).create(member));
    Contact outlook = require(ContactRepository(db).get(graces.fromOutlook));
    outlook.ownerId = alex;
    outlook.cadenceDays = 14;
    requireOk(ContactRepository(db).update(outlook));

    ContactMerge merge(db, fixture.engine());
    SECTION("by default KEEP's fields win where both are set, the others fill the gaps")
    {
        require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
        const Contact merged = require(ContactRepository(db).get(graces.fromLinkedIn));
        CHECK(merged.ownerId == std::optional<qint64>(alex));
        CHECK(merged.cadenceDays == std::optional<double>(14));
        CHECK(merged.organization == QStringLiteral("US Navy"));
    }
    SECTION("a dialog's choice decides every field")
    {
        Contact chosen;
        chosen.displayName = QStringLiteral("Rear Admiral Grace Hopper");
        chosen.organization = QStringLiteral("Navy");
        require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}, chosen));
        const Contact merged = require(ContactRepository(db).get(graces.fromLinkedIn));
        CHECK(merged.displayName == QStringLiteral("Rear Admiral Grace Hopper"));
        CHECK(merged.organization == QStringLiteral("Navy"));
        CHECK(merged.title.isEmpty());
        CHECK_FALSE(merged.ownerId.has_value());
        CHECK(merged.methods.size() == 3);
    }
    requireConsistent(db);
}

TEST_CASE("A merge that cannot be done changes nothing", "[merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    const qint64 interactions = require(InteractionRepository(db).count());
    ContactMerge merge(db, fixture.engine());

    const Result<QList<ContactSnapshot>> itself = merge.merge(graces.fromLinkedIn, {graces.fromLinkedIn});
    REQUIRE_FALSE(itself.ok());
    CHECK(itself.error().kind == ErrorKind::Usage);
    const Result<QList<ContactSnapshot>> none = merge.merge(graces.fromLinkedIn, {});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().kind == ErrorKind::Usage);
    const Result<QList<ContactSnapshot>> missing =
        merge.merge(graces.fromLinkedIn, {graces.fromOutlook, 9999});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("9999")));
    Contact nameless;
    const Result<QList<ContactSnapshot>> unnamed =
        merge.merge(graces.fromLinkedIn, {graces.fromOutlook}, nameless);
    REQUIRE_FALSE(unnamed.ok());
    CHECK(unnamed.error().kind == ErrorKind::BadInput);

    CHECK(require(ContactRepository(db).count()) == 2);
    CHECK(require(InteractionRepository(db).count()) == interactions);
    CHECK(require(ContactRepository(db).snapshot(graces.fromOutlook)).notes.size() == 1);
    requireConsistent(db);
}

TEST_CASE("The vCard UIDs move with a merge and come back with its undo, and with a delete's",
          "[merge][vcard]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    ContactUidRepository uids(db);
    requireOk(uids.add(graces.fromLinkedIn, QStringLiteral("linkedin-card")));
    requireOk(uids.add(graces.fromOutlook, QStringLiteral("outlook-card")));

    ContactMerge merge(db, fixture.engine());
    const QList<ContactSnapshot> before = require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
    CHECK(require(uids.uidsOf(graces.fromLinkedIn)) ==
          QStringList{QStringLiteral("linkedin-card"), QStringLiteral("outlook-card")});
    requireOk(merge.unmerge(before));
    CHECK(require(uids.uidsOf(graces.fromLinkedIn)) == QStringList{QStringLiteral("linkedin-card")});
    CHECK(require(uids.uidsOf(graces.fromOutlook)) == QStringList{QStringLiteral("outlook-card")});

    ContactRepository contacts(db);
    const ContactSnapshot outlook = require(contacts.snapshot(graces.fromOutlook));
    requireOk(contacts.remove(graces.fromOutlook));
    CHECK(require(uids.find(QStringLiteral("outlook-card"))) == std::nullopt);
    requireOk(contacts.restore(outlook));
    CHECK(require(uids.find(QStringLiteral("outlook-card"))) == std::optional<qint64>(graces.fromOutlook));
}

TEST_CASE("A snooze stays with the person through a merge, its undo and a delete's", "[merge][today]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const TwoGraces graces = twoGraces(fixture);
    ReachOutHoldRepository holds(db);
    const qint64 until = testNow + 7 * daySeconds;
    requireOk(holds.snooze(graces.fromOutlook, until, testNow));

    ContactMerge merge(db, fixture.engine());
    const QList<ContactSnapshot> before = require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
    const std::optional<ReachOutHold> moved = require(holds.of(graces.fromLinkedIn));
    REQUIRE(moved.has_value());
    CHECK(moved->until == std::optional<qint64>(until));
    requireOk(merge.unmerge(before));
    CHECK_FALSE(require(holds.of(graces.fromLinkedIn)).has_value());
    CHECK(require(holds.of(graces.fromOutlook))->until == std::optional<qint64>(until));

    // The kept contact's own hold wins over the other's.
    requireOk(holds.dismiss(graces.fromLinkedIn, testNow));
    const QList<ContactSnapshot> again = require(merge.merge(graces.fromLinkedIn, {graces.fromOutlook}));
    CHECK_FALSE(require(holds.of(graces.fromLinkedIn))->isSnooze());
    requireOk(merge.unmerge(again));
    CHECK(require(holds.of(graces.fromOutlook))->isSnooze());
    requireConsistent(db);

    ContactRepository contacts(db);
    const ContactSnapshot outlook = require(contacts.snapshot(graces.fromOutlook));
    requireOk(contacts.remove(graces.fromOutlook));
    CHECK_FALSE(require(holds.of(graces.fromOutlook)).has_value());
    requireOk(contacts.restore(outlook));
    CHECK(require(holds.of(graces.fromOutlook))->until == std::optional<qint64>(until));
}
