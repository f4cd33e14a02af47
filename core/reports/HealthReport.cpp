// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/HealthReport.h"

#include "core/base/Clock.h"
#include "core/csv/CsvWriter.h"
#include "core/scoring/Attention.h"
#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/SqliteStatement.h"

#include <algorithm>
#include <vector>

namespace rapport {

namespace {

struct HealthRow
{
    qint64 id = 0;
    QByteArray name;
    QByteArray organization;
    QByteArray owner;
    QByteArray tags;
    QByteArray lastChannel;
    const ContactScore* score = nullptr;
    std::optional<int> trustLevel;
};

Status writeRow(CsvWriter& writer, const HealthRow& row)
{
    const RelationshipScore& s = row.score->score;
    writer.addInteger(row.id);
    writer.addText(QByteArrayView(row.name));
    writer.addText(QByteArrayView(row.organization));
    writer.addText(QByteArrayView(row.owner));
    writer.addText(QByteArrayView(row.tags));
    writer.addText(bandName(s.band));
    writer.addNumber(s.hasHistory ? std::optional<double>(s.score) : std::nullopt);
    writer.addNumber(s.recency);
    writer.addNumber(s.frequency);
    writer.addNumber(s.reciprocity);
    writer.addNumber(s.hasHistory ? std::optional<double>(s.daysSinceLast) : std::nullopt);
    writer.addNumber(s.cadenceDays);
    writer.addNumber(s.hasHistory ? std::optional<double>(s.overdueRatio) : std::nullopt);
    if (row.trustLevel)
        writer.addInteger(*row.trustLevel);
    else
        writer.addEmpty();
    writer.addText(QByteArrayView(row.lastChannel));
    writer.addNumber(row.score->delta30);
    writer.addNumber(row.score->delta90);
    writer.addText(row.score->explanation());
    return writer.endRow();
}

} // namespace

QStringList HealthReport::columns() const
{
    return {QStringLiteral("id"),
            QStringLiteral("name"),
            QStringLiteral("organization"),
            QStringLiteral("owner"),
            QStringLiteral("tags"),
            QStringLiteral("band"),
            QStringLiteral("score"),
            QStringLiteral("recency"),
            QStringLiteral("frequency"),
            QStringLiteral("reciprocity"),
            QStringLiteral("days_since_last"),
            QStringLiteral("cadence_days"),
            QStringLiteral("overdue_ratio"),
            QStringLiteral("trust_level"),
            QStringLiteral("last_channel"),
            QStringLiteral("delta_30"),
            QStringLiteral("delta_90"),
            QStringLiteral("explanation")};
}

Result<qint64> HealthReport::write(CsvWriter& writer, const ProgressCallback& progress)
{
    const qint64 now = m_scope.filter().until.value_or(Clock::nowSeconds());
    const Result<ScoringEngine> engine = ScoringEngine::open(m_db);
    if (!engine)
        return engine.error();
    // Scores in contact id order, from the engine; the board holds the trust level each score used.
    const Result<QList<ContactScore>> scores = engine->scoreAll(now, true, progress);
    if (!scores)
        return scores.error();
    const Result<ScoreBoard> board = ScoreBoard::load(m_db);
    if (!board)
        return board.error();

    const std::string sql =
        "SELECT c.id, c.display_name, c.organization, t.name,"
        " (SELECT group_concat(name, '; ') FROM (SELECT g.name FROM contact_tags ct JOIN tags g"
        "   ON g.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY g.name COLLATE NOCASE)),"
        " (SELECT channel FROM interactions l WHERE l.contact_id = c.id AND l.occurred_at <= ?5"
        "   ORDER BY l.occurred_at DESC, l.id DESC LIMIT 1)"
        " FROM contacts c LEFT JOIN team_members t ON t.id = c.owner_id WHERE c.archived = 0" +
        m_scope.contactConditions("c.id", true) + " ORDER BY c.id";
    SqliteStatement contacts(m_db.handle(), sql.c_str());
    if (!contacts.isValid())
        return Error::database(contacts.errorMessage());
    m_scope.bind(contacts);
    contacts.bind(5, now);

    if (Status header = writer.writeHeader(columns()); !header)
        return header.error();
    std::vector<HealthRow> kept; // at-risk rows, sorted before writing
    qint64 count = 0;
    qsizetype next = 0; // scores and contacts are both in id order
    while (contacts.step()) {
        HealthRow row;
        row.id = contacts.columnInt64(0);
        while (next < scores->size() && scores->at(next).contactId < row.id)
            ++next;
        if (next == scores->size() || scores->at(next).contactId != row.id)
            continue; // created after the scores were read
        row.score = &scores->at(next);
        if (m_atRiskOnly && !isSlipping(row.score->score.band))
            continue;
        row.name = contacts.columnView(1).toByteArray();
        row.organization = contacts.columnView(2).toByteArray();
        row.owner = contacts.columnView(3).toByteArray();
        row.tags = contacts.columnView(4).toByteArray();
        row.lastChannel = contacts.columnView(5).toByteArray();
        if (const ScoreBoard::Entry* entry = board->find(row.id))
            row.trustLevel = entry->context.trustLevel;
        if (m_atRiskOnly) {
            kept.push_back(std::move(row));
            continue;
        }
        if (Status written = writeRow(writer, row); !written)
            return written.error();
        ++count;
    }
    if (!contacts.ok())
        return Error::database(contacts.errorMessage());

    // Most overdue first; between equally overdue contacts, the lower score first.
    std::stable_sort(kept.begin(), kept.end(), [](const HealthRow& a, const HealthRow& b) {
        const RelationshipScore& x = a.score->score;
        const RelationshipScore& y = b.score->score;
        if (x.overdueRatio != y.overdueRatio)
            return x.overdueRatio > y.overdueRatio;
        return x.score < y.score;
    });
    for (const HealthRow& row : kept) {
        if (Status written = writeRow(writer, row); !written)
            return written.error();
        ++count;
    }
    if (Status finished = writer.finish(); !finished)
        return finished.error();
    return count;
}

} // namespace rapport
