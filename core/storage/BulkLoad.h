// SPDX-License-Identifier: GPL-3.0-or-later
// Makes a bulk insert fast: suspends the full-text search insert triggers, the weekly activity rollup's
// insert trigger, the past-health cache's insert triggers (restore() marks that cache stale instead) and,
// on request, the interaction log's time index, for the duration of one transaction, with a larger page
// cache, then restores them and indexes and counts only the rows added meanwhile. A search trigger fired
// inside a transaction makes SQLite flush FTS5's pending data at every later statement, and building an index
// once is far cheaper than maintaining it over millions of inserts; one INSERT … SELECT into the index at the
// end does both jobs at once.
#pragma once

#include "core/storage/Database.h"

#include <QStringList>

namespace rapport {

class BulkLoad
{
public:
    enum Table
    {
        Contacts = 1 << 0, // contacts and contact_methods
        Interactions = 1 << 1,
        TrustNotes = 1 << 2,
        AllTables = Contacts | Interactions | TrustNotes
    };

    // `tables` is a combination of Table values.
    BulkLoad(Database& db, int tables)
        : m_db(db)
        , m_tables(tables)
    {}
    ~BulkLoad();
    BulkLoad(const BulkLoad&) = delete;
    BulkLoad& operator=(const BulkLoad&) = delete;

    // Call inside the transaction that will insert. With `dropTimeIndex`, the interaction log's time index
    // is also dropped and rebuilt by restore(): worth it only when the load is large next to the log.
    // While suspended, insert only: rows updated or deleted before restore() would confuse the index, and a
    // contact given interactions during the load must not change owner or tags before restore() (the
    // rollup's tag and owner triggers would count those interactions once more).
    Status suspend(bool dropTimeIndex = false);
    // Restores the triggers and indexes and indexes the rows inserted since suspend(). If the transaction
    // rolls back instead, SQLite restores the schema by itself.
    Status restore();

private:
    Result<qint64> maxId(const char* table) const;

    Database& m_db;
    int m_tables;
    QStringList m_restore; // CREATE statements of what suspend() dropped
    qint64 m_lastContact = 0;
    qint64 m_lastMethod = 0;
    qint64 m_lastInteraction = 0;
    qint64 m_lastNote = 0;
    qint64 m_cacheSize = 0; // SQLite's page cache setting before suspend()
    bool m_suspended = false;
};

} // namespace rapport
