// SPDX-License-Identifier: GPL-3.0-or-later
// A prepared statement on the raw SQLite handle behind a Qt SQL connection. Used only where Qt SQL's
// per-row QVariant traffic would miss the performance targets: bulk inserts and streaming the whole
// interaction log. Everything else goes through QSqlQuery.
#pragma once

#include "core/base/Result.h"

#include <QByteArrayView>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport {

class SqliteStatement
{
public:
    SqliteStatement(sqlite3* db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_statement != nullptr; }
    // The last error on the connection, naming the file and the remedy (see SqliteErrors.h).
    QString errorMessage() const;

    void bind(int index, qint64 value);
    void bind(int index, double value);
    void bind(int index, const QString& value);
    void bind(int index, const QByteArray& utf8);
    // Binds without copying: `utf8` must stay alive and unchanged until the statement is stepped.
    void bindStatic(int index, const QByteArray& utf8);
    void bindStatic(int index, QByteArrayView utf8);
    void bindNull(int index);

    // Returns true while a row is available; false at the end or on error (see ok()).
    bool step();
    bool ok() const { return m_ok; }
    void reset();

    qint64 columnInt64(int index) const;
    double columnDouble(int index) const;
    bool columnIsNull(int index) const;
    // The UTF-8 text of a column, valid until the next step(); nullptr for NULL.
    const char* columnUtf8(int index) const;
    // The UTF-8 bytes of a column, valid until the next step(); empty for NULL.
    QByteArrayView columnView(int index) const;
    QString columnText(int index) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    bool m_ok = true;
};

} // namespace rapport
