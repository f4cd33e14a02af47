// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/RelationshipStateStore.h"

#include "core/storage/SqliteStatement.h"

#include <string>

namespace rapport {

namespace {

const std::string selectColumns =
    std::string("SELECT s.contact_id, ") + relationshipStateColumns + " FROM relationship_state s";

RelationshipState stateFrom(const SqliteStatement& row)
{
    return relationshipStateFrom(row, 1);
}

constexpr const char* insertSql =
    "INSERT OR REPLACE INTO relationship_state (contact_id, t_ref, d_out, d_in, d_touch, t_last, t_first,"
    " last_touch_day, cadence, n_touch, n_out, n_in, n_interactions, recent_dirs)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

void bindState(SqliteStatement& insert, qint64 contactId, const RelationshipState& state)
{
    insert.bind(1, contactId);
    insert.bind(2, state.tRef);
    insert.bind(3, state.dOut);
    insert.bind(4, state.dIn);
    insert.bind(5, state.dTouch);
    insert.bind(6, state.tLast);
    insert.bind(7, state.tFirst);
    insert.bind(8, state.lastTouchDay);
    insert.bind(9, state.cadenceBase);
    insert.bind(10, state.nTouch);
    insert.bind(11, state.nOut);
    insert.bind(12, state.nIn);
    insert.bind(13, state.nInteractions);
    insert.bind(14, static_cast<qint64>(state.recentDirections));
}

} // namespace

RelationshipState relationshipStateFrom(const SqliteStatement& row, int first)
{
    RelationshipState state;
    if (row.columnIsNull(first))
        return state;
    state.tRef = row.columnDouble(first);
    state.dOut = row.columnDouble(first + 1);
    state.dIn = row.columnDouble(first + 2);
    state.dTouch = row.columnDouble(first + 3);
    state.tLast = row.columnDouble(first + 4);
    state.tFirst = row.columnDouble(first + 5);
    state.lastTouchDay = row.columnInt64(first + 6);
    state.cadenceBase = row.columnDouble(first + 7);
    state.nTouch = row.columnInt64(first + 8);
    state.nOut = row.columnInt64(first + 9);
    state.nIn = row.columnInt64(first + 10);
    state.nInteractions = row.columnInt64(first + 11);
    state.recentDirections = static_cast<quint32>(row.columnInt64(first + 12));
    return state;
}

Result<std::optional<RelationshipState>> RelationshipStateStore::load(qint64 contactId) const
{
    SqliteStatement query(m_db.handle(), (selectColumns + " WHERE s.contact_id = ?1").c_str());
    if (!query.isValid())
        return Error::database(query.errorMessage());
    query.bind(1, contactId);
    if (query.step())
        return std::optional<RelationshipState>(stateFrom(query));
    if (!query.ok())
        return Error::database(query.errorMessage());
    return std::optional<RelationshipState>();
}

Result<QHash<qint64, RelationshipState>> RelationshipStateStore::loadAll() const
{
    SqliteStatement query(m_db.handle(), selectColumns.c_str());
    if (!query.isValid())
        return Error::database(query.errorMessage());
    QHash<qint64, RelationshipState> states;
    while (query.step())
        states.insert(query.columnInt64(0), stateFrom(query));
    if (!query.ok())
        return Error::database(query.errorMessage());
    return states;
}

Status RelationshipStateStore::save(qint64 contactId, const RelationshipState& state)
{
    if (!state.hasHistory()) {
        SqliteStatement remove(m_db.handle(), "DELETE FROM relationship_state WHERE contact_id = ?1");
        remove.bind(1, contactId);
        remove.step();
        return remove.ok() ? Status() : Status(Error::database(remove.errorMessage()));
    }
    return RelationshipStateWriter(m_db).write(contactId, state);
}

Status RelationshipStateStore::clear()
{
    return m_db.execute(QStringLiteral("DELETE FROM relationship_state"));
}

RelationshipStateWriter::RelationshipStateWriter(Database& db)
    : m_insert(std::make_unique<SqliteStatement>(db.handle(), insertSql))
{}

RelationshipStateWriter::~RelationshipStateWriter() = default;

Status RelationshipStateWriter::write(qint64 contactId, const RelationshipState& state)
{
    if (!m_insert->isValid())
        return Error::database(m_insert->errorMessage());
    bindState(*m_insert, contactId, state);
    m_insert->step();
    Status status;
    if (!m_insert->ok())
        status = Error::database(QStringLiteral("cannot save relationship state of contact %1: %2")
                                     .arg(contactId)
                                     .arg(m_insert->errorMessage()));
    m_insert->reset();
    return status;
}

} // namespace rapport
