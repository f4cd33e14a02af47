// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/LogImport.h"

#include "core/base/IsoTime.h"
#include "core/storage/SqliteStatement.h"

namespace rapport {

LogImport::LogImport(Database& db, const Table& table)
    : m_db(db)
    , m_table(table)
{}

LogImport::~LogImport() = default;

Status LogImport::begin(bool writing, qint64 rows)
{
    m_writing = writing;
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
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(QLatin1String(m_table.name)));
    if (!last)
        return last.error();
    m_lastIdBefore = last->toLongLong();
    // Rebuilding the time index once pays only when the load is large next to the log.
    m_bulk = std::make_unique<BulkLoad>(m_db, m_table.bulkTable);
    if (Status suspended = m_bulk->suspend(m_table.rebuildsTimeIndex && rows > m_lastIdBefore); !suspended)
        return suspended;
    m_find = std::make_unique<SqliteStatement>(m_db.handle(), m_table.findSql);
    m_insert = std::make_unique<SqliteStatement>(m_db.handle(), m_table.insertSql);
    if (!m_find->isValid() || !m_insert->isValid())
        return Error::database(m_insert->errorMessage());
    return {};
}

Status LogImport::end(const ProgressCallback&)
{
    m_find.reset();
    m_insert.reset();
    if (m_bulk) {
        if (Status restored = m_bulk->restore(); !restored)
            return restored;
        m_bulk.reset();
    }
    return {};
}

QList<qint64> LogImport::touchedContacts() const
{
    return m_touched.values();
}

int LogImport::contactColumn(const MappedRow& row)
{
    if (!row.text(ImportField::ContactKey).isEmpty())
        return row.column(ImportField::ContactKey);
    if (row.text(ImportField::ContactId).isEmpty() && row.column(ImportField::ContactKey) >= 0)
        return row.column(ImportField::ContactKey);
    return row.column(ImportField::ContactId);
}

Result<qint64> LogImport::momentOf(const MappedRow& row, ImportField field)
{
    const QByteArrayView when = row.raw(field).trimmed();
    if (when.isEmpty())
        return row.problem(field, QStringLiteral("no date given"));
    const Result<qint64> moment = parseIsoMoment(when);
    if (!moment)
        return row.problem(field, moment.error().message);
    return moment;
}

Result<std::optional<qint64>> LogImport::memberOf(const MappedRow& row, ImportField field)
{
    return m_members->idFor(m_db, row.text(field), m_writing);
}

Result<RowResult> LogImport::store(const MappedRow& row, qint64 contactId)
{
    const bool found = m_find->step();
    const qint64 existing = found ? m_find->columnInt64(0) : 0;
    const bool findOk = m_find->ok();
    m_find->reset();
    if (!findOk)
        return Error::database(m_find->errorMessage());
    if (found) {
        m_insert->reset();
        if (existing <= m_lastIdBefore)
            return RowResult{RowOutcome::Unchanged, {}};
        return RowResult{RowOutcome::Skipped, QStringLiteral("repeats an earlier row of this file")};
    }

    m_insert->step();
    const bool inserted = m_insert->ok();
    m_insert->reset();
    if (!inserted)
        return Error::database(QStringLiteral("cannot store the %1 of line %2: %3")
                                   .arg(QLatin1String(m_table.rowNoun))
                                   .arg(row.line())
                                   .arg(m_insert->errorMessage()));
    m_touched.insert(contactId);
    return RowResult{RowOutcome::Created, {}};
}

} // namespace rapport
