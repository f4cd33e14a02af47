// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk edits of contacts: each all or nothing, and each undone exactly — a deleted contact comes back
// with its methods, tags, log and notes under the same ids, and the same score.
#include "core/services/ContactBulkEdit.h"

#include "core/services/ConsistencyCheck.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

// Three contacts with logs, methods, a tag and a trust note on the first.
QList<qint64> threeContacts(ScoringFixture& fixture)
{
    QList<qint64> ids;
    for (const QString& name :
         {QStringLiteral("Ada Lovelace"), QStringLiteral("Alan Turing"), QStringLiteral("Grace Hopper")})
        ids << fixture.contactWithLog(
            regularLog(6, 10, 3, [](int i) { return i % 2 ? Direction::Inbound : Direction::Outbound; }),
            name);
    Database& db = fixture.database().db();
    Contact ada = require(ContactRepository(db).get(ids[0]));
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"),
                                 QStringLiteral("work")};
    ada.tags << QStringLiteral("maintainers");
    requireOk(ContactRepository(db).update(ada));
    TrustNote note;
    note.contactId = ids[0];
    note.createdAt = testNow - daySeconds;
    note.kind = TrustKind::CommitmentKept;
    note.trustLevel = 4;
    note.text = QStringLiteral("Reviewed the talk as promised");
    require(TrustNoteRepository(db).insert(note));
    return ids;
}

} // namespace

TEST_CASE("Bulk delete is undone with every row under its own id and the same score", "[bulk]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const QList<qint64> ids = threeContacts(fixture);
    const ContactSnapshot before = require(ContactRepository(db).snapshot(ids[0]));
    REQUIRE(before.interactions.size() == 6);
    REQUIRE(before.notes.size() == 1);
    const double scoreBefore = fixture.scoreNow(ids[0]).score.score;
    const RelationshipState stateBefore = *require(fixture.engine().storedState(ids[0]));
    const QStringList activityBefore = storedActivityRollup(db);
    REQUIRE(!activityBefore.isEmpty());

    ContactBulkEdit bulk(db, fixture.engine());
    const QList<ContactSnapshot> deleted = require(bulk.remove({ids[0], ids[1]}));
    CHECK(deleted.size() == 2);
    CHECK(require(ContactRepository(db).count()) == 1);
    CHECK(require(InteractionRepository(db).count()) == 6);
    CHECK(require(TrustNoteRepository(db).count()) == 0);
    CHECK_FALSE(require(fixture.engine().storedState(ids[0])).has_value());
    CHECK(storedActivityRollup(db) != activityBefore);

    requireOk(bulk.restore(deleted));
    const ContactSnapshot after = require(ContactRepository(db).snapshot(ids[0]));
    CHECK(after.contact.effectiveDisplayName() == before.contact.effectiveDisplayName());
    CHECK(after.contact.tags == before.contact.tags);
    REQUIRE(after.contact.methods.size() == before.contact.methods.size());
    CHECK(after.contact.methods.back().value == QStringLiteral("ada@example.org"));
    CHECK(after.contact.methods.back().label == QStringLiteral("work"));
    REQUIRE(after.interactions.size() == before.interactions.size());
    for (int i = 0; i < after.interactions.size(); ++i) {
        CHECK(after.interactions[i].id == before.interactions[i].id);
        CHECK(after.interactions[i].occurredAt == before.interactions[i].occurredAt);
        CHECK(after.interactions[i].direction == before.interactions[i].direction);
    }
    REQUIRE(after.notes.size() == 1);
    CHECK(after.notes[0].id == before.notes[0].id);
    CHECK(after.notes[0].text == before.notes[0].text);
    CHECK(require(TrustNoteRepository(db).latestTrustLevel(ids[0])) == std::optional<int>(4));
    CHECK(approximatelyEqual(*require(fixture.engine().storedState(ids[0])), stateBefore));
    CHECK(fixture.scoreNow(ids[0]).score.score == Approx(scoreBefore).margin(1e-9));
    CHECK(require(SearchIndex(db).findContacts(QStringLiteral("Lovelace"), 10)) == QList<qint64>{ids[0]});
    CHECK(require(ContactRepository(db).count()) == 3);
    CHECK(storedActivityRollup(db) == activityBefore);
    // Search indexes and scoring state agree with the restored rows.
    const ConsistencyReport report = require(ConsistencyCheck(db).run());
    INFO(report.problems.join(QStringLiteral("; ")).toStdString());
    CHECK(report.consistent());
}

TEST_CASE("A bulk delete that fails part way deletes nothing", "[bulk]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const QList<qint64> ids = threeContacts(fixture);
    ContactBulkEdit bulk(db, fixture.engine());
    const Result<QList<ContactSnapshot>> refused = bulk.remove({ids[0], 9999, ids[1]});
    CHECK_FALSE(refused.ok());
    CHECK(require(ContactRepository(db).count()) == 3);
    CHECK(require(InteractionRepository(db).count()) == 18);

    int calls = 0;
    const Result<QList<ContactSnapshot>> cancelled =
        bulk.remove(ids, [&calls](qint64, qint64) { return ++calls < 2; });
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
    CHECK(require(ContactRepository(db).count()) == 3);
}

TEST_CASE("Bulk tag, owner and archive return what undo needs", "[bulk]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const QList<qint64> ids = threeContacts(fixture);
    ContactBulkEdit bulk(db, fixture.engine());
    TagRepository tags(db);

    // Ada already carries the tag: undo must leave it on her.
    const QList<qint64> tagged = require(bulk.addTag(ids, QStringLiteral("Maintainers")));
    CHECK(tagged == QList<qint64>{ids[1], ids[2]});
    CHECK(require(tags.tagsOf(ids[2])).contains(QStringLiteral("maintainers"), Qt::CaseInsensitive));
    requireOk(bulk.removeTag(tagged, QStringLiteral("Maintainers")));
    CHECK(require(tags.tagsOf(ids[0])) == QStringList{QStringLiteral("maintainers")});
    CHECK(require(tags.tagsOf(ids[2])).isEmpty());
    CHECK_FALSE(bulk.addTag(ids, QStringLiteral("  ")).ok());

    TeamMemberRepository members(db);
    const qint64 sam = require(members.create(TeamMember{0, QStringLiteral("Sam"), {}}));
    const qint64 kim = require(members.create(TeamMember{0, QStringLiteral("Kim"), {}}));
    requireOk(ContactRepository(db).setOwner(ids[1], kim));
    const QHash<qint64, std::optional<qint64>> previous = require(bulk.assignOwner(ids, sam));
    CHECK(require(ContactRepository(db).get(ids[1])).ownerId == std::optional<qint64>(sam));
    CHECK(previous.value(ids[1]) == std::optional<qint64>(kim));
    CHECK(previous.value(ids[0]) == std::nullopt);
    requireOk(bulk.restoreOwners(previous));
    CHECK(require(ContactRepository(db).get(ids[1])).ownerId == std::optional<qint64>(kim));
    CHECK(require(ContactRepository(db).get(ids[0])).ownerId == std::nullopt);
    CHECK_FALSE(bulk.assignOwner(ids, 9999).ok());
    CHECK(require(ContactRepository(db).get(ids[1])).ownerId == std::optional<qint64>(kim));

    requireOk(ContactRepository(db).setArchived(ids[2], true));
    const QList<qint64> archived = require(bulk.setArchived(ids, true));
    CHECK(archived == QList<qint64>{ids[0], ids[1]});
    require(bulk.setArchived(archived, false));
    CHECK_FALSE(require(ContactRepository(db).get(ids[0])).archived);
    CHECK(require(ContactRepository(db).get(ids[2])).archived);
    CHECK(require(ConsistencyCheck(db).run()).consistent());
}
