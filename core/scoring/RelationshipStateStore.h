// SPDX-License-Identifier: GPL-3.0-or-later
// Reads and writes the relationship_state table: one row per contact with history.
#pragma once

#include "core/scoring/RelationshipState.h"
#include "core/storage/Database.h"

#include <QHash>
#include <optional>

namespace rapport {

class SqliteStatement;

// The columns of a state row, for queries that join relationship_state to other tables.
inline constexpr const char* relationshipStateColumns =
    "s.t_ref, s.d_out, s.d_in, s.d_touch, s.t_last, s.t_first, s.last_touch_day, s.cadence, s.n_touch, "
    "s.n_out,"
    " s.n_in, s.n_interactions, s.recent_dirs";
// Reads a state from `row` whose columns first..first+12 are relationshipStateColumns; an empty
// state when they are NULL (no row joined).
RelationshipState relationshipStateFrom(const SqliteStatement& row, int first);

class RelationshipStateStore
{
public:
    explicit RelationshipStateStore(Database& db)
        : m_db(db)
    {}

    Result<std::optional<RelationshipState>> load(qint64 contactId) const;
    Result<QHash<qint64, RelationshipState>> loadAll() const;
    // Writes the state, or removes the row when the state has no history.
    Status save(qint64 contactId, const RelationshipState& state);
    Status clear();

private:
    Database& m_db;
};

// Writes many states through one prepared statement; for rebuilds.
class RelationshipStateWriter
{
public:
    explicit RelationshipStateWriter(Database& db);
    ~RelationshipStateWriter();
    Status write(qint64 contactId, const RelationshipState& state);

private:
    std::unique_ptr<SqliteStatement> m_insert;
};

} // namespace rapport
