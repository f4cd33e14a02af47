// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/NoteImport.h"

#include "core/import/RowProblems.h"
#include "core/model/TrustNote.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TrustNoteRepository.h"

namespace rapport {

namespace {

const LogImport::Table noteTable{
    "trust_notes",
    BulkLoad::TrustNotes,
    false,
    "SELECT id FROM trust_notes WHERE contact_id = ?1 AND created_at = ?2 AND kind = ?3"
    " AND trust_level IS ?4 AND text = ?5 LIMIT 1",
    "INSERT INTO trust_notes (contact_id, created_at, author_id, kind, trust_level, text)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    "note"};

} // namespace

NoteImport::NoteImport(Database& db)
    : LogImport(db, noteTable)
{}

Result<RowResult> NoteImport::row(const MappedRow& row)
{
    RowProblems problems(row);
    TrustNote note;
    const Result<qint64> contactId = contactOf(row);
    if (contactId)
        note.contactId = *contactId;
    else if (!problems.keep(contactColumn(row), contactId.error()))
        return contactId.error();
    const Result<qint64> createdAt = momentOf(row, ImportField::CreatedAt);
    if (createdAt)
        note.createdAt = *createdAt;
    else
        problems.keep(ImportField::CreatedAt, createdAt.error());

    if (const QString kind = row.text(ImportField::NoteKind); !kind.isEmpty()) {
        const std::optional<TrustKind> parsed = parseTrustKind(kind);
        if (parsed)
            note.kind = *parsed;
        else
            problems.add(ImportField::NoteKind,
                         QStringLiteral("'%1' is not a kind of note; expected one of %2")
                             .arg(kind, trustKindNames().join(QStringLiteral(", "))));
    }
    bool levelIsNumber = true;
    if (const QString level = row.text(ImportField::TrustLevel); !level.isEmpty()) {
        const int value = level.toInt(&levelIsNumber);
        if (levelIsNumber)
            note.trustLevel = value;
        else
            problems.add(ImportField::TrustLevel,
                         QStringLiteral("'%1' is not a trust level; use 1 (low) to 5 (high)").arg(level));
    }
    note.text = QString::fromUtf8(row.raw(ImportField::NoteText));
    // A missing contact is reported already, and a level that is no number is one the row means to
    // give; the repository would only report them again.
    TrustNote probe = note;
    probe.contactId = contactId ? *contactId : 1;
    if (const QString problem = TrustNoteRepository::validationError(probe);
        !problem.isEmpty() && levelIsNumber) {
        const ImportField field =
            problem.startsWith(QLatin1String("trust")) ? ImportField::TrustLevel : ImportField::NoteText;
        problems.add(field, problem.section(QLatin1String(": "), 1, -1));
    }
    if (!problems.isEmpty())
        return problems.result();
    const Result<std::optional<qint64>> author = memberOf(row, ImportField::Author);
    if (!author)
        return author.error();
    if (!writing())
        return RowResult{RowOutcome::Created, {}};

    const QByteArray kindKey = trustKindName(note.kind).toUtf8();
    const QByteArrayView text = row.raw(ImportField::NoteText);
    SqliteStatement& find = findStatement();
    find.bind(1, note.contactId);
    find.bind(2, note.createdAt);
    find.bindStatic(3, kindKey);
    if (note.trustLevel)
        find.bind(4, static_cast<qint64>(*note.trustLevel));
    find.bindStatic(5, text);
    SqliteStatement& insert = insertStatement();
    insert.bind(1, note.contactId);
    insert.bind(2, note.createdAt);
    if (*author)
        insert.bind(3, **author);
    insert.bindStatic(4, kindKey);
    if (note.trustLevel)
        insert.bind(5, static_cast<qint64>(*note.trustLevel));
    insert.bindStatic(6, text);
    return store(row, note.contactId);
}

} // namespace rapport
