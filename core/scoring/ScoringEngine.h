// The single source of every score Rapport shows or exports: keeps each contact's state in step with
// its log, reads scores at any moment, and owns the scoring settings stored in the database.
#pragma once

#include "Progress.h"
#include "RelationshipScore.h"
#include "RelationshipState.h"
#include "ScoreCalculator.h"
#include "ScoringSettings.h"
#include "model/Interaction.h"
#include "storage/Database.h"

#include <QHash>
#include <QList>
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

    const ScoringSettings& settings() const { return m_settings; }
    // Validates and stores new settings; rebuilds every contact's state when they change its shape.
    Status changeSettings(const ScoringSettings& settings, const ProgressCallback& progress = {});

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
    explicit ScoringEngine(Database& db)
        : m_db(&db)
    {}
    Result<qint64> newestInteraction() const;

    Database* m_db;
    ScoringSettings m_settings;
};

} // namespace rapport
