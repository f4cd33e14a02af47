// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/LogReplay.h"

#include "core/storage/SqliteStatement.h"

#include <algorithm>
#include <limits>

namespace rapport {

namespace {

constexpr qint64 progressEvery = 1 << 16;

// Folds the current row into `state`; false when the row holds an unknown channel or direction.
bool applyRow(const SqliteStatement& row, RelationshipState& state, const ScoringSettings& settings)
{
    const std::optional<Channel> channel = channelFromKey(row.columnUtf8(2));
    const std::optional<Direction> direction = directionFromKey(row.columnUtf8(3));
    if (!channel || !direction)
        return false;
    state.apply(row.columnInt64(1), *direction, settings.channelWeight(*channel), settings);
    return true;
}

Error badRow(const SqliteStatement& row)
{
    return Error::database(
        QStringLiteral("interaction log: contact %1 has an interaction with unknown channel "
                       "'%2' or direction '%3'")
            .arg(row.columnInt64(0))
            .arg(row.columnText(2), row.columnText(3)));
}

Result<qint64> interactionCount(Database& db)
{
    const Result<QVariant> count = db.scalar(QStringLiteral("SELECT count(*) FROM interactions"));
    if (!count)
        return count.error();
    return count->toLongLong();
}

} // namespace

Status LogReplay::forEachContact(const std::function<Status(qint64, const RelationshipState&)>& finished,
                                 const ProgressCallback& progress) const
{
    // One cutoff after every moment: the state "at" it is each contact's state after its whole log.
    return forEachContactAt(
        {std::numeric_limits<qint64>::max()},
        [&](qint64 contactId, const std::vector<RelationshipState>& states) {
            return finished(contactId, states.front());
        },
        progress);
}

Result<std::vector<QHash<qint64, RelationshipState>>>
LogReplay::statesAt(QList<qint64> cutoffs, const ProgressCallback& progress) const
{
    std::vector<QHash<qint64, RelationshipState>> snapshots(static_cast<size_t>(cutoffs.size()));
    const Status streamed = forEachContactAt(
        std::move(cutoffs),
        [&](qint64 contactId, const std::vector<RelationshipState>& states) {
            for (size_t i = 0; i < states.size(); ++i) {
                if (states[i].hasHistory())
                    snapshots[i].insert(contactId, states[i]);
            }
            return Status();
        },
        progress);
    if (!streamed)
        return streamed.error();
    return snapshots;
}

Status LogReplay::forEachContactAt(
    QList<qint64> cutoffs,
    const std::function<Status(qint64 contactId, const std::vector<RelationshipState>&)>& reached,
    const ProgressCallback& progress) const
{
    std::sort(cutoffs.begin(), cutoffs.end());
    const Result<qint64> total = progress ? interactionCount(m_db) : Result<qint64>(qint64(0));
    if (!total)
        return total.error();
    SqliteStatement rows(m_db.handle(), "SELECT contact_id, occurred_at, channel, direction FROM interactions"
                                        " ORDER BY contact_id, occurred_at, id");
    if (!rows.isValid())
        return Error::database(rows.errorMessage());

    qint64 current = std::numeric_limits<qint64>::min();
    RelationshipState state;
    std::vector<RelationshipState> states; // the current contact's, one per cutoff passed
    states.reserve(static_cast<size_t>(cutoffs.size()));
    const auto finish = [&]() -> Status {
        if (!state.hasHistory())
            return {};
        states.resize(static_cast<size_t>(cutoffs.size()), state);
        return reached(current, states);
    };
    qint64 done = 0;
    while (rows.step()) {
        const qint64 contactId = rows.columnInt64(0);
        if (contactId != current) {
            if (Status status = finish(); !status)
                return status;
            current = contactId;
            state = RelationshipState();
            states.clear();
        }
        const qint64 at = rows.columnInt64(1);
        while (static_cast<qsizetype>(states.size()) < cutoffs.size() && at > cutoffs[states.size()])
            states.push_back(state);
        if (!applyRow(rows, state, m_settings))
            return badRow(rows);
        if (++done % progressEvery == 0 && !reportProgress(progress, done, *total))
            return Error::cancelled();
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (Status status = finish(); !status)
        return status;
    reportProgress(progress, done, *total);
    return {};
}

Result<std::vector<RelationshipState>> LogReplay::contactStatesAt(qint64 contactId,
                                                                  QList<qint64> cutoffs) const
{
    Result<std::vector<std::vector<RelationshipState>>> states =
        contactsStatesAt({contactId}, std::move(cutoffs));
    if (!states)
        return states.error();
    return std::move(states->front());
}

Result<std::vector<std::vector<RelationshipState>>>
LogReplay::contactsStatesAt(const std::vector<qint64>& contactIds, QList<qint64> cutoffs) const
{
    std::sort(cutoffs.begin(), cutoffs.end());
    SqliteStatement rows(m_db.handle(), "SELECT contact_id, occurred_at, channel, direction FROM interactions"
                                        " WHERE contact_id = ?1 ORDER BY occurred_at, id");
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    std::vector<std::vector<RelationshipState>> all;
    all.reserve(contactIds.size());
    for (const qint64 contactId : contactIds) {
        rows.reset();
        rows.bind(1, contactId);
        std::vector<RelationshipState>& states = all.emplace_back();
        states.reserve(static_cast<size_t>(cutoffs.size()));
        RelationshipState state;
        while (rows.step()) {
            const qint64 at = rows.columnInt64(1);
            while (static_cast<qsizetype>(states.size()) < cutoffs.size() && at > cutoffs[states.size()])
                states.push_back(state);
            if (!applyRow(rows, state, m_settings))
                return badRow(rows);
        }
        if (!rows.ok())
            return Error::database(rows.errorMessage());
        while (static_cast<qsizetype>(states.size()) < cutoffs.size())
            states.push_back(state);
    }
    return all;
}

Result<RelationshipState> LogReplay::contactState(qint64 contactId, std::optional<qint64> until) const
{
    const Result<std::vector<RelationshipState>> states =
        contactStatesAt(contactId, {until.value_or(std::numeric_limits<qint64>::max())});
    if (!states)
        return states.error();
    return states->front();
}

RelationshipState LogReplay::ofLog(const QList<Interaction>& oldestFirst, const ScoringSettings& settings,
                                   qint64 until)
{
    RelationshipState state;
    for (const Interaction& interaction : oldestFirst) {
        if (interaction.occurredAt > until)
            break;
        state.apply(interaction.occurredAt, interaction.direction,
                    settings.channelWeight(interaction.channel), settings);
    }
    return state;
}

} // namespace rapport
