// SPDX-License-Identifier: GPL-3.0-or-later
// ActivityRollup and the activity_weeks triggers: the rollup always equals a GROUP BY over the log.
#include "core/dashboard/ActivityRollup.h"

#include "core/storage/BulkLoad.h"
#include "tests/support/TestSupport.h"

#include <QRandomGenerator>

using namespace rapport;
using namespace rapport::test;

namespace {

constexpr qint64 week = 7 * daySeconds;

void requireConsistent(Database& db)
{
    const QStringList expected = activityRollupOfLog(db);
    CHECK(storedActivityRollup(db) == expected);
    CHECK_FALSE(expected.isEmpty());
}

class RandomLog
{
public:
    explicit RandomLog(Database& db, quint32 seed)
        : m_db(db)
        , m_random(seed)
    {}

    qint64 pick(qint64 below) { return static_cast<qint64>(m_random.bounded(static_cast<quint64>(below))); }

    void setUp()
    {
        exec("INSERT INTO team_members (id, name, created_at) VALUES (1, 'Ada', 0), (2, 'Grace', 0), (3, "
             "'Alan', 0)");
        exec("INSERT INTO tags (id, name) VALUES (1, 'press'), (2, 'partners'), (3, 'speakers')");
        for (int contact = 1; contact <= 12; ++contact)
            exec(QStringLiteral("INSERT INTO contacts (id, display_name, owner_id, created_at, updated_at)"
                                " VALUES (%1, 'C%1', %2, 0, 0)")
                     .arg(contact)
                     .arg(contact % 4 == 0 ? QStringLiteral("NULL") : QString::number(contact % 4)));
    }

    void insertInteraction()
    {
        static const char* channels[] = {"email", "call", "meeting", "chat"};
        static const char* directions[] = {"outbound", "inbound", "mutual"};
        exec(QStringLiteral(
                 "INSERT INTO interactions (contact_id, occurred_at, channel, direction, created_at)"
                 " VALUES (%1, %2, '%3', '%4', 0)")
                 .arg(1 + pick(12))
                 .arg(testNow - pick(60 * daySeconds))
                 .arg(QLatin1String(channels[pick(4)]), QLatin1String(directions[pick(3)])));
    }

    // One random change of any kind that touches the rollup.
    void change()
    {
        switch (pick(9)) {
        case 0:
        case 1:
            insertInteraction();
            break;
        case 2:
            exec(QStringLiteral("DELETE FROM interactions WHERE id = (SELECT id FROM interactions ORDER BY"
                                " random() LIMIT 1)"));
            break;
        case 3:
            exec(QStringLiteral("UPDATE interactions SET occurred_at = occurred_at - %1, channel = 'forum'"
                                " WHERE id = (SELECT id FROM interactions ORDER BY random() LIMIT 1)")
                     .arg(pick(3 * week)));
            break;
        case 4:
            exec(QStringLiteral("UPDATE interactions SET contact_id = %1 WHERE id = (SELECT id FROM"
                                " interactions ORDER BY random() LIMIT 1)")
                     .arg(1 + pick(12)));
            break;
        case 5:
            exec(QStringLiteral("UPDATE contacts SET owner_id = %1 WHERE id = %2")
                     .arg(pick(4) == 0 ? QStringLiteral("NULL") : QString::number(1 + pick(3)))
                     .arg(1 + pick(12)));
            break;
        case 6:
            exec(QStringLiteral("INSERT OR IGNORE INTO contact_tags VALUES (%1, %2)")
                     .arg(1 + pick(12))
                     .arg(1 + pick(3)));
            break;
        case 7:
            exec(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = %1 AND tag_id = %2")
                     .arg(1 + pick(12))
                     .arg(1 + pick(3)));
            break;
        default:
            exec(QStringLiteral("INSERT OR IGNORE INTO contact_tags VALUES (%1, %2)")
                     .arg(1 + pick(12))
                     .arg(1 + pick(3)));
            break;
        }
    }

    void exec(const QString& sql) { requireOk(m_db.execute(sql)); }
    void exec(const char* sql) { exec(QString::fromLatin1(sql)); }

private:
    Database& m_db;
    QRandomGenerator m_random;
};

qint64 logCount(Database& db, const DashboardFilter& filter, qint64 from, qint64 to)
{
    QString sql = QStringLiteral("SELECT count(*) FROM interactions i JOIN contacts c ON c.id = i.contact_id"
                                 " WHERE i.occurred_at >= %1 AND i.occurred_at < %2")
                      .arg(from)
                      .arg(to);
    if (filter.ownerId)
        sql += QStringLiteral(" AND coalesce(c.owner_id, 0) = %1").arg(*filter.ownerId);
    if (filter.tagId)
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = i.contact_id"
                              " AND t.tag_id = %1)")
                   .arg(*filter.tagId);
    return require(db.scalar(sql)).toLongLong();
}

} // namespace

TEST_CASE("Weeks start on Monday 00:00 UTC", "[dashboard][rollup]")
{
    // 2026-06-01 is a Monday.
    CHECK(ActivityRollup::weekStart(testNow) == testNow);
    CHECK(ActivityRollup::weekStart(testNow + 6 * daySeconds + 86399) == testNow);
    CHECK(ActivityRollup::weekStart(testNow - 1) == testNow - week);
}

TEST_CASE("The activity rollup equals a GROUP BY over the log after random writes of every kind",
          "[dashboard][rollup]")
{
    TempDatabase temp;
    Database& db = temp.db();
    RandomLog log(db, GENERATE(1u, 2u, 3u));
    log.setUp();
    for (int i = 0; i < 80; ++i)
        log.insertInteraction();
    requireConsistent(db);
    for (int i = 0; i < 300; ++i)
        log.change();
    requireConsistent(db);

    SECTION("deleting a contact, a tag and a team member")
    {
        log.exec("DELETE FROM contacts WHERE id = 3");
        log.exec("DELETE FROM tags WHERE id = 2");
        log.exec("DELETE FROM team_members WHERE id = 1");
        requireConsistent(db);
    }
    SECTION("a bulk load, then more writes")
    {
        BulkLoad bulk(db, BulkLoad::AllTables);
        requireOk(bulk.suspend(true));
        for (int i = 0; i < 200; ++i)
            log.insertInteraction();
        requireOk(bulk.restore());
        requireConsistent(db);
        for (int i = 0; i < 100; ++i)
            log.change();
        requireConsistent(db);
    }
}

TEST_CASE("Weekly counts match the log for any period, owner and tag", "[dashboard][rollup]")
{
    TempDatabase temp;
    Database& db = temp.db();
    RandomLog log(db, 7);
    log.setUp();
    for (int i = 0; i < 400; ++i)
        log.change();

    const qint64 start = testNow - GENERATE(0, 1, 3) * daySeconds - 40 * daySeconds - GENERATE(0, 3600);
    const qint64 end = testNow - GENERATE(0, 2) * daySeconds;
    DashboardFilter filter = *DashboardFilter::custom(start, end);
    filter.ownerId = GENERATE(std::optional<qint64>(), std::optional<qint64>(0), std::optional<qint64>(2));
    filter.tagId = GENERATE(std::optional<qint64>(), std::optional<qint64>(1));

    const std::vector<WeekActivity> weeks = require(ActivityRollup(db).weeks(filter));
    REQUIRE_FALSE(weeks.empty());
    CHECK(weeks.front().weekStart == ActivityRollup::weekStart(start));
    CHECK(weeks.back().weekStart == ActivityRollup::weekStart(end - 1));
    qint64 total = 0;
    for (const WeekActivity& activity : weeks) {
        const qint64 from = std::max(activity.weekStart, start);
        const qint64 to = std::min(activity.weekStart + week, end);
        INFO("week of " << activity.weekStart);
        CHECK(activity.total() == logCount(db, filter, from, to));
        qint64 byChannel = 0;
        for (const qint64 n : activity.channels)
            byChannel += n;
        CHECK(byChannel == activity.total());
        total += activity.total();
    }
    CHECK(total == logCount(db, filter, start, end));
}

TEST_CASE("A period inside one week is counted from either side of its cuts", "[dashboard][rollup]")
{
    TempDatabase temp;
    Database& db = temp.db();
    RandomLog log(db, 11);
    log.setUp();
    for (int i = 0; i < 400; ++i)
        log.change();

    // Wednesday 01:00 to Saturday (most of the week: the rollup less both ends) or Wednesday only.
    const qint64 start = testNow - 5 * daySeconds + 3600;
    const qint64 end = start + GENERATE(4, 1) * daySeconds;
    const DashboardFilter filter = *DashboardFilter::custom(start, end);
    // One interaction on each side of each bound, whatever the random log holds there.
    for (const qint64 at : {start - 60, start, end - 60, end})
        requireOk(
            db.execute(QStringLiteral("INSERT INTO interactions (contact_id, occurred_at, channel, "
                                      "direction, created_at) SELECT min(id), %1, 'email', 'inbound', %1"
                                      " FROM contacts")
                           .arg(at)));
    const std::vector<WeekActivity> weeks = require(ActivityRollup(db).weeks(filter));
    REQUIRE(weeks.size() == 1);
    CHECK(weeks.front().total() == logCount(db, filter, start, end));
    CHECK(weeks.front().total() >= 2);
}
