// SPDX-License-Identifier: GPL-3.0-or-later
// Every contact's score inputs (state, cadence target, tag prior, trust level) in memory, in contact
// id order, so that all scores can be read at any moment in milliseconds. Whoever writes refreshes the
// contacts the write touched; the GUI keeps one board for the open database.
#pragma once

#include "core/scoring/ScoreCalculator.h"
#include "core/scoring/ScoringSettings.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>
#include <vector>

namespace rapport {

struct ContactScore;

class ScoreBoard
{
public:
    struct Entry
    {
        qint64 contactId = 0;
        RelationshipState state;
        ScoreContext context;
        // Who sees the contact in lists of whom to reach out to (Today, Reach out), read with the rest.
        std::optional<qint64> ownerId;
        bool archived = false;
    };

    // Reads the inputs of every contact: one pass over contacts joined to their state.
    static Result<ScoreBoard> load(Database& db);

    // Re-reads one contact after a write; drops it when the contact no longer exists.
    Status refresh(Database& db, qint64 contactId);
    // Re-reads every contact's context, e.g. after a tag's prior cadence changed.
    Status refreshContexts(Database& db);

    QList<ContactScore> scoresAt(qint64 now, const ScoringSettings& settings) const;
    const std::vector<Entry>& entries() const { return m_entries; }
    const Entry* find(qint64 contactId) const;

private:
    std::vector<Entry> m_entries;
};

} // namespace rapport
