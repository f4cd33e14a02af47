// SPDX-License-Identifier: GPL-3.0-or-later
// Introductions and "knows" links between contacts: the rules of the table and the repository, and how
// the links go through merges and their undo, deletes and their undo, forgetting, the person export and
// the change history.
#include "core/storage/Migrations.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

// The schema of every migration up to `version`, as a file of that version would have it.
QByteArray schemaUpTo(int version)
{
    QByteArray schema;
    for (const Migration& migration : migrations()) {
        if (migration.version > version)
            break;
        for (const QString& statement : migration.statements)
            schema += statement.toUtf8() + ";\n";
    }
    schema += "PRAGMA application_id = " + QByteArray::number(rapportApplicationId) +
              "; PRAGMA user_version = " + QByteArray::number(version) + ";\n";
    return schema;
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
