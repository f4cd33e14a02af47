// SPDX-License-Identifier: GPL-3.0-or-later
// Shared fixtures of the tests: a fresh database in a temporary folder, a pinned clock, Qt printing.
#pragma once

#include "core/base/Clock.h"
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <memory>

namespace Catch {
template <>
struct StringMaker<QString>
{
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
} // namespace Catch

namespace rapport::test {

// 2026-06-01 00:00:00 UTC: the moment tests treat as "now" unless they pin another.
inline constexpr qint64 testNow = 1780272000;
inline constexpr qint64 daySeconds = 86400;

// Pins the clock for the lifetime of the object.
class PinnedClock
{
public:
    explicit PinnedClock(qint64 now = testNow) { Clock::pin(now); }
    ~PinnedClock() { Clock::unpin(); }
    PinnedClock(const PinnedClock&) = delete;
    PinnedClock& operator=(const PinnedClock&) = delete;
};

// A new, migrated database in its own temporary folder.
class TempDatabase
{
public:
    TempDatabase();
    Database& db() { return *m_db; }
    QString path() const { return m_dir.filePath(QStringLiteral("test.sqlite3")); }
    QString folder() const { return m_dir.path(); }
    // A count(*) or other single number from the database.
    qint64 number(const QString& sql);
    // Closes the connection (e.g. to inspect or damage the file) and reopens it.
    void close() { m_db.reset(); }
    void reopen();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};

// Runs SQL through a bare SQLite connection of its own, as another program (the sqlite3 shell, an
// older Rapport) would: to build old schemas, damage a file or write behind Rapport's back.
void rawExecute(const QString& path, const char* sql);

// The schema of every migration up to `version` and its pragmas, as a file that version of Rapport wrote
// would have it: SQL for rawExecute(), to which a migration test appends that version's rows.
QByteArray schemaUpTo(int version);

// The dashboard's weekly activity rollup as stored (rows "week|owner|tag|channel|direction|n", zero
// counts left out), and as it should be, computed from the log: every interaction under tag 0 and each of
// its contact's tags, for the contact's current owner. Triggers keep the two equal.
QStringList storedActivityRollup(Database& db);
QStringList activityRollupOfLog(Database& db);

// Unwraps a Result in a test, failing with its message when it holds an error.
template <typename T>
T require(Result<T> result)
{
    INFO((result.ok() ? std::string() : result.error().message.toStdString()));
    REQUIRE(result.ok());
    return std::move(result).value();
}

inline void requireOk(const Status& status)
{
    INFO((status.ok() ? std::string() : status.error().message.toStdString()));
    REQUIRE(status.ok());
}

} // namespace rapport::test
