// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TestSupport.h"

#include "core/storage/Migrations.h"

#include <QFile>
#include <sqlite3.h>

namespace rapport::test {

void rawExecute(const QString& path, const char* sql)
{
    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(QFile::encodeName(path).constData(), &handle,
                                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    INFO(sqlite3_errmsg(handle));
    REQUIRE(opened == SQLITE_OK);
    sqlite3_busy_timeout(handle, 10000);
    char* message = nullptr;
    const int executed = sqlite3_exec(handle, sql, nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(handle);
    REQUIRE(executed == SQLITE_OK);
}

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

TempDatabase::TempDatabase()
{
    REQUIRE(m_dir.isValid());
    reopen();
}

void TempDatabase::reopen()
{
    m_db.reset();
    Result<std::unique_ptr<Database>> opened = Database::open(path());
    INFO((opened.ok() ? std::string() : opened.error().message.toStdString()));
    REQUIRE(opened.ok());
    m_db = std::move(opened).value();
}

qint64 TempDatabase::number(const QString& sql)
{
    const Result<QVariant> value = m_db->scalar(sql);
    REQUIRE(value.ok());
    return value->toLongLong();
}

namespace {

QStringList rollupRows(Database& db, const QString& sql)
{
    QSqlQuery query = db.prepare(sql);
    requireOk(Database::run(query));
    QStringList rows;
    while (query.next()) {
        QStringList cells;
        for (int column = 0; column < 6; ++column)
            cells << query.value(column).toString();
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

} // namespace

QStringList storedActivityRollup(Database& db)
{
    return rollupRows(db, QStringLiteral("SELECT week, owner_id, tag_id, channel, direction, n FROM"
                                         " activity_weeks WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5"));
}

QStringList activityRollupOfLog(Database& db)
{
    return rollupRows(
        db,
        QStringLiteral(
            "SELECT i.occurred_at - (i.occurred_at - 345600) % 604800 AS w, coalesce(c.owner_id, 0),"
            " g.tag_id, i.channel, i.direction, count(*) FROM interactions i"
            " JOIN contacts c ON c.id = i.contact_id"
            " JOIN (SELECT id AS contact_id, 0 AS tag_id FROM contacts UNION ALL SELECT contact_id, tag_id"
            " FROM contact_tags) g ON g.contact_id = i.contact_id"
            " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5"));
}

} // namespace rapport::test
