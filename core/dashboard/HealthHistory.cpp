// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/HealthHistory.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/dashboard/ContactGroups.h"
#include "core/scoring/LogReplay.h"
#include "core/scoring/ScoreBoard.h"
#include "core/storage/SqliteStatement.h"

#include <array>
#include <limits>
#include <map>

namespace rapport {

namespace {

constexpr qint64 weekSeconds = 7 * 86400;
constexpr qint64 monthSeconds = 30 * 86400;
// health_cache.valid while a rebuild runs: any trigger resets it to 0, which the rebuild sees at the end.
constexpr int building = 2;

struct BandSums
{
    std::array<qint64, bandCount> contacts{};
    std::array<double, bandCount> scores{};
};

// One owner/tag group's sums at each stored week end.
using GroupSums = std::array<BandSums, HealthHistory::storedWeeks>;

Status execute(Database& db, const char* sql, qint64 value)
{
    SqliteStatement statement(db.handle(), sql);
    if (!statement.isValid())
        return Error::database(statement.errorMessage());
    statement.bind(1, value);
    statement.step();
    if (!statement.ok())
        return Error::database(statement.errorMessage());
    return {};
}

} // namespace

qint64 HealthHistory::lastClosedWeekEnd(qint64 moment)
{
    return ActivityRollup::weekStart(moment - 1);
}

qint64 HealthHistory::firstStoredWeekEnd(qint64 lastWeekEnd)
{
    return lastWeekEnd - (storedWeeks - 1) * weekSeconds;
}

qint64 HealthHistory::comparisonWeekEnd(qint64 moment)
{
    return ActivityRollup::weekStart(moment - monthSeconds);
}

Result<bool> HealthHistory::isFresh(qint64 moment) const
{
    SqliteStatement row(m_db.handle(), "SELECT computed_for_week_end, valid FROM health_cache");
    if (!row.isValid())
        return Error::database(row.errorMessage());
    const bool found = row.step();
    if (!row.ok())
        return Error::database(row.errorMessage());
    return found && row.columnInt64(1) == 1 && row.columnInt64(0) == lastClosedWeekEnd(moment);
}

Status HealthHistory::rebuild(const ScoringSettings& settings, qint64 now, const ProgressCallback& progress)
{
    const qint64 last = lastClosedWeekEnd(now);
    // Marked first, so that every write from here on (on any connection) leaves its trace.
    if (Status marked =
            execute(m_db, "UPDATE health_cache SET computed_for_week_end = ?1, valid = 2 WHERE id = 1", last);
        !marked)
        return marked;
    const Result<ScoreBoard> board = ScoreBoard::load(m_db);
    if (!board)
        return board.error();
    const Result<ContactGroups> groups = ContactGroups::load(m_db);
    if (!groups)
        return groups.error();

    QList<qint64> weekEnds;
    for (qint64 week = firstStoredWeekEnd(last); week <= last; week += weekSeconds)
        weekEnds << week;
    // Δ30 compares against one of these two, depending on the weekday (comparisonWeekEnd).
    const std::array<qsizetype, 2> compared{storedWeeks - 6, storedWeeks - 5};

    std::map<std::pair<qint64, qint64>, GroupSums> sums; // by (owner, tag or 0)
    std::vector<PastScore> pastScores[2];
    const std::vector<ScoreBoard::Entry>& entries = board->entries();
    auto entry = entries.begin();
    const std::vector<RelationshipState> noHistory(static_cast<size_t>(storedWeeks));
    // Adds one contact, archived or not kept, to its groups.
    const auto add = [&](const ScoreBoard::Entry& contact, const std::vector<RelationshipState>& states) {
        const ContactIndexEntry* group = groups->find(contact.contactId);
        if (!group || group->archived)
            return;
        std::vector<GroupSums*> targets{&sums[{group->ownerId, 0}]};
        for (const qint64 tag : group->tagIds)
            targets.push_back(&sums[{group->ownerId, tag}]);
        for (qsizetype week = 0; week < storedWeeks; ++week) {
            const RelationshipScore score =
                computeScore(states[static_cast<size_t>(week)], weekEnds[week], contact.context, settings);
            const auto band = static_cast<size_t>(score.band);
            for (GroupSums* target : targets) {
                BandSums& at = (*target)[static_cast<size_t>(week)];
                ++at.contacts[band];
                if (score.hasHistory)
                    at.scores[band] += score.score;
            }
            for (size_t i = 0; i < compared.size(); ++i) {
                if (week == compared[i] && score.hasHistory)
                    pastScores[i].push_back({contact.contactId, score.band, score.score});
            }
        }
    };
    // Contacts without any interaction are not in the log; they count as "No history" in between.
    const auto addUpTo = [&](qint64 contactId) {
        for (; entry != entries.end() && entry->contactId < contactId; ++entry)
            add(*entry, noHistory);
    };
    const Status replayed = LogReplay(m_db, settings)
                                .forEachContactAt(
                                    weekEnds,
                                    [&](qint64 contactId, const std::vector<RelationshipState>& states) {
                                        addUpTo(contactId);
                                        if (entry != entries.end() && entry->contactId == contactId) {
                                            add(*entry, states);
                                            ++entry;
                                        }
                                        return Status();
                                    },
                                    progress);
    if (!replayed)
        return replayed;
    addUpTo(std::numeric_limits<qint64>::max());

    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    // Checked inside the write transaction: no other writer can slip in between this and the commit.
    if (Status kept =
            execute(m_db, "UPDATE health_cache SET valid = 1 WHERE id = 1 AND valid = ?1", building);
        !kept)
        return kept;
    if (m_db.lastChanges() != 1)
        return Error::badInput(
            QStringLiteral("health history: the database changed while it was rebuilt; try again"));
    if (Status cleared = m_db.execute(QStringLiteral("DELETE FROM health_weeks")); !cleared)
        return cleared;
    if (Status cleared = m_db.execute(QStringLiteral("DELETE FROM contact_weeks")); !cleared)
        return cleared;

    SqliteStatement insertWeek(
        m_db.handle(), "INSERT INTO health_weeks (week_end, owner_id, tag_id, band, contacts, score_sum)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insertWeek.isValid())
        return Error::database(insertWeek.errorMessage());
    for (const auto& [group, weeks] : sums) {
        for (qsizetype week = 0; week < storedWeeks; ++week) {
            const BandSums& at = weeks[static_cast<size_t>(week)];
            for (int band = 0; band < bandCount; ++band) {
                const auto b = static_cast<size_t>(band);
                if (at.contacts[b] == 0)
                    continue;
                insertWeek.bind(1, weekEnds[week]);
                insertWeek.bind(2, group.first);
                insertWeek.bind(3, group.second);
                insertWeek.bind(4, qint64(band));
                insertWeek.bind(5, at.contacts[b]);
                insertWeek.bind(6, at.scores[b]);
                insertWeek.step();
                if (!insertWeek.ok())
                    return Error::database(insertWeek.errorMessage());
                insertWeek.reset();
            }
        }
    }
    SqliteStatement insertContact(m_db.handle(),
                                  "INSERT INTO contact_weeks (week_end, contact_id, band, score)"
                                  " VALUES (?1, ?2, ?3, ?4)");
    if (!insertContact.isValid())
        return Error::database(insertContact.errorMessage());
    for (size_t i = 0; i < compared.size(); ++i) {
        for (const PastScore& past : pastScores[i]) {
            insertContact.bind(1, weekEnds[compared[i]]);
            insertContact.bind(2, past.contactId);
            insertContact.bind(3, qint64(static_cast<int>(past.band)));
            insertContact.bind(4, past.score);
            insertContact.step();
            if (!insertContact.ok())
                return Error::database(insertContact.errorMessage());
            insertContact.reset();
        }
    }
    return transaction.commit();
}

Result<std::vector<HealthPoint>> HealthHistory::trend(const DashboardFilter& filter, qint64 from,
                                                      qint64 to) const
{
    std::vector<HealthPoint> points;
    for (qint64 week = ActivityRollup::weekStart(from) + weekSeconds; week < to; week += weekSeconds) {
        if (week > from)
            points.push_back(HealthPoint{week, {}, 0, std::nullopt});
    }
    if (points.empty())
        return points;
    const std::string sql =
        std::string("SELECT week_end, band, sum(contacts), sum(score_sum) FROM health_weeks"
                    " WHERE tag_id = ?1 AND week_end >= ?2 AND week_end <= ?3") +
        (filter.ownerId ? " AND owner_id = ?4" : "") + " GROUP BY week_end, band";
    SqliteStatement rows(m_db.handle(), sql.c_str());
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, filter.tagId.value_or(0));
    rows.bind(2, points.front().at);
    rows.bind(3, points.back().at);
    if (filter.ownerId)
        rows.bind(4, *filter.ownerId);
    std::vector<double> sums(points.size(), 0.0);
    while (rows.step()) {
        const auto index = static_cast<size_t>((rows.columnInt64(0) - points.front().at) / weekSeconds);
        const qint64 band = rows.columnInt64(1);
        if (index >= points.size() || band < 0 || band >= bandCount)
            return Error::database(QStringLiteral("health history: unexpected row for week %1, band %2")
                                       .arg(rows.columnInt64(0))
                                       .arg(band));
        HealthPoint& point = points[index];
        const auto contacts = static_cast<int>(rows.columnInt64(2));
        point.bands[static_cast<size_t>(band)] += contacts;
        if (static_cast<Band>(band) != Band::NoHistory) {
            point.scored += contacts;
            sums[index] += rows.columnDouble(3);
        }
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    for (size_t i = 0; i < points.size(); ++i) {
        if (points[i].scored > 0)
            points[i].averageScore = sums[i] / points[i].scored;
    }
    return points;
}

Result<std::vector<PastScore>> HealthHistory::scoresAt(qint64 weekEnd) const
{
    SqliteStatement rows(
        m_db.handle(),
        "SELECT contact_id, band, score FROM contact_weeks WHERE week_end = ?1 ORDER BY contact_id");
    if (!rows.isValid())
        return Error::database(rows.errorMessage());
    rows.bind(1, weekEnd);
    std::vector<PastScore> scores;
    while (rows.step()) {
        const qint64 band = rows.columnInt64(1);
        if (band < 0 || band >= bandCount)
            return Error::database(QStringLiteral("health history: unknown band %1").arg(band));
        scores.push_back({rows.columnInt64(0), static_cast<Band>(band), rows.columnDouble(2)});
    }
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    return scores;
}

} // namespace rapport
