#include "InteractionImport.h"

#include "Clock.h"
#include "IsoTime.h"
#include "storage/BulkLoad.h"
#include "storage/InteractionRepository.h"
#include "storage/SqliteStatement.h"

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
    if (word.size() > 0 && word.size() < qsizetype(sizeof key)) {
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

} // namespace

InteractionImport::InteractionImport(Database& db, ScoringEngine& engine)
    : m_db(db)
    , m_engine(engine)
{}

InteractionImport::~InteractionImport() = default;

Status InteractionImport::begin(bool writing, qint64 rows)
{
    m_writing = writing;
    m_now = Clock::nowSeconds();
    m_touched.clear();
    Result<ContactResolver> contacts = ContactResolver::load(m_db, true);
    if (!contacts)
        return contacts.error();
    m_contacts = std::move(*contacts);
    Result<TeamMemberCache> members = TeamMemberCache::load(m_db);
    if (!members)
        return members.error();
    m_members = std::move(*members);
    if (!writing)
        return {};

    const Result<QVariant> last =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM interactions"));
    if (!last)
        return last.error();
    m_lastIdBefore = last->toLongLong();
    // Rebuilding the time index once pays only when the load is large next to the log.
    m_bulk = std::make_unique<BulkLoad>(m_db, BulkLoad::Interactions);
    if (Status suspended = m_bulk->suspend(rows > m_lastIdBefore); !suspended)
        return suspended;
    m_find = std::make_unique<SqliteStatement>(
        m_db.handle(),
        "SELECT id FROM interactions WHERE contact_id = ?1 AND occurred_at = ?2 AND channel = ?3"
        " AND direction = ?4 AND summary = ?5 LIMIT 1");
    m_insert = std::make_unique<SqliteStatement>(
        m_db.handle(), "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary, body,"
                       " logged_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!m_find->isValid() || !m_insert->isValid())
        return Error::database(m_insert->errorMessage());
    return {};
}

Result<RowResult> InteractionImport::row(const MappedRow& row)
{
    const Result<qint64> contactId = m_contacts->resolveRow(row);
    if (!contactId)
        return contactId.error();

    const QByteArrayView when = row.raw(ImportField::OccurredAt).trimmed();
    if (when.isEmpty())
        return row.problem(ImportField::OccurredAt, QStringLiteral("no date given"));
    const Result<qint64> occurredAt = parseIsoMoment(when);
    if (!occurredAt)
        return row.problem(ImportField::OccurredAt, occurredAt.error().message);

    const std::optional<Channel> channel =
        parseKey<Channel>(row.raw(ImportField::Channel), channelFromKey, parseChannel);
    if (!channel)
        return row.problem(ImportField::Channel, QStringLiteral("'%1' is not a channel; expected one of %2")
                                                     .arg(row.text(ImportField::Channel),
                                                          channelNames().join(QStringLiteral(", "))));
    const std::optional<Direction> direction =
        parseKey<Direction>(row.raw(ImportField::Direction), directionFromKey, parseDirection);
    if (!direction)
        return row.problem(ImportField::Direction,
                           QStringLiteral("'%1' is not a direction; expected outbound, inbound or mutual")
                               .arg(row.text(ImportField::Direction)));

    const QByteArrayView summary = row.raw(ImportField::Summary).trimmed();
    Interaction probe;
    probe.contactId = *contactId;
    probe.occurredAt = *occurredAt;
    if (summary.size() > summaryLimit) // UTF-8 is never shorter than its text in UTF-16 code units
        probe.summary = QString::fromUtf8(summary);
    if (const QString problem = InteractionRepository::validationError(probe); !problem.isEmpty()) {
        const ImportField field =
            problem.startsWith(QLatin1String("summary")) ? ImportField::Summary : ImportField::OccurredAt;
        return row.problem(field, problem.section(QLatin1String(": "), 1, -1));
    }

    const Result<std::optional<qint64>> loggedBy =
        m_members->idFor(m_db, row.text(ImportField::LoggedBy), m_writing);
    if (!loggedBy)
        return loggedBy.error();
    if (!m_writing)
        return RowResult{RowOutcome::Created, {}};

    const QByteArray& channelKey = channelKeys()[static_cast<size_t>(*channel)];
    const QByteArray& directionKey = directionKeys()[static_cast<size_t>(*direction)];
    m_find->bind(1, *contactId);
    m_find->bind(2, *occurredAt);
    m_find->bindStatic(3, channelKey);
    m_find->bindStatic(4, directionKey);
    m_find->bindStatic(5, summary);
    const bool found = m_find->step();
    const qint64 existing = found ? m_find->columnInt64(0) : 0;
    const bool findOk = m_find->ok();
    m_find->reset();
    if (!findOk)
        return Error::database(m_find->errorMessage());
    if (found) {
        if (existing <= m_lastIdBefore)
            return RowResult{RowOutcome::Unchanged, {}};
        return RowResult{RowOutcome::Skipped, QStringLiteral("repeats an earlier row of this file")};
    }

    m_insert->bind(1, *contactId);
    m_insert->bind(2, *occurredAt);
    m_insert->bindStatic(3, channelKey);
    m_insert->bindStatic(4, directionKey);
    m_insert->bindStatic(5, summary);
    m_insert->bindStatic(6, row.raw(ImportField::Body));
    if (*loggedBy)
        m_insert->bind(7, **loggedBy);
    m_insert->bind(8, m_now);
    m_insert->step();
    const bool inserted = m_insert->ok();
    m_insert->reset();
    if (!inserted)
        return Error::database(QStringLiteral("cannot store the interaction of line %1: %2")
                                   .arg(row.line())
                                   .arg(m_insert->errorMessage()));
    m_touched.insert(*contactId);
    return RowResult{RowOutcome::Created, {}};
}

Status InteractionImport::end(const ProgressCallback& progress)
{
    m_find.reset();
    m_insert.reset();
    if (m_bulk) {
        if (Status restored = m_bulk->restore(); !restored)
            return restored;
        m_bulk.reset();
    }
    if (m_touched.size() > rebuildAllThreshold)
        return m_engine.rebuildAll(progress);
    for (const qint64 contactId : std::as_const(m_touched)) {
        if (Status rebuilt = m_engine.rebuildContact(contactId); !rebuilt)
            return rebuilt;
    }
    return {};
}

QList<qint64> InteractionImport::touchedContacts() const
{
    return m_touched.values();
}

} // namespace rapport
