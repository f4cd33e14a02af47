// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConsistencyCheck.h"

#include "core/scoring/LogReplay.h"
#include "core/scoring/RelationshipStateStore.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Migrations.h"
#include "core/storage/SearchIndex.h"

namespace rapport {

namespace {

constexpr int maxListedStateProblems = 10;
constexpr int maxListedSharedMethods = 10;

Status listSharedMethods(Database& db, ConsistencyReport& report)
{
    const Result<QVariant> total = db.scalar(QStringLiteral(
        "SELECT count(*) FROM (SELECT DISTINCT normalized, kind FROM contact_methods WHERE clash > 0)"));
    if (!total)
        return total.error();
    QSqlQuery shared = db.prepare(QStringLiteral(
        "SELECT m.kind, min(m.value), group_concat(m.contact_id, ', ') FROM contact_methods m"
        " JOIN (SELECT DISTINCT normalized, kind FROM contact_methods WHERE clash > 0 LIMIT ?) s"
        " ON s.normalized = m.normalized AND s.kind = m.kind GROUP BY m.normalized, m.kind"));
    shared.addBindValue(maxListedSharedMethods);
    if (Status status = Database::run(shared); !status)
        return status;
    while (shared.next())
        report.toReview << QStringLiteral("%1 '%2' belongs to contacts %3: merge them or remove it from all "
                                          "but one")
                               .arg(shared.value(0).toString(), shared.value(1).toString(),
                                    shared.value(2).toString());
    if (const qint64 more = total->toLongLong() - maxListedSharedMethods; more > 0)
        report.toReview << QStringLiteral("… and %1 more shared emails, phones or handles").arg(more);
    return {};
}

} // namespace

Result<ConsistencyReport> ConsistencyCheck::run(const ProgressCallback& progress)
{
    // Every count and the replay must see the same moment of the file, even while the GUI logs on
    // another connection; the snapshot is only read, so it ends by rolling back.
    const Transaction snapshot(m_db, TransactionMode::Read);
    if (!snapshot.status())
        return snapshot.status().error();
    ConsistencyReport report;
    report.schemaVersion = m_db.schemaVersion();
    if (report.schemaVersion != currentSchemaVersion())
        report.problems << QStringLiteral("schema version %1, expected %2")
                               .arg(report.schemaVersion)
                               .arg(currentSchemaVersion());

    const std::array<std::pair<const char*, qint64*>, 5> counts{{
        {"SELECT count(*) FROM contacts", &report.contacts},
        {"SELECT count(*) FROM interactions", &report.interactions},
        {"SELECT count(*) FROM trust_notes", &report.trustNotes},
        {"SELECT count(*) FROM team_members", &report.teamMembers},
        {"SELECT count(*) FROM relationship_state", &report.scoredContacts},
    }};
    for (const auto& [sql, target] : counts) {
        const Result<QVariant> value = m_db.scalar(QString::fromLatin1(sql));
        if (!value)
            return value.error();
        *target = value->toLongLong();
    }

    QSqlQuery integrity = m_db.prepare(QStringLiteral("PRAGMA quick_check"));
    if (Status status = Database::run(integrity); !status)
        return status.error();
    while (integrity.next()) {
        const QString line = integrity.value(0).toString();
        if (line != QLatin1String("ok"))
            report.problems << QStringLiteral("SQLite integrity: %1").arg(line);
    }
    QSqlQuery foreignKeys = m_db.prepare(QStringLiteral("PRAGMA foreign_key_check"));
    if (Status status = Database::run(foreignKeys); !status)
        return status.error();
    while (foreignKeys.next())
        report.problems << QStringLiteral("table %1 row %2 points to a missing %3 row")
                               .arg(foreignKeys.value(0).toString(), foreignKeys.value(1).toString(),
                                    foreignKeys.value(2).toString());

    if (Status search = SearchIndex(m_db).verify(); !search)
        report.problems << search.error().message;
    if (Status shared = listSharedMethods(m_db, report); !shared)
        return shared.error();

    const Result<ScoringEngine> engine = ScoringEngine::open(m_db);
    if (!engine)
        return engine.error();
    Result<QHash<qint64, RelationshipState>> stored = RelationshipStateStore(m_db).loadAll();
    if (!stored)
        return stored.error();
    int stateProblems = 0;
    auto noteStateProblem = [&](const QString& text) {
        if (++stateProblems <= maxListedStateProblems)
            report.problems << text;
    };
    const Status replayed =
        LogReplay(m_db, engine->settings())
            .forEachContact(
                [&](qint64 contactId, const RelationshipState& fresh) -> Status {
                    const auto found = stored->constFind(contactId);
                    if (found == stored->cend())
                        noteStateProblem(QStringLiteral("contact %1 has interactions but no "
                                                        "scoring state")
                                             .arg(contactId));
                    else if (!approximatelyEqual(*found, fresh, 1e-6))
                        noteStateProblem(QStringLiteral("contact %1: stored scoring state "
                                                        "differs from its log")
                                             .arg(contactId));
                    stored->remove(contactId);
                    return {};
                },
                progress);
    if (!replayed)
        return replayed.error();
    for (auto it = stored->cbegin(); it != stored->cend(); ++it)
        noteStateProblem(QStringLiteral("contact %1 has scoring state but no interactions").arg(it.key()));
    if (stateProblems > maxListedStateProblems)
        report.problems << QStringLiteral("… and %1 more scoring-state problems")
                               .arg(stateProblems - maxListedStateProblems);
    return report;
}

} // namespace rapport
