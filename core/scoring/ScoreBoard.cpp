// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/ScoreBoard.h"

#include "core/scoring/RelationshipStateStore.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/SqliteStatement.h"

#include <algorithm>
#include <string>

namespace rapport {

namespace {

bool byId(const ScoreBoard::Entry& entry, qint64 id)
{
    return entry.contactId < id;
}

} // namespace

Result<ScoreBoard> ScoreBoard::load(Database& db)
{
    const Result<ScoringEngine> engine = ScoringEngine::open(db);
    if (!engine)
        return engine.error();
    const Result<QHash<qint64, ScoreContext>> contexts = engine->allContexts();
    if (!contexts)
        return contexts.error();
    const Result<QVariant> count = db.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!count)
        return count.error();

    ScoreBoard board;
    board.m_entries.reserve(static_cast<size_t>(count->toLongLong()));
    const std::string sql =
        std::string("SELECT c.id, c.owner_id, c.archived, ") + relationshipStateColumns +
        " FROM contacts c LEFT JOIN relationship_state s ON s.contact_id = c.id ORDER BY c.id";
    SqliteStatement rows(db.handle(), sql.c_str());
    while (rows.step()) {
        Entry& entry = board.m_entries.emplace_back();
        entry.contactId = rows.columnInt64(0);
        if (!rows.columnIsNull(1))
            entry.ownerId = rows.columnInt64(1);
        entry.archived = rows.columnInt64(2) != 0;
        entry.state = relationshipStateFrom(rows, 3);
        entry.context = contexts->value(entry.contactId);
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    return board;
}

Status ScoreBoard::refresh(Database& db, qint64 contactId)
{
    const auto position = std::lower_bound(m_entries.begin(), m_entries.end(), contactId, byId);
    const bool present = position != m_entries.end() && position->contactId == contactId;
    const Result<ScoringEngine> engine = ScoringEngine::open(db);
    if (!engine)
        return engine.error();
    const Result<ScoreContext> context = engine->context(contactId);
    if (!context) {
        if (context.error().kind != ErrorKind::NotFound)
            return context.error();
        if (present)
            m_entries.erase(position);
        return {};
    }
    const Result<std::optional<RelationshipState>> state = engine->storedState(contactId);
    if (!state)
        return state.error();
    Entry entry{contactId, state->value_or(RelationshipState()), *context, std::nullopt, false};
    SqliteStatement visibility(db.handle(), "SELECT owner_id, archived FROM contacts WHERE id = ?");
    visibility.bind(1, contactId);
    if (visibility.step()) {
        if (!visibility.columnIsNull(0))
            entry.ownerId = visibility.columnInt64(0);
        entry.archived = visibility.columnInt64(1) != 0;
    }
    if (!visibility.ok())
        return Error::database(visibility.errorMessage());
    if (present)
        *position = entry;
    else
        m_entries.insert(position, entry);
    return {};
}

Status ScoreBoard::refreshContexts(Database& db)
{
    const Result<ScoringEngine> engine = ScoringEngine::open(db);
    if (!engine)
        return engine.error();
    const Result<QHash<qint64, ScoreContext>> contexts = engine->allContexts();
    if (!contexts)
        return contexts.error();
    for (Entry& entry : m_entries)
        entry.context = contexts->value(entry.contactId);
    return {};
}

QList<ContactScore> ScoreBoard::scoresAt(qint64 now, const ScoringSettings& settings) const
{
    QList<ContactScore> scores;
    scores.reserve(static_cast<qsizetype>(m_entries.size()));
    for (const Entry& entry : m_entries) {
        ContactScore& score = scores.emplace_back();
        score.contactId = entry.contactId;
        score.score = computeScore(entry.state, now, entry.context, settings);
    }
    return scores;
}

const ScoreBoard::Entry* ScoreBoard::find(qint64 contactId) const
{
    const auto position = std::lower_bound(m_entries.begin(), m_entries.end(), contactId, byId);
    return position != m_entries.end() && position->contactId == contactId ? &*position : nullptr;
}

} // namespace rapport
