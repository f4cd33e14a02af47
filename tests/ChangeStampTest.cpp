// SPDX-License-Identifier: GPL-3.0-or-later
// Every Rapport write transaction raises the file's revision once, and this process remembers the
// revisions it committed, so that a watcher can tell its own commits from other programs'.
#include "core/storage/Migrations.h"
#include "core/storage/OwnCommits.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

Status addMember(Database& db, const QString& name)
{
    return db.execute(
        QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('%1', 0)").arg(name));
}

} // namespace

TEST_CASE("A write transaction raises the revision once, reads and empty writes do not",
          "[database][revision]")
{
    TempDatabase temp;
    Database& db = temp.db();
    const qint64 start = require(db.changeStamp()).revision;
    {
        Transaction transaction(db);
        requireOk(addMember(db, QStringLiteral("Kim")));
        requireOk(addMember(db, QStringLiteral("Lee")));
        requireOk(transaction.commit());
    }
    CHECK(require(db.changeStamp()).revision == start + 1);
    {
        Transaction nothingWritten(db);
        requireOk(nothingWritten.commit());
        Transaction snapshot(db, TransactionMode::Read);
        requireOk(snapshot.commit());
    }
    CHECK(require(db.changeStamp()).revision == start + 1);
    {
        Transaction rolledBack(db);
        requireOk(addMember(db, QStringLiteral("Max")));
    }
    CHECK(require(db.changeStamp()).revision == start + 1);
}

TEST_CASE("Own commits are told apart from another connection's by revision", "[database][revision]")
{
    TempDatabase temp;
    Database& watcher = temp.db();
    const Database::ChangeStamp seen = require(watcher.changeStamp());
    std::unique_ptr<Database> worker = require(Database::open(temp.path()));
    {
        Transaction transaction(*worker);
        requireOk(addMember(*worker, QStringLiteral("Kim")));
        requireOk(transaction.commit());
    }
    const Database::ChangeStamp now = require(watcher.changeStamp());
    CHECK(now.dataVersion != seen.dataVersion);
    CHECK(now.revision == seen.revision + 1);
    CHECK(worker->canonicalPath() == watcher.canonicalPath());
    CHECK(OwnCommits::takeAllOwn(watcher.canonicalPath(), seen.revision, now.revision));
    // Each range is answered once.
    CHECK_FALSE(OwnCommits::takeAllOwn(watcher.canonicalPath(), seen.revision, now.revision));

    // A revision raised by someone else (here by hand, as another process's commit would) is not own.
    requireOk(worker->execute(QStringLiteral("UPDATE commit_revision SET n = n + 1")));
    {
        Transaction transaction(*worker);
        requireOk(addMember(*worker, QStringLiteral("Lee")));
        requireOk(transaction.commit());
    }
    const Database::ChangeStamp later = require(watcher.changeStamp());
    CHECK(later.revision == now.revision + 2);
    CHECK_FALSE(OwnCommits::takeAllOwn(watcher.canonicalPath(), now.revision, later.revision));
}

TEST_CASE("A version 2 file gains the commit revision on upgrade", "[database][migrations][revision]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v2.sqlite3"));
    rawExecute(path, schemaUpTo(2).constData());
    rawExecute(path, QByteArray("PRAGMA application_id = " + QByteArray::number(rapportApplicationId) +
                                "; PRAGMA user_version = 2")
                         .constData());
    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    // The upgrade itself was a write transaction.
    CHECK(require(db->changeStamp()).revision == 1);
}
