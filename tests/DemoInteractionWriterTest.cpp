// SPDX-License-Identifier: GPL-3.0-or-later
// The demo generator's batched interaction inserts: rows land in the order they were added, with their
// values, across full batches and the last, partial one.
#include "core/demo/DemoInteractionWriter.h"

#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("Batched demo interactions keep their order and values, the last partial batch included", "[demo]")
{
    TempDatabase database;
    requireOk(database.db().execute(QStringLiteral(
        "INSERT INTO team_members (id, name, created_at) VALUES (7, 'Ana', 0);"
        "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'A', 0, 0);"
        "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (2, 'B', 0, 0)")));
    const QByteArray even("Emailed them about the release");
    const QByteArray odd("They replied on the forum about docs");
    constexpr qint64 rows = 64 * 2 + 5; // two full batches and five rows left for flush()
    {
        DemoInteractionWriter writer(database.db());
        for (qint64 i = 0; i < rows; ++i) {
            const bool isEven = i % 2 == 0;
            requireOk(writer.add(isEven ? 1 : 2, testNow - i * 60, isEven ? Channel::Email : Channel::Forum,
                                 isEven ? Direction::Outbound : Direction::Inbound, isEven ? even : odd,
                                 isEven ? 7 : 0));
        }
        CHECK(database.number(QStringLiteral("SELECT count(*) FROM interactions")) == 128);
        requireOk(writer.flush());
    }
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM interactions")) == rows);
    // Ids follow the order of add(): row i has id i + 1.
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM interactions WHERE occurred_at <> %1 - (id - "
                                         "1) * 60 OR created_at <> occurred_at")
                              .arg(testNow)) == 0);
    CHECK(database.number(QStringLiteral(
              "SELECT count(*) FROM interactions WHERE id % 2 = 1 AND contact_id = 1 AND channel = 'email'"
              " AND direction = 'outbound' AND summary = 'Emailed them about the release' AND logged_by = "
              "7")) == (rows + 1) / 2);
    CHECK(database.number(QStringLiteral(
              "SELECT count(*) FROM interactions WHERE id % 2 = 0 AND contact_id = 2 AND channel = 'forum'"
              " AND direction = 'inbound' AND summary = 'They replied on the forum about docs'"
              " AND logged_by IS NULL")) == rows / 2);
}
