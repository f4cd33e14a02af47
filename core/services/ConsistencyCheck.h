// SPDX-License-Identifier: GPL-3.0-or-later
// The health report of a database file: SQLite's own checks, the search indexes, and whether every
// stored relationship state equals a recomputation from the log.
#pragma once

#include "core/base/Progress.h"
#include "core/storage/Database.h"

#include <QStringList>

namespace rapport {

struct ConsistencyReport
{
    qint64 contacts = 0;
    qint64 interactions = 0;
    qint64 trustNotes = 0;
    qint64 teamMembers = 0;
    qint64 scoredContacts = 0;
    int schemaVersion = 0;
    QStringList problems; // empty when the database is consistent
    // Not wrong, but for someone to settle: emails, phones and handles that several contacts shared
    // before one contact per address was enforced (schema version 4).
    QStringList toReview;

    bool consistent() const { return problems.isEmpty(); }
};

class ConsistencyCheck
{
public:
    explicit ConsistencyCheck(Database& db)
        : m_db(db)
    {}
    Result<ConsistencyReport> run(const ProgressCallback& progress = {});

private:
    Database& m_db;
};

} // namespace rapport
