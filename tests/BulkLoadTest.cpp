// SPDX-License-Identifier: GPL-3.0-or-later
// BulkLoad: inserts without the search triggers, then indexes exactly what was added.
#include "core/storage/BulkLoad.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/SearchIndex.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 triggers(TempDatabase& database)
{
    return database.number(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"));
}

void addContact(Database& db, const QString& name, const QString& email)
{
    Contact contact;
    contact.displayName = name;
    contact.methods << ContactMethod{0, MethodKind::Email, email, {}};
    require(ContactRepository(db).create(contact));
}

} // namespace

TEST_CASE("After a bulk load the search indexes hold the new rows and check out", "[storage][bulk]")
{
    TempDatabase database;
    Database& db = database.db();
    addContact(db, QStringLiteral("Ada Lovelace"), QStringLiteral("ada@example.org"));
    requireOk(db.execute(
        QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel, direction,"
                       " summary, created_at) VALUES (1, 100, 'email', 'inbound', 'early bird', 1)")));
    const qint64 allTriggers = triggers(database);
    const qint64 cacheBefore = database.number(QStringLiteral("PRAGMA cache_size"));

    Transaction transaction(db);
    BulkLoad bulk(db, BulkLoad::AllTables);
    requireOk(bulk.suspend(true));
    // Four search triggers and the activity rollup's insert trigger.
    CHECK(triggers(database) == allTriggers - 9);
    CHECK(database.number(
              QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'interactions_time'")) == 0);
    addContact(db, QStringLiteral("Grace Hopper"), QStringLiteral("grace@navy.example"));
    requireOk(db.execute(QStringLiteral("INSERT INTO contact_methods (contact_id, kind, value, normalized)"
                                        " VALUES (1, 'forum', 'countess', 'countess')")));
    requireOk(db.execute(
        QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel, direction,"
                       " summary, created_at) VALUES (2, 200, 'call', 'outbound', 'compilers', 2)")));
    requireOk(db.execute(QStringLiteral("INSERT INTO trust_notes (contact_id, created_at, kind, text)"
                                        " VALUES (2, 300, 'context', 'nanoseconds')")));
    requireOk(bulk.restore());
    requireOk(transaction.commit());

    CHECK(triggers(database) == allTriggers);
    CHECK(database.number(QStringLiteral("PRAGMA cache_size")) == cacheBefore);
    SearchIndex search(db);
    requireOk(search.verify());
    CHECK(require(search.findContacts(QStringLiteral("grace"))) == QList<qint64>{2});
    CHECK(require(search.findContacts(QStringLiteral("countess"))) == QList<qint64>{1});
    CHECK(require(search.findInteractions(QStringLiteral("compilers"))).size() == 1);
    CHECK(require(search.findInteractions(QStringLiteral("early"))).size() == 1);
    CHECK(require(search.findNotes(QStringLiteral("nanoseconds"))).size() == 1);
    CHECK(database.number(QStringLiteral("SELECT sum(n) FROM activity_weeks WHERE tag_id = 0")) ==
          database.number(QStringLiteral("SELECT count(*) FROM interactions")));
}

TEST_CASE("A bulk load that rolls back leaves the schema and the cache as they were", "[storage][bulk]")
{
    TempDatabase database;
    Database& db = database.db();
    const qint64 allTriggers = triggers(database);
    const qint64 cacheBefore = database.number(QStringLiteral("PRAGMA cache_size"));
    {
        Transaction transaction(db);
        BulkLoad bulk(db, BulkLoad::Interactions);
        requireOk(bulk.suspend());
        CHECK(triggers(database) == allTriggers - 3);
    }
    CHECK(triggers(database) == allTriggers);
    CHECK(database.number(QStringLiteral("PRAGMA cache_size")) == cacheBefore);
    requireOk(SearchIndex(db).verify());
}
