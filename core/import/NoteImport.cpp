#include "NoteImport.h"

#include "IsoTime.h"
#include "model/TrustNote.h"
#include "storage/BulkLoad.h"
#include "storage/SqliteStatement.h"
#include "storage/TrustNoteRepository.h"

namespace rapport {

NoteImport::NoteImport(Database& db)
    : m_db(db)
{}

NoteImport::~NoteImport() = default;

Status NoteImport::begin(bool writing, qint64)
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
    const Result<QVariant> last = m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM trust_notes"));
    if (!last)
        return last.error();
    m_lastIdBefore = last->toLongLong();
    m_bulk = std::make_unique<BulkLoad>(m_db, BulkLoad::TrustNotes);
    if (Status suspended = m_bulk->suspend(); !suspended)
        return suspended;
    m_find = std::make_unique<SqliteStatement>(
        m_db.handle(), "SELECT id FROM trust_notes WHERE contact_id = ?1 AND created_at = ?2 AND kind = ?3"
                       " AND trust_level IS ?4 AND text = ?5 LIMIT 1");
    m_insert = std::make_unique<SqliteStatement>(
        m_db.handle(), "INSERT INTO trust_notes (contact_id, created_at, author_id, kind, trust_level, text)"
                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!m_find->isValid() || !m_insert->isValid())
        return Error::database(m_insert->errorMessage());
    return {};
}

Result<RowResult> NoteImport::row(const MappedRow& row)
{
    TrustNote note;
    const Result<qint64> contactId = m_contacts->resolveRow(row);
    if (!contactId)
        return contactId.error();
    note.contactId = *contactId;

    const QByteArrayView when = row.raw(ImportField::CreatedAt).trimmed();
    if (when.isEmpty())
        return row.problem(ImportField::CreatedAt, QStringLiteral("no date given"));
    const Result<qint64> createdAt = parseIsoMoment(when);
    if (!createdAt)
        return row.problem(ImportField::CreatedAt, createdAt.error().message);
    note.createdAt = *createdAt;

    if (const QString kind = row.text(ImportField::NoteKind); !kind.isEmpty()) {
        const std::optional<TrustKind> parsed = parseTrustKind(kind);
        if (!parsed)
            return row.problem(ImportField::NoteKind,
                               QStringLiteral("'%1' is not a kind of note; expected one of %2")
                                   .arg(kind, trustKindNames().join(QStringLiteral(", "))));
        note.kind = *parsed;
    }
    if (const QString level = row.text(ImportField::TrustLevel); !level.isEmpty()) {
        bool isNumber = false;
        const int value = level.toInt(&isNumber);
        if (!isNumber)
            return row.problem(
                ImportField::TrustLevel,
                QStringLiteral("'%1' is not a trust level; use 1 (low) to 5 (high)").arg(level));
        note.trustLevel = value;
    }
    note.text = QString::fromUtf8(row.raw(ImportField::NoteText));
    if (const QString problem = TrustNoteRepository::validationError(note); !problem.isEmpty()) {
        const ImportField field =
            problem.startsWith(QLatin1String("trust")) ? ImportField::TrustLevel : ImportField::NoteText;
        return row.problem(field, problem.section(QLatin1String(": "), 1, -1));
    }
    const Result<std::optional<qint64>> author =
        m_members->idFor(m_db, row.text(ImportField::Author), m_writing);
    if (!author)
        return author.error();
    if (!m_writing)
        return RowResult{RowOutcome::Created, {}};

    const QByteArray kindKey = trustKindName(note.kind).toUtf8();
    const QByteArrayView text = row.raw(ImportField::NoteText);
    m_find->bind(1, note.contactId);
    m_find->bind(2, note.createdAt);
    m_find->bindStatic(3, kindKey);
    if (note.trustLevel)
        m_find->bind(4, static_cast<qint64>(*note.trustLevel));
    m_find->bindStatic(5, text);
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
    m_insert->bind(1, note.contactId);
    m_insert->bind(2, note.createdAt);
    if (*author)
        m_insert->bind(3, **author);
    m_insert->bindStatic(4, kindKey);
    if (note.trustLevel)
        m_insert->bind(5, static_cast<qint64>(*note.trustLevel));
    m_insert->bindStatic(6, text);
    m_insert->step();
    const bool inserted = m_insert->ok();
    m_insert->reset();
    if (!inserted)
        return Error::database(QStringLiteral("cannot store the note of line %1: %2")
                                   .arg(row.line())
                                   .arg(m_insert->errorMessage()));
    m_touched.insert(note.contactId);
    return RowResult{RowOutcome::Created, {}};
}

Status NoteImport::end(const ProgressCallback&)
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

QList<qint64> NoteImport::touchedContacts() const
{
    return m_touched.values();
}

} // namespace rapport
