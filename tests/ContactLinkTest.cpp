// SPDX-License-Identifier: GPL-3.0-or-later
// Introductions and "knows" links between contacts: the rules of the table and the repository, and how
// the links go through merges and their undo, deletes and their undo, forgetting, the person export and
// the change history.
#include "core/demo/DemoGenerator.h"
#include "core/services/ContactMerge.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/TagRepository.h"
#include "tests/support/ScoringFixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 person(Database& db, const QString& name)
{
    Contact contact;
    contact.displayName = name;
    return require(ContactRepository(db).create(contact));
}

QStringList names(const QList<LinkedContact>& people)
{
    QStringList list;
    for (const LinkedContact& linked : people)
        list << linked.name;
    return list;
}

// The link entries of a contact's history as the history describes them, oldest first.
QStringList linkHistory(Database& db, qint64 contactId)
{
    QStringList lines;
    for (const ContactChange& change : require(ContactChangeLog(db).listForContact(contactId))) {
        if (change.field == QLatin1String(changed::introducedBy) ||
            change.field == QLatin1String(changed::introduced) ||
            change.field == QLatin1String(changed::knows))
            lines.prepend(describeContactChange(change));
    }
    return lines;
}

} // namespace

TEST_CASE("A version 10 file upgrades to contact links, keeping its contacts", "[links][migrations]")
{
    // The version before the links: renumbering this migration changes only this constant.
    constexpr int versionBefore = 10;
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("before-links.sqlite3"));
    QByteArray schema = schemaUpTo(versionBefore);
    schema += "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', 0, 0), "
              "(2, 'Grace', 0, 0), (3, 'Linus', 0, 0);"
              "INSERT INTO contact_uids (uid, contact_id) VALUES ('urn:uuid:ada', 1);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contacts"))).toInt() == 3);
    CHECK(require(db->scalar(QStringLiteral("SELECT contact_id FROM contact_uids"))).toInt() == 1);
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contact_links"))).toInt() == 0);

    const auto link = [&](const char* values) {
        return db
            ->execute(QStringLiteral("INSERT INTO contact_links (contact_id, other_id, kind, created_at) "
                                     "VALUES %1")
                          .arg(QLatin1String(values)))
            .ok();
    };
    CHECK(link("(1, 2, 'introduced_by', 0)"));
    CHECK_FALSE(link("(1, 3, 'introduced_by', 0)")); // one introducer
    CHECK(link("(3, 2, 'introduced_by', 0)"));       // an introducer of several
    CHECK_FALSE(link("(2, 2, 'introduced_by', 0)")); // nobody introduces themselves
    CHECK(link("(1, 3, 'knows', 0)"));
    CHECK_FALSE(link("(1, 3, 'knows', 0)")); // once
    CHECK_FALSE(link("(3, 1, 'knows', 0)")); // in canonical order only
    CHECK_FALSE(link("(1, 4, 'knows', 0)")); // contacts that exist
    CHECK_FALSE(link("(1, 2, 'met', 0)"));

    // Either end going takes the link with it.
    requireOk(db->execute(QStringLiteral("DELETE FROM contacts WHERE id = 2")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contact_links"))).toInt() == 1);
    requireOk(db->execute(QStringLiteral("DELETE FROM contacts WHERE id = 3")));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contact_links"))).toInt() == 0);
}

TEST_CASE("Introductions: one introducer each, replaced only when asked, never oneself", "[links]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    ContactLinkRepository links(db);
    const qint64 ada = person(db, QStringLiteral("Ada"));
    const qint64 grace = person(db, QStringLiteral("Grace"));
    const qint64 linus = person(db, QStringLiteral("Linus"));

    CHECK(require(links.setIntroducer(ada, grace, {QStringLiteral("at PyCon"), testNow}, false)) ==
          std::nullopt);
    const Error second = links.setIntroducer(ada, linus, {}, false).error();
    CHECK(second.kind == ErrorKind::Usage);
    CHECK(second.message == QStringLiteral("#%1 (Ada) was already introduced by #%2 (Grace) (replace it to "
                                           "change it)")
                                .arg(ada)
                                .arg(grace));
    CHECK(links.setIntroducer(ada, ada, {}, true).error().kind == ErrorKind::Usage);
    CHECK(links.setIntroducer(grace, ada, {}, true).error().message.contains(u"was introduced by"));
    CHECK(links.setIntroducer(ada, 999, {}, true).error().kind == ErrorKind::NotFound);

    // The same introducer again takes the new details; another replaces the first when asked.
    const std::optional<ContactLink> same = require(links.setIntroducer(ada, grace, {}, false));
    REQUIRE(same);
    CHECK(same->details.note == QStringLiteral("at PyCon"));
    CHECK(require(links.introducerOf(ada))->details.note.isEmpty());
    const std::optional<ContactLink> replaced =
        require(links.setIntroducer(ada, linus, {QStringLiteral("mailing list"), {}}, true));
    REQUIRE(replaced);
    CHECK(replaced->otherId == grace);

    PersonLinks adaLinks = require(links.linksOf(ada));
    REQUIRE(adaLinks.introducedBy);
    CHECK(adaLinks.introducedBy->name == QStringLiteral("Linus"));
    CHECK(adaLinks.introducedBy->link.details.note == QStringLiteral("mailing list"));
    CHECK(names(require(links.linksOf(linus)).introduced) == QStringList{QStringLiteral("Ada")});
    CHECK(require(links.linksOf(grace)).isEmpty());

    CHECK(require(links.removeIntroducer(ada))->otherId == linus);
    CHECK(require(links.removeIntroducer(ada)) == std::nullopt);
    CHECK(require(links.linksOf(ada)).isEmpty());

    // Both people's histories tell it, naming the other by id and name.
    const QString adaText = QStringLiteral("#%1 (Ada)").arg(ada);
    const QString graceText = QStringLiteral("#%1 (Grace)").arg(grace);
    const QString linusText = QStringLiteral("#%1 (Linus)").arg(linus);
    CHECK(linkHistory(db, ada) ==
          QStringList{QStringLiteral("Introduced by %1").arg(graceText),
                      QStringLiteral("Introduced by: %1 → %2").arg(graceText, linusText),
                      QStringLiteral("Introducer removed (was %1)").arg(linusText)});
    CHECK(linkHistory(db, grace) == QStringList{QStringLiteral("Introduced %1").arg(adaText),
                                                QStringLiteral("Introduction of %1 removed").arg(adaText)});
    CHECK(linkHistory(db, linus) == QStringList{QStringLiteral("Introduced %1").arg(adaText),
                                                QStringLiteral("Introduction of %1 removed").arg(adaText)});
}

TEST_CASE("Knows links are symmetric, kept once, and shown from both sides", "[links]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    ContactLinkRepository links(db);
    const qint64 ada = person(db, QStringLiteral("Ada"));
    const qint64 grace = person(db, QStringLiteral("Grace"));

    CHECK(require(links.addKnows(grace, ada, {QStringLiteral("worked together"), {}})) == std::nullopt);
    CHECK(require(links.addKnows(ada, grace, {QStringLiteral("old friends"), {}}))->details.note ==
          QStringLiteral("worked together"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_links")) == 1);
    CHECK(links.addKnows(ada, ada, {}).error().kind == ErrorKind::Usage);
    CHECK(links.addKnows(ada, 999, {}).error().kind == ErrorKind::NotFound);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_changes WHERE field = 'knows'")) == 2);

    const PersonLinks fromAda = require(links.linksOf(ada));
    const PersonLinks fromGrace = require(links.linksOf(grace));
    CHECK(names(fromAda.knows) == QStringList{QStringLiteral("Grace")});
    CHECK(names(fromGrace.knows) == QStringList{QStringLiteral("Ada")});
    CHECK(fromGrace.knows.constFirst().link.details.note == QStringLiteral("old friends"));

    CHECK(require(links.removeKnows(grace, ada)));
    CHECK(require(links.removeKnows(grace, ada)) == std::nullopt);
    CHECK(linkHistory(db, ada) == QStringList{QStringLiteral("Knows #%1 (Grace)").arg(grace),
                                              QStringLiteral("No longer knows #%1 (Grace)").arg(grace)});
}

TEST_CASE("Connectors are the people who introduced the most, within an owner or a tag", "[links]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    ContactLinkRepository links(db);
    const qint64 ada = person(db, QStringLiteral("Ada"));
    const qint64 grace = person(db, QStringLiteral("Grace"));
    QList<qint64> introduced;
    for (int i = 0; i < 4; ++i)
        introduced << person(db, QStringLiteral("Newcomer %1").arg(i));
    for (int i = 0; i < 3; ++i)
        require(links.setIntroducer(introduced.at(i), ada, {}, false));
    require(links.setIntroducer(introduced.at(3), grace, {}, false));
    require(links.setIntroducer(grace, ada, {}, false));
    requireOk(TagRepository(db).addTag(introduced.at(3), QStringLiteral("rust")));
    requireOk(TagRepository(db).addTag(introduced.at(0), QStringLiteral("rust")));
    requireOk(ContactRepository(db).setArchived(introduced.at(1), true));

    const QList<Connector> all = require(links.topConnectors({}, {}, 10));
    REQUIRE(all.size() == 2);
    CHECK(all.at(0).name == QStringLiteral("Ada"));
    CHECK(all.at(0).introduced == 3); // two newcomers still active, and Grace
    CHECK(all.at(1).name == QStringLiteral("Grace"));
    CHECK(all.at(1).introduced == 1);
    CHECK(require(links.topConnectors({}, {}, 1)).size() == 1);

    const qint64 rust = require(TagRepository(db).byName(QStringLiteral("rust"))).id;
    const QList<Connector> inRust = require(links.topConnectors({}, rust, 10));
    REQUIRE(inRust.size() == 2);
    CHECK(inRust.at(0).introduced == 1);
    CHECK(inRust.at(1).introduced == 1);
    CHECK(require(links.topConnectors(qint64(0), {}, 10)).size() == 2); // nobody owns any of them
    CHECK(require(links.topConnectors(qint64(42), {}, 10)).isEmpty());
}

TEST_CASE("Merging moves links to the kept contact without self links or duplicates, undo puts them back",
          "[links][merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    ContactLinkRepository links(db);
    const qint64 kept = person(db, QStringLiteral("Ada Lovelace"));
    const qint64 other = person(db, QStringLiteral("A. Lovelace"));
    const qint64 grace = person(db, QStringLiteral("Grace"));
    const qint64 linus = person(db, QStringLiteral("Linus"));
    const qint64 margaret = person(db, QStringLiteral("Margaret"));
    require(links.setIntroducer(kept, grace, {}, false));
    require(links.setIntroducer(other, linus, {}, false)); // the kept one's introducer stays
    require(links.setIntroducer(margaret, other, {QStringLiteral("via the other record"), {}}, false));
    require(links.addKnows(kept, other, {})); // would become a self link
    require(links.addKnows(kept, linus, {})); // the two records know Linus: once after the merge
    require(links.addKnows(other, linus, {}));
    require(links.addKnows(other, grace, {}));

    const QList<ContactSnapshot> before = require(ContactMerge(db, fixture.engine()).merge(kept, {other}));
    const PersonLinks merged = require(links.linksOf(kept));
    REQUIRE(merged.introducedBy);
    CHECK(merged.introducedBy->contactId == grace);
    CHECK(names(merged.introduced) == QStringList{QStringLiteral("Margaret")});
    CHECK(merged.introduced.constFirst().link.details.note == QStringLiteral("via the other record"));
    CHECK(names(merged.knows) == QStringList{QStringLiteral("Grace"), QStringLiteral("Linus")});
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM contact_links")) == 4);

    requireOk(ContactMerge(db, fixture.engine()).unmerge(before));
    CHECK(require(links.introducerOf(kept))->otherId == grace);
    CHECK(require(links.introducerOf(other))->otherId == linus);
    CHECK(require(links.introducerOf(margaret))->otherId == other);
    CHECK(names(require(links.linksOf(kept)).knows) ==
          QStringList{QStringLiteral("A. Lovelace"), QStringLiteral("Linus")});
    CHECK(names(require(links.linksOf(other)).knows) ==
          QStringList{QStringLiteral("Ada Lovelace"), QStringLiteral("Grace"), QStringLiteral("Linus")});
}

TEST_CASE("Deleting a contact takes its links, undoing the delete brings them back", "[links]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    ContactLinkRepository links(db);
    ContactRepository contacts(db);
    const qint64 ada = person(db, QStringLiteral("Ada"));
    const qint64 grace = person(db, QStringLiteral("Grace"));
    require(links.setIntroducer(ada, grace, {QStringLiteral("conference"), testNow - daySeconds}, false));
    require(links.addKnows(ada, grace, {}));

    const ContactSnapshot snapshot = require(contacts.snapshot(grace));
    CHECK(snapshot.links.size() == 2);
    requireOk(contacts.remove(grace));
    CHECK(require(links.linksOf(ada)).isEmpty());
    requireOk(contacts.restore(snapshot));
    const PersonLinks back = require(links.linksOf(ada));
    REQUIRE(back.introducedBy);
    CHECK(back.introducedBy->link.details.note == QStringLiteral("conference"));
    CHECK(back.introducedBy->link.details.occurredAt == testNow - daySeconds);
    CHECK(names(back.knows) == QStringList{QStringLiteral("Grace")});
}

TEST_CASE("The person export lists the links, forgetting a person removes them and what names them",
          "[links][forget]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    ContactLinkRepository links(db);
    const qint64 ada = person(db, QStringLiteral("Ada"));
    const qint64 zebulon = person(db, QStringLiteral("Zebulon Quixotic"));
    const qint64 grace = person(db, QStringLiteral("Grace"));
    require(links.setIntroducer(ada, zebulon, {QStringLiteral("a dinner"), testNow}, false));
    require(links.setIntroducer(zebulon, grace, {}, false));
    require(links.addKnows(ada, grace, {}));

    const QJsonObject document = require(personDocument(db, fixture.engine(), zebulon, testNow));
    const QJsonObject exported = document.value(QStringLiteral("links")).toObject();
    CHECK(
        exported.value(QStringLiteral("introduced_by")).toObject().value(QStringLiteral("id")).toInteger() ==
        grace);
    const QJsonArray introduced = exported.value(QStringLiteral("introduced")).toArray();
    REQUIRE(introduced.size() == 1);
    CHECK(introduced.at(0).toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Ada"));
    CHECK(introduced.at(0).toObject().value(QStringLiteral("note")).toString() == QStringLiteral("a dinner"));
    CHECK(introduced.at(0).toObject().value(QStringLiteral("date")).toString() ==
          QStringLiteral("2026-06-01T00:00:00Z"));
    CHECK(exported.value(QStringLiteral("knows")).toArray().isEmpty());

    require(PersonEraser(db).forget(zebulon));
    CHECK(fixture.database().number(QStringLiteral("SELECT count(*) FROM contact_links")) == 1);
    CHECK(linkHistory(db, ada) == QStringList{QStringLiteral("Knows #%1 (Grace)").arg(grace)});
    CHECK(fixture.database().number(
              QStringLiteral("SELECT count(*) FROM contact_changes WHERE old_value LIKE '%Zebulon%' "
                             "OR new_value LIKE '%Zebulon%'")) == 0);
}

TEST_CASE("The demo community has connectors who introduced 10 to 30 people, and people who know each other",
          "[links][demo]")
{
    PinnedClock clock;
    TempDatabase temp;
    DemoOptions options;
    options.contacts = 600;
    options.interactions = 2000;
    options.endSeconds = testNow;
    require(DemoGenerator(temp.db(), options).generate());
    const QList<Connector> connectors = require(ContactLinkRepository(temp.db()).topConnectors({}, {}, 20));
    REQUIRE(connectors.size() >= 10);
    // Archived newcomers do not count, so the top connector may show fewer than it introduced.
    CHECK(connectors.constFirst().introduced >= 8);
    CHECK(connectors.constFirst().introduced <= 30);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_links WHERE kind = 'knows'")) > 100);
    CHECK(temp.number(QStringLiteral("SELECT max(n) FROM (SELECT count(*) AS n FROM contact_links "
                                     "WHERE kind = 'introduced_by' GROUP BY other_id)")) >= 10);
}
