// SPDX-License-Identifier: GPL-3.0-or-later
// Follow-ups and commitments: adding and listing them, closing them, the trust note a kept or broken
// promise writes in the same transaction, and the upgrade of a version 6 file.
#include "core/storage/FollowUpRepository.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 addContact(Database& db, const QString& name)
{
    Contact contact;
    contact.displayName = name;
    return require(ContactRepository(db).create(contact));
}

FollowUp followUp(qint64 contactId, FollowUpKind kind, const QString& text, qint64 dueAt)
{
    FollowUp written;
    written.contactId = contactId;
    written.kind = kind;
    written.text = text;
    written.dueAt = dueAt;
    return written;
}

} // namespace

TEST_CASE("A follow-up reads back with all its fields and starts open", "[follow-ups]")
{
    PinnedClock clock;
    TempDatabase temp;
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 robin = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    FollowUp written = followUp(ana, FollowUpKind::OurCommitment, QStringLiteral("  Send the slides "),
                                testNow + 3 * daySeconds);
    written.ownerId = robin;
    const qint64 id = require(FollowUpRepository(temp.db()).add(written));

    const FollowUp stored = require(FollowUpRepository(temp.db()).get(id));
    CHECK(stored.contactId == ana);
    CHECK(stored.kind == FollowUpKind::OurCommitment);
    CHECK(stored.text == QStringLiteral("Send the slides"));
    CHECK(stored.ownerId == robin);
    CHECK(stored.dueAt == testNow + 3 * daySeconds);
    CHECK(stored.status == FollowUpStatus::Open);
    CHECK(stored.createdAt == testNow);
    CHECK_FALSE(stored.closedAt);
    CHECK_FALSE(stored.trustNoteId);
}

TEST_CASE("Bad follow-ups are refused with the field they get wrong", "[follow-ups]")
{
    TempDatabase temp;
    FollowUpRepository followUps(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));

    const Result<qint64> noText =
        followUps.add(followUp(ana, FollowUpKind::ReachOut, QStringLiteral(" "), testNow));
    REQUIRE_FALSE(noText);
    CHECK(noText.error().message.startsWith(QStringLiteral("text:")));
    const Result<qint64> noContact =
        followUps.add(followUp(ana + 99, FollowUpKind::ReachOut, QStringLiteral("Call"), testNow));
    REQUIRE_FALSE(noContact);
    CHECK(noContact.error().kind == ErrorKind::NotFound);
    FollowUp unknownOwner = followUp(ana, FollowUpKind::ReachOut, QStringLiteral("Call"), testNow);
    unknownOwner.ownerId = 42;
    const Result<qint64> owner = followUps.add(unknownOwner);
    REQUIRE_FALSE(owner);
    CHECK(owner.error().message == QStringLiteral("owner: no team member with id 42"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM follow_ups")) == 0);
}

TEST_CASE("Open follow-ups list soonest due first, by owner and due date", "[follow-ups]")
{
    PinnedClock clock;
    TempDatabase temp;
    FollowUpRepository followUps(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 robin = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    FollowUp later = followUp(ana, FollowUpKind::ReachOut, QStringLiteral("Ask about the meetup"),
                              testNow + 10 * daySeconds);
    later.ownerId = robin;
    const qint64 laterId = require(followUps.add(later));
    const qint64 soonId = require(
        followUps.add(followUp(ana, FollowUpKind::TheirCommitment, QStringLiteral("Review"), testNow)));
    const qint64 closedId =
        require(followUps.add(followUp(ana, FollowUpKind::ReachOut, QStringLiteral("Old"), testNow)));
    require(followUps.close(closedId, FollowUpStatus::Dropped, testNow));

    const QList<ListedFollowUp> all = require(followUps.listOpen());
    REQUIRE(all.size() == 2);
    CHECK(all.at(0).followUp.id == soonId);
    CHECK(all.at(1).followUp.id == laterId);
    CHECK(all.at(1).contactName == QStringLiteral("Ana"));
    CHECK(all.at(1).ownerName == QStringLiteral("Robin"));

    FollowUpFilter mine;
    mine.ownerId = robin;
    CHECK(require(followUps.listOpen(mine)).size() == 1);
    FollowUpFilter dueSoon;
    dueSoon.dueBefore = testNow + daySeconds;
    const QList<ListedFollowUp> soon = require(followUps.listOpen(dueSoon));
    REQUIRE(soon.size() == 1);
    CHECK(soon.at(0).followUp.id == soonId);
}

TEST_CASE("A promise closed as kept or broken writes its linked trust note", "[follow-ups]")
{
    PinnedClock clock;
    TempDatabase temp;
    FollowUpRepository followUps(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 robin = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    FollowUp ours = followUp(ana, FollowUpKind::OurCommitment, QStringLiteral("Send the slides"), testNow);
    ours.ownerId = robin;
    const qint64 oursId = require(followUps.add(ours));
    const qint64 theirsId = require(followUps.add(
        followUp(ana, FollowUpKind::TheirCommitment, QStringLiteral("Review the PR"), testNow)));
    // Scores are cached; a trust note must make them stale just as a note written by hand does.
    requireOk(temp.db().execute(QStringLiteral("UPDATE health_cache SET valid = 1")));

    const FollowUp kept = require(followUps.close(oursId, FollowUpStatus::Kept, testNow + 60));
    CHECK(kept.status == FollowUpStatus::Kept);
    CHECK(kept.closedAt == testNow + 60);
    REQUIRE(kept.trustNoteId);
    const TrustNote keptNote = require(TrustNoteRepository(temp.db()).get(*kept.trustNoteId));
    CHECK(keptNote.kind == TrustKind::CommitmentKept);
    CHECK(keptNote.contactId == ana);
    CHECK(keptNote.authorId == robin);
    CHECK(keptNote.createdAt == testNow + 60);
    CHECK(keptNote.text == QStringLiteral("We promised: Send the slides"));
    CHECK(require(followUps.get(oursId)).trustNoteId == kept.trustNoteId);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM health_cache WHERE valid = 0")) > 0);

    const FollowUp broken = require(followUps.close(theirsId, FollowUpStatus::Broken, testNow + 120));
    REQUIRE(broken.trustNoteId);
    const TrustNote brokenNote = require(TrustNoteRepository(temp.db()).get(*broken.trustNoteId));
    CHECK(brokenNote.kind == TrustKind::CommitmentBroken);
    CHECK(brokenNote.text == QStringLiteral("They promised: Review the PR"));
    CHECK(require(followUps.listOpen()).isEmpty());

    // Reopening (an undo) takes the note back with the closing.
    requireOk(followUps.reopen(theirsId));
    const FollowUp reopened = require(followUps.get(theirsId));
    CHECK(reopened.status == FollowUpStatus::Open);
    CHECK_FALSE(reopened.closedAt.has_value());
    CHECK_FALSE(reopened.trustNoteId.has_value());
    CHECK_FALSE(TrustNoteRepository(temp.db()).get(*broken.trustNoteId).ok());
    CHECK(require(followUps.listOpen()).size() == 1);
    const Status again = followUps.reopen(theirsId);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message == QStringLiteral("follow-up %1 is open").arg(theirsId));
}

TEST_CASE("Closing checks the follow-up's kind and state and writes nothing when refused", "[follow-ups]")
{
    PinnedClock clock;
    TempDatabase temp;
    FollowUpRepository followUps(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));
    const qint64 reachOut =
        require(followUps.add(followUp(ana, FollowUpKind::ReachOut, QStringLiteral("Call"), testNow)));
    const qint64 promise =
        require(followUps.add(followUp(ana, FollowUpKind::OurCommitment, QStringLiteral("Intro"), testNow)));

    const Result<FollowUp> keptReachOut = followUps.close(reachOut, FollowUpStatus::Kept, testNow);
    REQUIRE_FALSE(keptReachOut);
    CHECK(keptReachOut.error().message.contains(QStringLiteral("not a commitment")));
    const Result<FollowUp> donePromise = followUps.close(promise, FollowUpStatus::Done, testNow);
    REQUIRE_FALSE(donePromise);
    CHECK(donePromise.error().message.contains(QStringLiteral("kept, broken or dropped")));
    CHECK(require(followUps.close(reachOut, FollowUpStatus::Done, testNow)).status == FollowUpStatus::Done);
    const Result<FollowUp> again = followUps.close(reachOut, FollowUpStatus::Dropped, testNow);
    REQUIRE_FALSE(again);
    CHECK(again.error().message == QStringLiteral("follow-up %1 is already closed as done").arg(reachOut));
    const Result<FollowUp> missing = followUps.close(promise + 99, FollowUpStatus::Dropped, testNow);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(require(followUps.close(promise, FollowUpStatus::Dropped, testNow)).trustNoteId == std::nullopt);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM trust_notes")) == 0);
}

TEST_CASE("A version 6 file upgrades to keep follow-ups and reach-out holds", "[follow-ups][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v6.sqlite3"));
    QByteArray schema = schemaUpTo(6);
    schema += "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ana', 0, 0);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    const qint64 id = require(FollowUpRepository(*db).add(
        followUp(1, FollowUpKind::OurCommitment, QStringLiteral("Slides"), testNow)));
    CHECK(require(FollowUpRepository(*db).close(id, FollowUpStatus::Kept, testNow)).trustNoteId.has_value());
    // A closed follow-up always has its moment, an open one never.
    CHECK_FALSE(db->execute(QStringLiteral("UPDATE follow_ups SET closed_at = NULL")).ok());
    requireOk(db->execute(QStringLiteral("INSERT INTO reach_out_holds (contact_id, until_at, created_at) "
                                         "VALUES (1, NULL, 0)")));
    // Follow-ups and holds go with their contact.
    requireOk(ContactRepository(*db).remove(1));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM follow_ups"))).toInt() == 0);
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM reach_out_holds"))).toInt() == 0);
}
