// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/InteractionImport.h"

#include "core/base/Clock.h"
#include "core/import/RowProblems.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqliteStatement.h"

#include <array>
#include <cstring>

namespace rapport {

namespace {

// Above this many touched contacts, one streaming rebuild of every state beats rebuilding each alone.
constexpr qsizetype rebuildAllThreshold = 2000;
constexpr qsizetype summaryLimit = 2000; // InteractionRepository's limit, in characters

// Stored keys are plain ASCII words; anything else goes through the lenient QString parsers.
template <typename T, typename FromKey, typename FromText>
std::optional<T> parseKey(QByteArrayView raw, FromKey fromKey, FromText fromText)
{
    const QByteArrayView word = raw.trimmed();
    char key[16];
    if (!word.isEmpty() && word.size() < qsizetype(sizeof key)) {
        std::memcpy(key, word.data(), static_cast<size_t>(word.size()));
        key[word.size()] = '\0';
        if (const std::optional<T> value = fromKey(key))
            return value;
    }
    return fromText(QString::fromUtf8(word));
}

const std::array<QByteArray, channelCount>& channelKeys()
{
    static const std::array<QByteArray, channelCount> keys = [] {
        std::array<QByteArray, channelCount> all;
        for (Channel channel : allChannels)
            all[static_cast<size_t>(channel)] = channelName(channel).toUtf8();
        return all;
    }();
    return keys;
}

const std::array<QByteArray, directionCount>& directionKeys()
{
    static const std::array<QByteArray, directionCount> keys{"outbound", "inbound", "mutual"};
    return keys;
}

const LogImport::Table interactionTable{
    "interactions",
    BulkLoad::Interactions,
    true,
    "SELECT id FROM interactions WHERE contact_id = ?1 AND occurred_at = ?2 AND channel = ?3"
    " AND direction = ?4 AND summary = ?5 LIMIT 1",
    "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, body,"
    " logged_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    "interaction"};

} // namespace

InteractionImport::InteractionImport(Database& db, ScoringEngine& engine)
    : LogImport(db, interactionTable)
    , m_engine(engine)
{}

Status InteractionImport::begin(bool writing, qint64 rows)
{
    m_now = Clock::nowSeconds();
    return LogImport::begin(writing, rows);
}

Result<RowResult> InteractionImport::row(const MappedRow& row)
{
    RowProblems problems(row);
    const Result<qint64> contactId = contactOf(row);
    if (!contactId && !problems.keep(contactColumn(row), contactId.error()))
        return contactId.error();
    const Result<qint64> occurredAt = momentOf(row, ImportField::OccurredAt);
    if (!occurredAt)
        problems.keep(ImportField::OccurredAt, occurredAt.error());

    const std::optional<Channel> channel =
        parseKey<Channel>(row.raw(ImportField::Channel), channelFromKey, parseChannel);
    if (!channel)
        problems.add(ImportField::Channel,
                     QStringLiteral("'%1' is not a channel; expected one of %2")
                         .arg(row.text(ImportField::Channel), channelNames().join(QStringLiteral(", "))));
    const std::optional<Direction> direction =
        parseKey<Direction>(row.raw(ImportField::Direction), directionFromKey, parseDirection);
    if (!direction)
        problems.add(ImportField::Direction, QStringLiteral("'%1' is not a direction; expected outbound, "
                                                            "inbound or mutual")
                                                 .arg(row.text(ImportField::Direction)));

    const QByteArrayView summary = row.raw(ImportField::Summary).trimmed();
    // The repository's checks, one value at a time so that a bad date does not hide a long summary.
    Interaction probe;
    probe.contactId = contactId ? *contactId : 1; // a missing contact is reported already
    if (occurredAt) {
        probe.occurredAt = *occurredAt;
        if (const QString problem = InteractionRepository::validationError(probe); !problem.isEmpty())
            problems.add(ImportField::OccurredAt, problem.section(QLatin1String(": "), 1, -1));
    }
    if (summary.size() > summaryLimit) { // UTF-8 is never shorter than its text in UTF-16 code units
        probe.occurredAt = 0;
        probe.summary = QString::fromUtf8(summary);
        if (const QString problem = InteractionRepository::validationError(probe); !problem.isEmpty())
            problems.add(ImportField::Summary, problem.section(QLatin1String(": "), 1, -1));
    }
    if (!problems.isEmpty())
        return problems.result();

    const Result<std::optional<qint64>> loggedBy = memberOf(row, ImportField::LoggedBy);
    if (!loggedBy)
        return loggedBy.error();
    if (!writing())
        return RowResult{RowOutcome::Created, {}};

    const QByteArray& channelKey = channelKeys()[static_cast<size_t>(*channel)];
    const QByteArray& directionKey = directionKeys()[static_cast<size_t>(*direction)];
    SqliteStatement& find = findStatement();
    find.bind(1, *contactId);
    find.bind(2, *occurredAt);
    find.bindStatic(3, channelKey);
    find.bindStatic(4, directionKey);
    find.bindStatic(5, summary);
    SqliteStatement& insert = insertStatement();
    insert.bind(1, *contactId);
    insert.bind(2, *occurredAt);
    insert.bindStatic(3, channelKey);
    insert.bindStatic(4, directionKey);
    insert.bindStatic(5, summary);
    insert.bindStatic(6, row.raw(ImportField::Body));
    if (*loggedBy)
        insert.bind(7, **loggedBy);
    insert.bind(8, m_now);
    return store(row, *contactId);
}

Status InteractionImport::end(const ProgressCallback& progress)
{
    if (Status ended = LogImport::end(progress); !ended)
        return ended;
    const QList<qint64> touched = touchedContacts();
    if (touched.size() > rebuildAllThreshold)
        return m_engine.rebuildAll(progress);
    for (const qint64 contactId : touched) {
        if (Status rebuilt = m_engine.rebuildContact(contactId); !rebuilt)
            return rebuilt;
    }
    return {};
}

} // namespace rapport
