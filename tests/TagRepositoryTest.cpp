// SPDX-License-Identifier: GPL-3.0-or-later
// Tags: creating them on demand, their prior cadences, and which contacts carry them.
#include "core/storage/TagRepository.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/TestSupport.h"

#include <limits>

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 addContact(Database& db, const QString& name, const QStringList& tags = {})
{
    Contact contact;
    contact.displayName = name;
    contact.tags = tags;
    return require(ContactRepository(db).create(contact));
}

QStringList tagNames(const QList<Tag>& tags)
{
    QStringList names;
    for (const Tag& tag : tags)
        names << tag.name;
    return names;
}

const QString tagCount = QStringLiteral("SELECT count(*) FROM tags");
const QString linkCount = QStringLiteral("SELECT count(*) FROM contact_tags");

} // namespace

TEST_CASE("Ensuring a tag creates it once and finds it again in any case", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 press = require(tags.ensure(QStringLiteral("  Press ")));
    CHECK(press > 0);
    CHECK(require(tags.ensure(QStringLiteral("press"))) == press);
    CHECK(require(tags.ensure(QStringLiteral("PRESS"))) == press);
    const qint64 donors = require(tags.ensure(QStringLiteral("donors")));
    CHECK(donors != press);
    CHECK(temp.number(tagCount) == 2);
    CHECK(tagNames(require(tags.list())) == QStringList{QStringLiteral("donors"), QStringLiteral("Press")});
}

TEST_CASE("Tag names that cannot be stored are refused and nothing is created", "[tags][validation]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    require(tags.ensure(QStringLiteral("press")));

    for (const QString& name :
         {QString(), QStringLiteral("   "), QStringLiteral("press,media"), QStringLiteral("two\nlines")}) {
        CAPTURE(name);
        const Result<qint64> ensured = tags.ensure(name);
        REQUIRE_FALSE(ensured.ok());
        CHECK(ensured.error().kind == ErrorKind::BadInput);
        CHECK(ensured.error().message.startsWith(QStringLiteral("tag")));
    }
    CHECK(temp.number(tagCount) == 1);
}

TEST_CASE("Tags are listed by name, case-insensitively, with their cadence", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    require(tags.ensure(QStringLiteral("volunteers")));
    require(tags.ensure(QStringLiteral("Board")));
    require(tags.ensure(QStringLiteral("alumni")));
    requireOk(tags.setCadence(QStringLiteral("board"), 30.0));

    const QList<Tag> listed = require(tags.list());
    CHECK(tagNames(listed) ==
          QStringList{QStringLiteral("alumni"), QStringLiteral("Board"), QStringLiteral("volunteers")});
    REQUIRE(listed.size() == 3);
    CHECK(listed.at(0).id > 0);
    CHECK_FALSE(listed.at(0).cadenceDays.has_value());
    CHECK(listed.at(1).cadenceDays == 30.0);
    CHECK_FALSE(listed.at(2).cadenceDays.has_value());
}

TEST_CASE("A tag's cadence can be set, changed and removed", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());

    require(tags.ensure(QStringLiteral("family")));
    requireOk(tags.setCadence(QStringLiteral("family"), 7.0));
    REQUIRE(require(tags.list()).size() == 1);
    CHECK(require(tags.list()).at(0).cadenceDays == 7.0);

    requireOk(tags.setCadence(QStringLiteral("Family"), 3.5));
    CHECK(require(tags.list()).at(0).cadenceDays == 3.5);

    requireOk(tags.setCadence(QStringLiteral("family"), std::nullopt));
    CHECK_FALSE(require(tags.list()).at(0).cadenceDays.has_value());
    CHECK(temp.number(tagCount) == 1);
}

TEST_CASE("A cadence that is not a positive number of days is refused", "[tags][validation]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    require(tags.ensure(QStringLiteral("press")));
    requireOk(tags.setCadence(QStringLiteral("press"), 14.0));

    for (const double days : {0.0, -7.0, 1e-300, 0.5, 3650.5, std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::quiet_NaN()}) {
        CAPTURE(days);
        const Status set = tags.setCadence(QStringLiteral("press"), days);
        REQUIRE_FALSE(set.ok());
        CHECK(set.error().kind == ErrorKind::BadInput);
        CHECK(set.error().message.contains(QStringLiteral("cadence")));
        CHECK(set.error().message.contains(QStringLiteral("press")));
        CHECK(set.error().message.contains(QStringLiteral("from 1 to 3650")));
    }
    requireOk(tags.setCadence(QStringLiteral("press"), 1.0));
    requireOk(tags.setCadence(QStringLiteral("press"), 3650.0));
    requireOk(tags.setCadence(QStringLiteral("press"), 14.0));
    const Status unknown = tags.setCadence(QStringLiteral("new"), 0.0);
    REQUIRE_FALSE(unknown.ok());
    CHECK(temp.number(tagCount) == 1);
    CHECK(require(tags.list()).at(0).cadenceDays == 14.0);
}

TEST_CASE("A cadence for a tag that does not exist is refused and creates nothing", "[tags][validation]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const Status none = tags.setCadence(QStringLiteral("typo"), 5.0);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().kind == ErrorKind::NotFound);
    CHECK(none.error().message == QStringLiteral("no tag 'typo'; there are no tags yet"));

    require(tags.ensure(QStringLiteral("press")));
    require(tags.ensure(QStringLiteral("Family")));
    for (const std::optional<double> days : {std::optional<double>(5.0), std::optional<double>()}) {
        const Status unknown = tags.setCadence(QStringLiteral("typo"), days);
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().kind == ErrorKind::NotFound);
        CHECK(unknown.error().message == QStringLiteral("no tag 'typo'; tags: Family, press"));
    }
    CHECK(temp.number(tagCount) == 2);

    for (int i = 0; i < 30; ++i)
        require(tags.ensure(QStringLiteral("tag%1").arg(i, 2, 10, QLatin1Char('0'))));
    const Status many = tags.setCadence(QStringLiteral("typo"), 5.0);
    REQUIRE_FALSE(many.ok());
    CHECK(many.error().message.endsWith(QStringLiteral(", tag17, … (12 more)")));
    CHECK(temp.number(tagCount) == 32);
}

TEST_CASE("A contact's tags are read sorted case-insensitively", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana =
        addContact(temp.db(), QStringLiteral("Ana"),
                   {QStringLiteral("speakers"), QStringLiteral("Board"), QStringLiteral("alumni")});
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"));
    CHECK(require(tags.tagsOf(ana)) ==
          QStringList{QStringLiteral("alumni"), QStringLiteral("Board"), QStringLiteral("speakers")});
    CHECK(require(tags.tagsOf(sam)).isEmpty());
    CHECK(require(tags.tagsOf(sam + 100)).isEmpty());
}

TEST_CASE("Setting a contact's tags replaces them, merging names that differ only in case", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana =
        addContact(temp.db(), QStringLiteral("Ana"), {QStringLiteral("press"), QStringLiteral("board")});
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"), {QStringLiteral("press")});

    requireOk(
        tags.setTagsOf(ana, {QStringLiteral("Donors"), QStringLiteral("donors"), QStringLiteral(" PRESS ")}));
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("Donors"), QStringLiteral("press")});
    CHECK(require(tags.tagsOf(sam)) == QStringList{QStringLiteral("press")});
    CHECK(temp.number(tagCount) == 3); // board stays as a tag even though nobody carries it
    CHECK(temp.number(linkCount) == 3);

    requireOk(tags.setTagsOf(ana, {}));
    CHECK(require(tags.tagsOf(ana)).isEmpty());
    CHECK(temp.number(linkCount) == 1);
}

TEST_CASE("Setting tags with an invalid name keeps the contact's previous tags", "[tags][validation]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"), {QStringLiteral("press")});
    const qint64 tagsBefore = temp.number(tagCount);

    const Status set = tags.setTagsOf(ana, {QStringLiteral("donors"), QStringLiteral("a,b")});
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().kind == ErrorKind::BadInput);
    CHECK(set.error().message.startsWith(QStringLiteral("tag 'a,b'")));
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("press")});
    CHECK(temp.number(tagCount) == tagsBefore);
    CHECK(temp.db().transactionDepth() == 0);
}

TEST_CASE("Adding a tag to a contact is idempotent and creates the tag when needed", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana = addContact(temp.db(), QStringLiteral("Ana"));

    requireOk(tags.addTag(ana, QStringLiteral("mentors")));
    requireOk(tags.addTag(ana, QStringLiteral("Mentors")));
    requireOk(tags.addTag(ana, QStringLiteral("press")));
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("mentors"), QStringLiteral("press")});
    CHECK(temp.number(linkCount) == 2);

    const Status invalid = tags.addTag(ana, QStringLiteral(" "));
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().kind == ErrorKind::BadInput);
    CHECK(temp.number(linkCount) == 2);
}

TEST_CASE("Adding a tag to a contact that does not exist is refused", "[tags][validation]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const Status added = tags.addTag(404, QStringLiteral("press"));
    REQUIRE_FALSE(added.ok());
    CHECK(temp.number(linkCount) == 0);
}

TEST_CASE("Removing a tag from a contact leaves the tag and other contacts alone", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana =
        addContact(temp.db(), QStringLiteral("Ana"), {QStringLiteral("press"), QStringLiteral("board")});
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"), {QStringLiteral("press")});

    requireOk(tags.removeTag(ana, QStringLiteral(" PRESS")));
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("board")});
    CHECK(require(tags.tagsOf(sam)) == QStringList{QStringLiteral("press")});
    CHECK(temp.number(tagCount) == 2);

    // Removing a tag the contact does not carry, or that does not exist, changes nothing.
    requireOk(tags.removeTag(ana, QStringLiteral("press")));
    requireOk(tags.removeTag(ana, QStringLiteral("unknown")));
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("board")});
}

TEST_CASE("Deleting a tag removes it from every contact", "[tags]")
{
    TempDatabase temp;
    TagRepository tags(temp.db());
    const qint64 ana =
        addContact(temp.db(), QStringLiteral("Ana"), {QStringLiteral("press"), QStringLiteral("board")});
    const qint64 sam = addContact(temp.db(), QStringLiteral("Sam"), {QStringLiteral("press")});
    const qint64 press = require(tags.ensure(QStringLiteral("press")));

    requireOk(tags.remove(press));
    CHECK(tagNames(require(tags.list())) == QStringList{QStringLiteral("board")});
    CHECK(require(tags.tagsOf(ana)) == QStringList{QStringLiteral("board")});
    CHECK(require(tags.tagsOf(sam)).isEmpty());
    CHECK(require(ContactRepository(temp.db()).count()) == 2);
}
