// SPDX-License-Identifier: GPL-3.0-or-later
// Streams the interaction log in (contact, time) order and folds it into relationship states: the
// from-scratch computation that rebuilds, past-date scores and trends rest on.
#pragma once

#include "core/base/Progress.h"
#include "core/model/Interaction.h"
#include "core/scoring/RelationshipState.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <functional>
#include <optional>
#include <vector>

namespace rapport {

class LogReplay
{
public:
    LogReplay(Database& db, const ScoringSettings& settings)
        : m_db(db)
        , m_settings(settings)
    {}

    // Calls `finished` once per contact with history, with its state over the whole log.
    Status forEachContact(const std::function<Status(qint64 contactId, const RelationshipState&)>& finished,
                          const ProgressCallback& progress = {}) const;

    // For each cutoff (seconds since the epoch), every contact's state built from the interactions at
    // or before it. Contacts without history at a cutoff are absent from its map.
    Result<std::vector<QHash<qint64, RelationshipState>>>
    statesAt(QList<qint64> cutoffs, const ProgressCallback& progress = {}) const;

    // Streams the log once: calls `reached` per contact with history, in contact id order, with its
    // state at each cutoff (sorted ascending), without holding more than one contact in memory.
    Status forEachContactAt(
        QList<qint64> cutoffs,
        const std::function<Status(qint64 contactId, const std::vector<RelationshipState>&)>& reached,
        const ProgressCallback& progress = {}) const;

    // One contact's state from its interactions at or before each cutoff (all of them when none).
    Result<std::vector<RelationshipState>> contactStatesAt(qint64 contactId, QList<qint64> cutoffs) const;
    // The same for several contacts through one prepared statement: one vector of states per contact,
    // in the order of `contactIds`.
    Result<std::vector<std::vector<RelationshipState>>>
    contactsStatesAt(const std::vector<qint64>& contactIds, QList<qint64> cutoffs) const;
    Result<RelationshipState> contactState(qint64 contactId, std::optional<qint64> until = {}) const;

    // The same fold over a log held in memory, oldest first (the settings dialog's preview of a sample
    // contact under settings not yet saved), counting the interactions at or before `until`.
    static RelationshipState ofLog(const QList<Interaction>& oldestFirst, const ScoringSettings& settings,
                                   qint64 until);

private:
    Database& m_db;
    const ScoringSettings& m_settings;
};

} // namespace rapport
