// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TestSupport.h"

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

} // namespace rapport::test
