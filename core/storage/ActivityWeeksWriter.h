// SPDX-License-Identifier: GPL-3.0-or-later
// Adds a batch of newly inserted interactions to the weekly activity rollup (activity_weeks) in one
// streaming pass: what BulkLoad does instead of the per-row trigger. Counting in memory and upserting
// each group once is several times faster than SQLite's GROUP BY over a join with every contact's tags.
#pragma once

#include "core/storage/Database.h"

namespace rapport {

class ActivityWeeksWriter
{
public:
    explicit ActivityWeeksWriter(Database& db)
        : m_db(db)
    {}

    // Counts every interaction with an id above `lastId` under its contact's current owner and tags.
    Status addInteractionsAfter(qint64 lastId);

private:
    Database& m_db;
};

} // namespace rapport
