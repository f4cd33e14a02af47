// SPDX-License-Identifier: GPL-3.0-or-later
// A contact's change history: every write of its fields, methods, tags, owner and cadence records who,
// when, what from what to what, and in the course of what — an edit, an import, a merge, a bulk edit,
// an undo — in the write's own transaction, through the repositories every caller uses.
#include "core/import/CsvImporter.h"
#include "core/services/ContactBulkEdit.h"
#include "core/services/ContactMerge.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/ScoringFixture.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

// One entry as "field: old -> new [source]", oldest first, so a test reads like the history it expects.
QStringList history(Database& db, qint64 contactId)
{
    QStringList lines;
    for (const ContactChange& change : require(ContactChangeLog(db).listForContact(contactId)))
        lines.prepend(
            QStringLiteral("%1: %2 -> %3 [%4]")
                .arg(change.field, change.oldValue, change.newValue, changeSourceName(change.source)));
    return lines;
}

Contact ada()
{
    Contact contact;
    contact.displayName = QStringLiteral("Ada Lovelace");
    contact.organization = QStringLiteral("Analytical Engines");
    contact.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    contact.tags << QStringLiteral("press");
    return contact;
}

ImportReport importContacts(Database& db, const QString& folder, const QByteArray& csv)
{
    ImportOptions options;
    options.target = ImportTarget::Contacts;
    return require(
        CsvImporter(db, writeFile(folder, QStringLiteral("contacts.csv"), csv), options).run(false));
}

} // namespace

TEST_CASE("A version 8 file upgrades to an empty change history, keeping its contacts",
          "[history][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v8.sqlite3"));
    QByteArray schema = schemaUpTo(8);
    schema += "INSERT INTO team_members (id, name, created_at) VALUES (1, 'Sam', 0);"
              "INSERT INTO contacts (id, display_name, organization, owner_id, created_at, updated_at)"
              " VALUES (1, 'Ada', 'Engines', 1, 0, 0);"
              "INSERT INTO contact_methods (contact_id, kind, value, normalized) VALUES"
              " (1, 'email', 'ada@example.org', 'ada@example.org');";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    const Contact kept = require(ContactRepository(*db).get(1));
    CHECK(kept.organization == QStringLiteral("Engines"));
    CHECK(kept.ownerId == std::optional<qint64>(1));
    CHECK(kept.methods.size() == 1);
    CHECK(history(*db, 1).isEmpty());

    // The upgraded file records from now on, and its history goes with its contact and outlives its author.
    db->setChangeAttribution({1, ChangeSource::Edit});
    Contact edited = kept;
    edited.title = QStringLiteral("Countess");
    requireOk(ContactRepository(*db).update(edited));
    CHECK(history(*db, 1) == QStringList{QStringLiteral("title:  -> Countess [edit]")});
    requireOk(TeamMemberRepository(*db).remove(1));
    CHECK(require(ContactChangeLog(*db).listForContact(1)).constFirst().authorId == std::nullopt);
    requireOk(ContactRepository(*db).remove(1));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contact_changes"))).toInt() == 0);
}

TEST_CASE("Creating a contact is one entry, editing it records each changed field with old and new values",
          "[history]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    const qint64 sam = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam")));
    db.setChangeAttribution({sam, ChangeSource::Edit});
    ContactRepository contacts(db);
    const qint64 id = require(contacts.create(ada()));
    CHECK(history(db, id) == QStringList{QStringLiteral("contact:  -> Ada Lovelace [edit]")});

    Contact edited = require(contacts.get(id));
    edited.organization = QStringLiteral("  Royal Society ");
    edited.title = QStringLiteral("Countess");
    edited.cadenceDays = 14;
    requireOk(contacts.update(edited));
    // Nothing changed, nothing recorded: the same contact written again.
    requireOk(contacts.update(require(contacts.get(id))));

    CHECK(history(db, id) ==
          QStringList{QStringLiteral("contact:  -> Ada Lovelace [edit]"),
                      QStringLiteral("organization: Analytical Engines -> Royal Society [edit]"),
                      QStringLiteral("title:  -> Countess [edit]"),
                      QStringLiteral("cadence_days:  -> 14 [edit]")});
    const QList<ContactChange> changes = require(ContactChangeLog(db).listForContact(id));
    REQUIRE(changes.size() == 4);
    CHECK(changes.constFirst().authorName == QStringLiteral("Sam"));
    CHECK(changes.constFirst().authorId == std::optional<qint64>(sam));
    CHECK(changes.constFirst().changedAt == testNow);
    CHECK(describeContactChange(changes.at(1)) == QStringLiteral("Title set to Countess"));
    CHECK(describeContactChange(changes.at(2)) ==
          QStringLiteral("Organization: Analytical Engines → Royal Society"));
}

TEST_CASE("Methods and tags added, changed and removed are recorded one by one", "[history]")
{
    TempDatabase temp;
    Database& db = temp.db();
    ContactRepository contacts(db);
    const qint64 id = require(contacts.create(ada()));

    Contact edited = require(contacts.get(id));
    edited.methods.clear();
    edited.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ADA@example.org"),
                                    QStringLiteral("work")}
                   << ContactMethod{0, MethodKind::GitHub, QStringLiteral("ada"), {}};
    edited.tags = {QStringLiteral("Maintainers")};
    requireOk(contacts.update(edited));
    CHECK(history(db, id).mid(1) ==
          QStringList{QStringLiteral("email: ada@example.org -> ADA@example.org (work) [edit]"),
                      QStringLiteral("github:  -> ada [edit]"), QStringLiteral("tag: press ->  [edit]"),
                      QStringLiteral("tag:  -> Maintainers [edit]")});

    edited = require(contacts.get(id));
    edited.methods.removeIf([](const ContactMethod& method) { return method.kind == MethodKind::GitHub; });
    requireOk(contacts.update(edited));
    CHECK(history(db, id).constLast() == QStringLiteral("github: ada ->  [edit]"));

    // One tag at a time, as the contacts page's bulk tagging and the tag commands do.
    TagRepository tags(db);
    requireOk(tags.addTag(id, QStringLiteral("donors")));
    requireOk(tags.addTag(id, QStringLiteral("Donors"))); // already there: no entry
    requireOk(tags.removeTag(id, QStringLiteral("maintainers")));
    requireOk(tags.removeTag(id, QStringLiteral("unknown"))); // never there: no entry
    CHECK(history(db, id).mid(6) == QStringList{QStringLiteral("tag:  -> donors [edit]"),
                                                QStringLiteral("tag: maintainers ->  [edit]")});
}

TEST_CASE("Owner, cadence and archiving are recorded by name and value", "[history]")
{
    TempDatabase temp;
    Database& db = temp.db();
    TeamMemberRepository team(db);
    const qint64 sam = require(team.ensure(QStringLiteral("Sam")));
    const qint64 kim = require(team.ensure(QStringLiteral("Kim")));
    ContactRepository contacts(db);
    const qint64 id = require(contacts.create(ada()));

    requireOk(contacts.setOwner(id, sam));
    requireOk(contacts.setOwner(id, sam)); // the same owner again: no entry
    Contact edited = require(contacts.get(id));
    edited.ownerId = kim;
    edited.cadenceDays = 7.5;
    requireOk(contacts.update(edited));
    edited.cadenceDays.reset();
    requireOk(contacts.update(edited));
    requireOk(contacts.setOwner(id, std::nullopt));
    requireOk(contacts.setArchived(id, true));
    requireOk(contacts.setArchived(id, true));

    CHECK(history(db, id).mid(1) ==
          QStringList{QStringLiteral("owner:  -> Sam [edit]"), QStringLiteral("cadence_days:  -> 7.5 [edit]"),
                      QStringLiteral("owner: Sam -> Kim [edit]"),
                      QStringLiteral("cadence_days: 7.5 ->  [edit]"), QStringLiteral("owner: Kim ->  [edit]"),
                      QStringLiteral("archived: false -> true [edit]")});
    const QList<ContactChange> changes = require(ContactChangeLog(db).listForContact(id));
    CHECK(describeContactChange(changes.at(0)) == QStringLiteral("Archived"));
    CHECK(describeContactChange(changes.at(1)) == QStringLiteral("Owner cleared (was Kim)"));
    CHECK(describeContactChange(changes.at(2)) == QStringLiteral("Cadence cleared (was every 7.5 days)"));
}

TEST_CASE("A refused write records nothing", "[history]")
{
    TempDatabase temp;
    Database& db = temp.db();
    ContactRepository contacts(db);
    const qint64 id = require(contacts.create(ada()));
    Contact other;
    other.displayName = QStringLiteral("Grace");
    other.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("grace@example.org"), {}};
    const qint64 grace = require(contacts.create(other));

    Contact taking = require(contacts.get(grace));
    taking.organization = QStringLiteral("Navy");
    taking.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    CHECK_FALSE(contacts.update(taking).ok());
    CHECK_FALSE(contacts.setOwner(id, 404).ok());
    CHECK(history(db, grace) == QStringList{QStringLiteral("contact:  -> Grace [edit]")});
    CHECK(history(db, id).size() == 1);
}

TEST_CASE("An import records one entry per created contact and each field it changes on a match",
          "[history][import]")
{
    TempDatabase temp;
    Database& db = temp.db();
    db.setChangeAttribution({std::nullopt, ChangeSource::CommandLine});
    const qint64 existing = require(ContactRepository(db).create(ada()));

    const ImportReport report = importContacts(db, temp.folder(),
                                               "display_name,emails,organization,tags,cadence_days\n"
                                               "Ada Lovelace,ada@example.org,Royal Society,donors,30\n"
                                               "Grace Hopper,grace@example.org,Navy,press,\n");
    REQUIRE(report.errors.isEmpty());
    CHECK(history(db, existing) ==
          QStringList{QStringLiteral("contact:  -> Ada Lovelace [command_line]"),
                      QStringLiteral("organization: Analytical Engines -> Royal Society [import]"),
                      QStringLiteral("cadence_days:  -> 30 [import]"),
                      QStringLiteral("tag:  -> donors [import]")});
    const qint64 grace = require(ContactRepository(db).resolve(QStringLiteral("grace@example.org")));
    CHECK(history(db, grace) == QStringList{QStringLiteral("contact:  -> Grace Hopper [import]")});
    CHECK(describeContactChange(require(ContactChangeLog(db).listForContact(grace)).constFirst()) ==
          QStringLiteral("Imported as Grace Hopper"));
    // The import's own source does not outlive it.
    CHECK(db.changeAttribution().source == ChangeSource::CommandLine);

    // Importing the same file again changes nothing and records nothing.
    importContacts(db, temp.folder(),
                   "display_name,emails,organization,tags,cadence_days\n"
                   "Ada Lovelace,ada@example.org,Royal Society,donors,30\n");
    CHECK(history(db, existing).size() == 4);
}

TEST_CASE("A merge records what the kept contact gained and whom it was merged from, undoing it records that",
          "[history][merge]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    ContactRepository contacts(db);
    const qint64 keep = require(contacts.create(ada()));
    Contact other;
    other.displayName = QStringLiteral("A. Lovelace");
    other.title = QStringLiteral("Countess");
    other.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("countess@example.org"), {}};
    other.tags << QStringLiteral("donors");
    const qint64 merged = require(contacts.create(other));
    Contact renamed = require(contacts.get(merged));
    renamed.organization = QStringLiteral("Engines");
    requireOk(contacts.update(renamed));

    const QList<ContactSnapshot> before = require(ContactMerge(db, fixture.engine()).merge(keep, {merged}));
    const QString from = QStringLiteral("#%1 (A. Lovelace)").arg(merged);
    // The merged-away contact's own history moves to the kept one, as its log does.
    CHECK(history(db, keep) == QStringList{QStringLiteral("contact:  -> Ada Lovelace [edit]"),
                                           QStringLiteral("contact:  -> A. Lovelace [edit]"),
                                           QStringLiteral("organization:  -> Engines [edit]"),
                                           QStringLiteral("merged_from:  -> %1 [merge]").arg(from),
                                           QStringLiteral("title:  -> Countess [merge]"),
                                           QStringLiteral("email:  -> countess@example.org [merge]"),
                                           QStringLiteral("tag:  -> donors [merge]")});
    CHECK(describeContactChange(require(ContactChangeLog(db).listForContact(keep)).at(3)) ==
          QStringLiteral("Merged from %1").arg(from));

    requireOk(ContactMerge(db, fixture.engine()).unmerge(before));
    const QStringList kept = history(db, keep);
    CHECK(kept.mid(0, 1) == QStringList{QStringLiteral("contact:  -> Ada Lovelace [edit]")});
    CHECK(kept.contains(QStringLiteral("merged_from:  -> %1 [merge]").arg(from)));
    CHECK(kept.contains(QStringLiteral("title:  -> Countess [merge]")));
    CHECK(kept.constLast() == QStringLiteral("merged_from: %1 ->  [undo]").arg(from));
    CHECK_FALSE(kept.contains(QStringLiteral("organization:  -> Engines [edit]")));
    CHECK(history(db, merged) == QStringList{QStringLiteral("contact:  -> A. Lovelace [edit]"),
                                             QStringLiteral("organization:  -> Engines [edit]"),
                                             QStringLiteral("contact:  -> A. Lovelace [undo]")});
}

TEST_CASE("Bulk edits record each contact's change as a bulk edit, and their undo as an undo",
          "[history][bulk]")
{
    ScoringFixture fixture;
    Database& db = fixture.database().db();
    const qint64 sam = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam")));
    const qint64 first = fixture.contactWithLog({}, QStringLiteral("Ada"));
    const qint64 second = fixture.contactWithLog({}, QStringLiteral("Grace"));
    ContactBulkEdit bulk(db, fixture.engine());

    const QList<qint64> tagged = require(bulk.addTag({first, second}, QStringLiteral("press")));
    const auto owners = require(bulk.assignOwner({first, second}, sam));
    require(bulk.setArchived({second}, true));
    for (const qint64 id : {first, second}) {
        const QStringList lines = history(db, id);
        CHECK(lines.contains(QStringLiteral("tag:  -> press [bulk_edit]")));
        CHECK(lines.contains(QStringLiteral("owner:  -> Sam [bulk_edit]")));
    }
    CHECK(history(db, second).constLast() == QStringLiteral("archived: false -> true [bulk_edit]"));

    {
        const ChangeSourceScope undoing(db, ChangeSource::Undo);
        requireOk(bulk.restoreOwners(owners));
        requireOk(bulk.removeTag(tagged, QStringLiteral("press")));
    }
    CHECK(db.changeAttribution().source == ChangeSource::Edit);
    CHECK(history(db, first).mid(3) ==
          QStringList{QStringLiteral("owner: Sam ->  [undo]"), QStringLiteral("tag: press ->  [undo]")});

    // A deleted contact's history goes with it and comes back with it when the delete is undone.
    const QStringList beforeDelete = history(db, second);
    const QList<ContactSnapshot> deleted = require(bulk.remove({second}));
    CHECK(
        require(db.scalar(
                    QStringLiteral("SELECT count(*) FROM contact_changes WHERE contact_id = %1").arg(second)))
            .toInt() == 0);
    {
        const ChangeSourceScope undoing(db, ChangeSource::Undo);
        requireOk(bulk.restore(deleted));
    }
    CHECK(history(db, second) == beforeDelete + QStringList{QStringLiteral("contact:  -> Grace [undo]")});
}
