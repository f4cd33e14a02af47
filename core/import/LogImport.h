// SPDX-License-Identifier: GPL-3.0-or-later
// What the imports of a contact's log (interactions, trust notes) share: finding the row's contact, its
// moment and its team member, and storing only rows the log does not hold yet. A row equal to one stored
// before the import is unchanged, one equal to an earlier row of the same file is skipped. Writing goes
// through raw SQLite statements with the search triggers suspended (BulkLoad).
#pragma once

#include "core/import/ContactResolver.h"
#include "core/import/RowImport.h"
#include "core/import/TeamMemberCache.h"
#include "core/storage/BulkLoad.h"

#include <QSet>
#include <memory>
#include <optional>

namespace rapport {

class SqliteStatement;

class LogImport : public RowImport
{
public:
    // The log table an import writes, and its statements.
    struct Table
    {
        const char* name;
        BulkLoad::Table bulkTable;
        // Whether a load large next to the log drops and rebuilds the log's time index.
        bool rebuildsTimeIndex;
        // Selects the id of a stored row equal to the one bound.
        const char* findSql;
        const char* insertSql;
        const char* rowNoun; // "interaction": in "cannot store the interaction of line 12"
    };

    ~LogImport() override;

    Status begin(bool writing, qint64 rows) override;
    Status end(const ProgressCallback& progress) override;
    QList<qint64> touchedContacts() const override;

protected:
    LogImport(Database& db, const Table& table);

    bool writing() const { return m_writing; }
    Result<qint64> contactOf(const MappedRow& row) const { return m_contacts->resolveRow(row); }
    // The column a problem with contactOf() is about.
    static int contactColumn(const MappedRow& row);
    // The moment in `field`, a problem with the row when it is empty or not ISO 8601.
    static Result<qint64> momentOf(const MappedRow& row, ImportField field);
    // The team member named in `field` (none when empty), added to the team in the writing pass.
    Result<std::optional<qint64>> memberOf(const MappedRow& row, ImportField field);

    // In the writing pass, bind both statements, then call store().
    SqliteStatement& findStatement() { return *m_find; }
    SqliteStatement& insertStatement() { return *m_insert; }
    // Runs the find statement and, when the log holds no equal row, the insert statement.
    Result<RowResult> store(const MappedRow& row, qint64 contactId);

private:
    Database& m_db;
    Table m_table;
    bool m_writing = false;
    std::optional<ContactResolver> m_contacts;
    std::optional<TeamMemberCache> m_members;
    std::unique_ptr<SqliteStatement> m_find;
    std::unique_ptr<SqliteStatement> m_insert;
    std::unique_ptr<BulkLoad> m_bulk;
    qint64 m_lastIdBefore = 0;
    QSet<qint64> m_touched;
};

} // namespace rapport
