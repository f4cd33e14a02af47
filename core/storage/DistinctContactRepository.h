// SPDX-License-Identifier: GPL-3.0-or-later
// Pairs of contacts a person has marked "not the same person": the duplicate finder leaves them out.
#pragma once

#include "core/storage/Database.h"

#include <QList>
#include <QSet>
#include <utility>

namespace rapport {

using ContactPair = std::pair<qint64, qint64>; // the lower id first

class DistinctContactRepository
{
public:
    explicit DistinctContactRepository(Database& db)
        : m_db(db)
    {}

    static ContactPair pairOf(qint64 a, qint64 b) { return a < b ? ContactPair{a, b} : ContactPair{b, a}; }

    // Marks the two as different people; marking a marked pair again changes nothing.
    Status mark(qint64 a, qint64 b);
    Status unmark(qint64 a, qint64 b);
    Result<QSet<ContactPair>> all() const;
    // The contacts this one is marked distinct from (kept in its snapshot for undo).
    Result<QList<qint64>> distinctFrom(qint64 contactId) const;
    // Marks the contact distinct from those of `others` that exist; restoring a deleted group of
    // contacts one by one thus brings back every pair among them.
    Status restore(qint64 contactId, const QList<qint64>& others);

private:
    Database& m_db;
};

} // namespace rapport
