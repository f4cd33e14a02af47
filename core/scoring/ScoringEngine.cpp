// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/scoring/ScoringEngine.h"

#include "core/scoring/LogReplay.h"
#include "core/scoring/RelationshipStateStore.h"
#include "core/scoring/ScoreBoard.h"
#include "core/storage/SettingsRepository.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TrustNoteRepository.h"

#include <cmath>
#include <limits>

namespace rapport {

namespace {

const QString settingsPrefix = QStringLiteral("scoring.");

qint64 secondsOf(double days)
{
    return std::llround(days * secondsPerDay);
}

struct TagPrior
{
    double cadence = 0;
    qint64 members = std::numeric_limits<qint64>::max();
};

// The most specific tag is the one with the fewest members (a small community says more about a person
// than a broad segment); between equally specific tags the shorter cadence wins.
bool moreSpecific(const TagPrior& candidate, const TagPrior& current)
{
    if (candidate.members != current.members)
        return candidate.members < current.members;
    return candidate.cadence < current.cadence;
}

std::optional<double> delta(const RelationshipScore& now, const std::optional<RelationshipScore>& before)
{
    if (!now.hasHistory || !before || !before->hasHistory)
        return std::nullopt;
    return now.score - before->score;
}

} // namespace

Result<ScoringEngine> ScoringEngine::open(Database& db)
{
    ScoringEngine engine(db);
    if (Status loaded = engine.loadSettings(); !loaded)
        return loaded.error();
    return engine;
}

Status ScoringEngine::loadSettings()
{
    // data_version before the settings: a commit between the two reads then shows as a change at the
    // next refresh, which reads them again.
    const qint64 dataVersion = m_db->dataVersion();
    const Result<QMap<QString, QString>> stored = SettingsRepository(*m_db).load(settingsPrefix);
    if (!stored)
        return stored.error();
    const Result<ScoringSettings> settings =
        ScoringSettings::fromMap(*stored, ScoringSettings::Rules::ForStoredValues);
    if (!settings)
        return Error::database(
            QStringLiteral("stored scoring settings are invalid: %1").arg(settings.error().message));
    m_settings = *settings;
    m_settingsDataVersion = dataVersion;
    return {};
}

Status ScoringEngine::refreshSettings()
{
    const qint64 dataVersion = m_db->dataVersion();
    if (dataVersion != unknownDataVersion && dataVersion == m_settingsDataVersion)
        return {};
    return loadSettings();
}

Status ScoringEngine::changeSettings(const ScoringSettings& settings, const ProgressCallback& progress)
{
    if (Status valid = settings.validate(); !valid)
        return valid;
    return storeSettings([&settings](const ScoringSettings&) -> Result<ScoringSettings> { return settings; },
                         progress);
}

Status ScoringEngine::changeSettings(const QMap<QString, QString>& changes, const ProgressCallback& progress)
{
    return storeSettings(
        [&changes](const ScoringSettings& stored) {
            QMap<QString, QString> values = stored.toMap();
            for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
                values.insert(it.key(), it.value());
            return ScoringSettings::fromMap(values);
        },
        progress);
}

Status ScoringEngine::storeSettings(
    const std::function<Result<ScoringSettings>(const ScoringSettings& stored)>& change,
    const ProgressCallback& progress)
{
    Transaction transaction(*m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status refreshed = refreshSettings(); !refreshed)
        return refreshed;
    const ScoringSettings stored = m_settings;
    const Result<ScoringSettings> changed = change(stored);
    if (!changed)
        return changed.error();
    if (Status saved = SettingsRepository(*m_db).save(settingsPrefix, changed->toMap()); !saved)
        return saved;
    m_settings = *changed;
    // An enclosing transaction may still roll the change back: read the settings again before the next
    // write rather than trust these.
    m_settingsDataVersion = unknownDataVersion;
    if (changed->shapesStateDifferently(stored)) {
        if (Status rebuilt = replayAll(progress); !rebuilt) {
            m_settings = stored;
            return rebuilt;
        }
    }
    if (Status committed = transaction.commit(); !committed) {
        m_settings = stored;
        return committed;
    }
    return {};
}

Status ScoringEngine::interactionAdded(const Interaction& interaction)
{
    Transaction transaction(*m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status refreshed = refreshSettings(); !refreshed)
        return refreshed;
    RelationshipStateStore store(*m_db);
    const Result<std::optional<RelationshipState>> stored = store.load(interaction.contactId);
    if (!stored)
        return stored.error();
    RelationshipState state = stored->value_or(RelationshipState());
    if (state.hasHistory() && interaction.occurredAt < secondsOf(state.tLast)) {
        if (Status rebuilt = replayContact(interaction.contactId); !rebuilt)
            return rebuilt;
    } else {
        state.apply(interaction.occurredAt, interaction.direction,
                    m_settings.channelWeight(interaction.channel), m_settings);
        if (Status saved = store.save(interaction.contactId, state); !saved)
            return saved;
    }
    return transaction.commit();
}

Status ScoringEngine::rebuildContact(qint64 contactId)
{
    Transaction transaction(*m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status refreshed = refreshSettings(); !refreshed)
        return refreshed;
    if (Status rebuilt = replayContact(contactId); !rebuilt)
        return rebuilt;
    return transaction.commit();
}

Status ScoringEngine::replayContact(qint64 contactId)
{
    const Result<RelationshipState> state = LogReplay(*m_db, m_settings).contactState(contactId);
    if (!state)
        return state.error();
    return RelationshipStateStore(*m_db).save(contactId, *state);
}

Status ScoringEngine::rebuildAll(const ProgressCallback& progress)
{
    Transaction transaction(*m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status refreshed = refreshSettings(); !refreshed)
        return refreshed;
    if (Status rebuilt = replayAll(progress); !rebuilt)
        return rebuilt;
    return transaction.commit();
}

Status ScoringEngine::replayAll(const ProgressCallback& progress)
{
    if (Status cleared = RelationshipStateStore(*m_db).clear(); !cleared)
        return cleared;
    RelationshipStateWriter writer(*m_db);
    return LogReplay(*m_db, m_settings)
        .forEachContact([&writer](qint64 contactId,
                                  const RelationshipState& state) { return writer.write(contactId, state); },
                        progress);
}

Result<std::optional<RelationshipState>> ScoringEngine::storedState(qint64 contactId) const
{
    return RelationshipStateStore(*m_db).load(contactId);
}

Result<ScoreContext> ScoringEngine::context(qint64 contactId) const
{
    ScoreContext context;
    SqliteStatement target(m_db->handle(), "SELECT cadence_days FROM contacts WHERE id = ?1");
    target.bind(1, contactId);
    if (!target.step())
        return target.ok() ? Error::notFound(QStringLiteral("contact: no contact with id %1").arg(contactId))
                           : Error::database(target.errorMessage());
    if (!target.columnIsNull(0))
        context.cadenceTargetDays = target.columnDouble(0);

    SqliteStatement tags(m_db->handle(),
                         "SELECT t.cadence_days, (SELECT count(*) FROM contact_tags m WHERE m.tag_id = t.id)"
                         " FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
                         " WHERE ct.contact_id = ?1 AND t.cadence_days IS NOT NULL");
    tags.bind(1, contactId);
    std::optional<TagPrior> best;
    while (tags.step()) {
        const TagPrior candidate{tags.columnDouble(0), tags.columnInt64(1)};
        if (!best || moreSpecific(candidate, *best))
            best = candidate;
    }
    if (!tags.ok())
        return Error::database(tags.errorMessage());
    if (best)
        context.tagPriorDays = best->cadence;

    const Result<std::optional<int>> trust = TrustNoteRepository(*m_db).latestTrustLevel(contactId);
    if (!trust)
        return trust.error();
    context.trustLevel = *trust;
    return context;
}

Result<QHash<qint64, ScoreContext>> ScoringEngine::allContexts() const
{
    QHash<qint64, ScoreContext> contexts;
    SqliteStatement targets(m_db->handle(),
                            "SELECT id, cadence_days FROM contacts WHERE cadence_days IS NOT NULL");
    while (targets.step())
        contexts[targets.columnInt64(0)].cadenceTargetDays = targets.columnDouble(1);
    if (!targets.ok())
        return Error::database(targets.errorMessage());

    // Tag sizes first, in one pass: a per-row count(*) would rescan each tag's members for every contact.
    QHash<qint64, TagPrior> tagPriors;
    SqliteStatement tagSizes(m_db->handle(), "SELECT t.id, t.cadence_days, count(ct.contact_id) FROM tags t"
                                             " LEFT JOIN contact_tags ct ON ct.tag_id = t.id"
                                             " WHERE t.cadence_days IS NOT NULL GROUP BY t.id");
    while (tagSizes.step())
        tagPriors.insert(tagSizes.columnInt64(0),
                         TagPrior{tagSizes.columnDouble(1), tagSizes.columnInt64(2)});
    if (!tagSizes.ok())
        return Error::database(tagSizes.errorMessage());
    QHash<qint64, TagPrior> priors;
    if (!tagPriors.isEmpty()) {
        SqliteStatement tags(m_db->handle(), "SELECT contact_id, tag_id FROM contact_tags");
        while (tags.step()) {
            const auto prior = tagPriors.constFind(tags.columnInt64(1));
            if (prior == tagPriors.cend())
                continue;
            const auto found = priors.find(tags.columnInt64(0));
            if (found == priors.end())
                priors.insert(tags.columnInt64(0), *prior);
            else if (moreSpecific(*prior, *found))
                *found = *prior;
        }
        if (!tags.ok())
            return Error::database(tags.errorMessage());
    }
    for (auto it = priors.cbegin(); it != priors.cend(); ++it)
        contexts[it.key()].tagPriorDays = it->cadence;

    const Result<QHash<qint64, int>> trust = TrustNoteRepository(*m_db).latestTrustLevels();
    if (!trust)
        return trust.error();
    for (auto it = trust->cbegin(); it != trust->cend(); ++it)
        contexts[it.key()].trustLevel = it.value();
    return contexts;
}

Result<qint64> ScoringEngine::newestInteraction() const
{
    const Result<QVariant> newest = m_db->scalar(QStringLiteral("SELECT max(occurred_at) FROM interactions"));
    if (!newest)
        return newest.error();
    return newest->isNull() ? std::numeric_limits<qint64>::min() : newest->toLongLong();
}

Result<ContactScore> ScoringEngine::score(qint64 contactId, qint64 now) const
{
    const Result<ScoreContext> contactContext = context(contactId);
    if (!contactContext)
        return contactContext.error();
    const Result<std::vector<RelationshipState>> states =
        LogReplay(*m_db, m_settings)
            .contactStatesAt(contactId, {now - 90 * secondsPerDay, now - 30 * secondsPerDay, now});
    if (!states)
        return states.error();
    ContactScore result;
    result.contactId = contactId;
    result.score = computeScore((*states)[2], now, *contactContext, m_settings);
    result.delta30 = delta(result.score,
                           computeScore((*states)[1], now - 30 * secondsPerDay, *contactContext, m_settings));
    result.delta90 = delta(result.score,
                           computeScore((*states)[0], now - 90 * secondsPerDay, *contactContext, m_settings));
    return result;
}

Result<QList<ContactScore>> ScoringEngine::scoreAll(qint64 now, bool withDeltas,
                                                    const ProgressCallback& progress) const
{
    const Result<ScoreBoard> board = ScoreBoard::load(*m_db);
    if (!board)
        return board.error();
    const Result<qint64> newest = newestInteraction();
    if (!newest)
        return newest.error();
    const bool replayNow = now < *newest;
    if (!withDeltas && !replayNow)
        return board->scoresAt(now, m_settings);

    // States at earlier moments come from one pass over the log.
    QList<qint64> cutoffs{now - 90 * secondsPerDay, now - 30 * secondsPerDay};
    if (replayNow)
        cutoffs << now;
    Result<std::vector<QHash<qint64, RelationshipState>>> replayed =
        LogReplay(*m_db, m_settings).statesAt(cutoffs, progress);
    if (!replayed)
        return replayed.error();
    const RelationshipState empty;
    const auto stateAt = [&](size_t cutoff, qint64 id) -> const RelationshipState& {
        const auto found = (*replayed)[cutoff].constFind(id);
        return found != (*replayed)[cutoff].cend() ? *found : empty;
    };

    QList<ContactScore> scores;
    scores.reserve(static_cast<qsizetype>(board->entries().size()));
    for (const ScoreBoard::Entry& entry : board->entries()) {
        ContactScore& result = scores.emplace_back();
        result.contactId = entry.contactId;
        result.score = computeScore(replayNow ? stateAt(2, entry.contactId) : entry.state, now, entry.context,
                                    m_settings);
        if (withDeltas && result.score.hasHistory) {
            result.delta30 =
                delta(result.score, computeScore(stateAt(1, entry.contactId), now - 30 * secondsPerDay,
                                                 entry.context, m_settings));
            result.delta90 =
                delta(result.score, computeScore(stateAt(0, entry.contactId), now - 90 * secondsPerDay,
                                                 entry.context, m_settings));
        }
    }
    return scores;
}

Result<QList<WeeklyScore>> ScoringEngine::weeklyHistory(qint64 contactId, qint64 end, int weeks) const
{
    const Result<ScoreContext> contactContext = context(contactId);
    if (!contactContext)
        return contactContext.error();
    QList<qint64> cutoffs;
    for (int week = weeks - 1; week >= 0; --week)
        cutoffs << end - week * 7 * secondsPerDay;
    const Result<std::vector<RelationshipState>> states =
        LogReplay(*m_db, m_settings).contactStatesAt(contactId, cutoffs);
    if (!states)
        return states.error();
    QList<WeeklyScore> history;
    for (qsizetype i = 0; i < cutoffs.size(); ++i)
        history << WeeklyScore{cutoffs[i], computeScore((*states)[static_cast<size_t>(i)], cutoffs[i],
                                                        *contactContext, m_settings)};
    return history;
}

} // namespace rapport
