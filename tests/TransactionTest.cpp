// SPDX-License-Identifier: GPL-3.0-or-later
// Transactions on a database file shared by two connections, as the GUI and an import or `rapport
// check` share it: a read transaction is a stable snapshot that never holds a writer up.
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

qint64 memberCount(Database& db)
{
    return require(db.scalar(QStringLiteral("SELECT count(*) FROM team_members"))).toLongLong();
}

TeamMember member(const QString& name)
{
    TeamMember created;
    created.name = name;
    return created;
}

} // namespace

TEST_CASE("A read transaction sees one moment while another connection writes", "[database][transaction]")
{
    TempDatabase reader;
    std::unique_ptr<Database> writer = require(Database::open(reader.path()));
    require(TeamMemberRepository(*writer).create(member(QStringLiteral("Ada"))));

    {
        const Transaction snapshot(reader.db(), TransactionMode::Read);
        requireOk(snapshot.status());
        CHECK(memberCount(reader.db()) == 1);

        // The other connection commits at once: the reader holds no lock that would make it wait.
        require(TeamMemberRepository(*writer).create(member(QStringLiteral("Grace"))));
        CHECK(memberCount(*writer) == 2);
        CHECK(memberCount(reader.db()) == 1);
    }
    CHECK(reader.db().transactionDepth() == 0);
    CHECK(memberCount(reader.db()) == 2);
}

TEST_CASE("A write inside a read transaction nests as a savepoint and keeps its changes",
          "[database][transaction]")
{
    TempDatabase database;
    Transaction outer(database.db(), TransactionMode::Read);
    requireOk(outer.status());
    {
        Transaction inner(database.db());
        requireOk(inner.status());
        require(TeamMemberRepository(database.db()).create(member(QStringLiteral("Ada"))));
        requireOk(inner.commit());
    }
    requireOk(outer.commit());
    CHECK(memberCount(database.db()) == 1);
}
