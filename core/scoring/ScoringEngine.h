// SPDX-License-Identifier: GPL-3.0-or-later
// The single source of every score Rapport shows or exports: keeps each contact's state in step with
// its log, reads scores at any moment, and owns the scoring settings stored in the database.
#pragma once

#include "core/base/Progress.h"
#include "core/model/Interaction.h"
#include "core/scoring/RelationshipScore.h"
#include "core/scoring/RelationshipState.h"
#include "core/scoring/ScoreCalculator.h"
#include "core/scoring/ScoringSettings.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <functional>
#include <optional>

namespace rapport {

struct ContactScore
{
    qint64 contactId = 0;
    RelationshipScore score;
    std::optional<double> delta30; // S(now) - S(now - 30 d), when both exist
    std::optional<double> delta90;

    QString explanation() const { return explainScore(score, delta30); }
};

struct WeeklyScore
{
    qint64 at = 0; // end of the week, seconds since the epoch
    RelationshipScore score;
};

class ScoringEngine
{
public:
    // Loads the settings stored in the database (defaults when none are stored).
    static Result<ScoringEngine> open(Database& db);

    // The settings as last read or written. Every write below reads them again inside its transaction
    // when another connection has committed since (PRAGMA data_version), so a change made by another
    // program or thread is never undone or applied with stale settings. Another ScoringEngine on this
    // same connection is not seen that way: one connection shares one engine.
    const ScoringSettings& settings() const { return m_settings; }
    // Validates and stores these settings in place of the stored ones; rebuilds every contact's state
    // when they shape it differently from the stored ones.
    Status changeSettings(const ScoringSettings& settings, const ProgressCallback& progress = {});
    // Sets these keys (e.g. "half_life_days" = "30") on the settings stored at the moment of writing,
    // keeping every other key as it is stored then; validates the result and rebuilds like the above,
    // all in one transaction. Unknown keys and refused values are bad input naming the key.
    Status changeSettings(const QMap<QString, QString>& changes, const ProgressCallback& progress = {});

    // Keeps the state in step after an interaction was inserted: O(1) when it is the newest of its
    // contact, a rebuild of that contact otherwise. Call inside the transaction that wrote it.
    Status interactionAdded(const Interaction& interaction);
    // After an edit or a delete that touched this contact's log.
    Status rebuildContact(qint64 contactId);
    // Recomputes every state from the log in one streaming pass, in one transaction.
    Status rebuildAll(const ProgressCallback& progress = {});

    Result<std::optional<RelationshipState>> storedState(qint64 contactId) const;

    // One contact's score at `now` (which may lie in the past), with Δ30 and Δ90.
    Result<ContactScore> score(qint64 contactId, qint64 now) const;
    // Every contact's score at `now`, in contact id order. Deltas need a pass over the log; without them
    // and with `now` after the newest interaction, this reads only the stored states.
    Result<QList<ContactScore>> scoreAll(qint64 now, bool withDeltas,
                                         const ProgressCallback& progress = {}) const;
    // The score at the end of each of the `weeks` weeks up to `end`, oldest first.
    Result<QList<WeeklyScore>> weeklyHistory(qint64 contactId, qint64 end, int weeks) const;

    // What besides the log shapes a contact's score: cadence target, tag prior, trust level.
    Result<ScoreContext> context(qint64 contactId) const;
    Result<QHash<qint64, ScoreContext>> allContexts() const;

private:
    // What m_settingsDataVersion holds when the settings must be read again before the next write.
    static constexpr qint64 unknownDataVersion = -1;

    explicit ScoringEngine(Database& db)
        : m_db(&db)
    {}
    Status loadSettings();
    // Reads the stored settings again when another connection may have changed them; call it inside
    // the write transaction that uses them, so that they cannot change before it commits.
    Status refreshSettings();
    // Stores what `change` makes of the settings stored now, rebuilding when the shape changes.
    Status storeSettings(const std::function<Result<ScoringSettings>(const ScoringSettings& stored)>& change,
                         const ProgressCallback& progress);
    Status replayContact(qint64 contactId);
    Status replayAll(const ProgressCallback& progress);
    Result<qint64> newestInteraction() const;

    Database* m_db;
    ScoringSettings m_settings;
    qint64 m_settingsDataVersion = unknownDataVersion; // the connection's data_version when they were read
};

} // namespace rapport
