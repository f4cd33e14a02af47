// SPDX-License-Identifier: GPL-3.0-or-later
// Tags spelled twice made one: every carrier kept, the cadence carried over, the dashboard's rollup in
// step, and an undo that brings each tag back under its own id with its own contacts.
#include "core/services/TagMerge.h"

#include "core/services/DuplicateFinder.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/TagRepository.h"
#include "tests/support/ScoringFixture.h"

using namespace rapport;
using namespace rapport::test;

namespace {

struct ThreeSpellings
{
    qint64 ada = 0;   // "Core contributors"
    qint64 alan = 0;  // "core-contributors", with a cadence
    qint64 grace = 0; // both spellings and "core_contributors"
};

ThreeSpellings threeSpellings(ScoringFixture& fixture)
{
    ThreeSpellings ids;
    const auto everyOther = [](int i) {
        return i % 2 ? Direction::Inbound : Direction::Outbound;
    };
    ids.ada = fixture.contactWithLog(regularLog(4, 9, 2, everyOther), QStringLiteral("Ada Lovelace"));
    ids.alan = fixture.contactWithLog(regularLog(3, 20, 5, everyOther), QStringLiteral("Alan Turing"));
    ids.grace = fixture.contactWithLog(regularLog(5, 7, 1, everyOther), QStringLiteral("Grace Hopper"));
    Database& db = fixture.database().db();
    TagRepository tags(db);
    requireOk(tags.addTag(ids.ada, QStringLiteral("Core contributors")));
    requireOk(tags.addTag(ids.alan, QStringLiteral("core-contributors")));
    requireOk(tags.setCadence(QStringLiteral("core-contributors"), 14));
    for (const char* name : {"Core contributors", "core-contributors", "core_contributors"})
        requireOk(tags.addTag(ids.grace, QString::fromLatin1(name)));
    return ids;
}

} // namespace

TEST_CASE("Merging tags keeps every carrier, takes a cadence and keeps the rollup in step", "[tags][merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const ThreeSpellings ids = threeSpellings(fixture);
    TagRepository tags(db);
    const QList<Tag> tagsBefore = require(tags.list());
    const QStringList rollupBefore = storedActivityRollup(db);
    REQUIRE(rollupBefore == activityRollupOfLog(db));
    const double alanBefore = fixture.scoreNow(ids.alan).score.score;

    const TagMergeSnapshot before = require(
        TagMerge(db).merge(QStringLiteral("core contributors"),
                           {QStringLiteral("core-contributors"), QStringLiteral("CORE_contributors")}));
    CHECK(before.kept.name == QStringLiteral("Core contributors"));
    CHECK(before.newlyTagged == QList<qint64>{ids.alan});
    CHECK(before.carryingAfter == 3);

    for (const qint64 id : {ids.ada, ids.alan, ids.grace})
        CHECK(require(tags.tagsOf(id)) == QStringList{QStringLiteral("Core contributors")});
    const QList<Tag> after = require(tags.list());
    REQUIRE(after.size() == 1);
    CHECK(after.front().cadenceDays == std::optional<double>(14));
    CHECK(storedActivityRollup(db) == activityRollupOfLog(db));
    CHECK(require(DuplicateFinder(db, QString()).find()).tags.empty());
    // Alan's history says his tag changed spelling.
    const QList<ContactChange> alanChanges = require(ContactChangeLog(db).listForContact(ids.alan));
    REQUIRE_FALSE(alanChanges.isEmpty());
    CHECK(alanChanges.front().field == QStringLiteral("tag"));
    CHECK(alanChanges.front().oldValue == QStringLiteral("core-contributors"));
    CHECK(alanChanges.front().newValue == QStringLiteral("Core contributors"));
    // The prior cadence Alan had through the other spelling still shapes his score.
    CHECK(fixture.scoreNow(ids.alan).score.score == Approx(alanBefore));

    requireOk(TagMerge(db).unmerge(before));
    const QList<Tag> restored = require(tags.list());
    REQUIRE(restored.size() == tagsBefore.size());
    for (qsizetype i = 0; i < restored.size(); ++i) {
        CHECK(restored[i].id == tagsBefore[i].id);
        CHECK(restored[i].name == tagsBefore[i].name);
        CHECK(restored[i].cadenceDays == tagsBefore[i].cadenceDays);
    }
    CHECK(require(tags.tagsOf(ids.alan)) == QStringList{QStringLiteral("core-contributors")});
    CHECK(require(tags.tagsOf(ids.grace)).size() == 3);
    CHECK(storedActivityRollup(db) == rollupBefore);
}

TEST_CASE("Merging tags refuses a tag that does not exist or is named twice, and changes nothing",
          "[tags][merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    threeSpellings(fixture);
    const qsizetype tagCount = require(TagRepository(db).list()).size();

    const Result<TagMergeSnapshot> unknown =
        TagMerge(db).merge(QStringLiteral("Core contributors"), {QStringLiteral("Core contribs")});
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().kind == ErrorKind::NotFound);
    CHECK(unknown.error().message.startsWith(QStringLiteral("no tag 'Core contribs'; tags: ")));

    const Result<TagMergeSnapshot> twice =
        TagMerge(db).merge(QStringLiteral("Core contributors"),
                           {QStringLiteral("core-contributors"), QStringLiteral("CORE-CONTRIBUTORS")});
    REQUIRE_FALSE(twice.ok());
    CHECK(twice.error().message == QStringLiteral("tag 'core-contributors' is named twice"));

    const Result<TagMergeSnapshot> itself =
        TagMerge(db).merge(QStringLiteral("Core contributors"), {QStringLiteral("core contributors")});
    REQUIRE_FALSE(itself.ok());
    CHECK(itself.error().message == QStringLiteral("tag 'Core contributors' is named twice"));

    CHECK(require(TagRepository(db).list()).size() == tagCount);
}
