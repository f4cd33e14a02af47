// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/TrustNoteRepository.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"

namespace rapport {

namespace {

const QString selectColumns =
    QStringLiteral("SELECT id, contact_id, created_at, author_id, kind, trust_level, text FROM trust_notes ");

TrustNote noteFrom(const QSqlQuery& query)
{
    TrustNote note;
    note.id = query.value(0).toLongLong();
    note.contactId = query.value(1).toLongLong();
    note.createdAt = query.value(2).toLongLong();
    if (!query.isNull(3))
        note.authorId = query.value(3).toLongLong();
    note.kind = parseTrustKind(query.value(4).toString()).value_or(TrustKind::Context);
    if (!query.isNull(5))
        note.trustLevel = query.value(5).toInt();
    note.text = query.value(6).toString();
    return note;
}

void bindFields(QSqlQuery& query, const TrustNote& note)
{
    query.addBindValue(note.contactId);
    query.addBindValue(note.createdAt > 0 ? note.createdAt : Clock::nowSeconds());
    query.addBindValue(note.authorId ? QVariant(*note.authorId) : QVariant());
    query.addBindValue(trustKindName(note.kind));
    query.addBindValue(note.trustLevel ? QVariant(*note.trustLevel) : QVariant());
    query.addBindValue(textValue(note.text.trimmed()));
}

} // namespace

QString TrustNoteRepository::validationError(const TrustNote& note)
{
    if (note.contactId <= 0)
        return QStringLiteral("contact: missing");
    if (note.trustLevel && (*note.trustLevel < 1 || *note.trustLevel > 5))
        return QStringLiteral("trust level: %1 is out of range; use 1 (low) to 5 (high)")
            .arg(*note.trustLevel);
    if (note.text.trimmed().isEmpty() && !note.trustLevel)
        return QStringLiteral("text: a note needs text or a trust level");
    return {};
}

Result<qint64> TrustNoteRepository::insert(const TrustNote& note)
{
    return write(note, false);
}

Result<qint64> TrustNoteRepository::restore(const TrustNote& note)
{
    return write(note, true);
}

Result<qint64> TrustNoteRepository::write(const TrustNote& note, bool keepId)
{
    if (const QString problem = validationError(note); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<bool> known = ContactRepository(m_db).exists(note.contactId);
    if (!known)
        return known.error();
    if (!*known)
        return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(note.contactId));
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO trust_notes (id, contact_id, created_at, author_id, kind, "
                                    "trust_level, text) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(keepId && note.id > 0 ? QVariant(note.id) : QVariant());
    bindFields(insert, note);
    if (Status status = Database::run(insert); !status) {
        if (note.authorId)
            return Error::badInput(QStringLiteral("author: no team member with id %1").arg(*note.authorId));
        return status.error();
    }
    return insert.lastInsertId().toLongLong();
}

Result<TrustNote> TrustNoteRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(selectColumns + QStringLiteral("WHERE id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no trust note with id %1").arg(id));
    return noteFrom(query);
}

Status TrustNoteRepository::update(const TrustNote& note)
{
    if (const QString problem = validationError(note); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<bool> known = ContactRepository(m_db).exists(note.contactId);
    if (!known)
        return known.error();
    if (!*known)
        return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(note.contactId));
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE trust_notes SET contact_id = ?, created_at = ?, "
                                                   "author_id = ?, kind = ?, trust_level = ?, text = ?"
                                                   " WHERE id = ?"));
    bindFields(update, note);
    update.addBindValue(note.id);
    if (Status status = Database::run(update); !status) {
        if (note.authorId)
            return Error::badInput(QStringLiteral("author: no team member with id %1").arg(*note.authorId));
        return status;
    }
    if (update.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no trust note with id %1").arg(note.id));
    return {};
}

Status TrustNoteRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM trust_notes WHERE id = ?"));
    remove.addBindValue(id);
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no trust note with id %1").arg(id));
    return {};
}

Result<QList<TrustNote>> TrustNoteRepository::listForContact(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(selectColumns +
                                   QStringLiteral("WHERE contact_id = ? ORDER BY created_at DESC, id DESC"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<TrustNote> notes;
    while (query.next())
        notes << noteFrom(query);
    return notes;
}

Result<QList<ListedTrustNote>> TrustNoteRepository::listRecent(int limit, std::optional<TrustKind> kind) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT n.id, n.contact_id, n.created_at, n.author_id, n.kind, n.trust_level, n.text, c.display_name,"
        " coalesce(t.name, '') FROM trust_notes n JOIN contacts c ON c.id = n.contact_id"
        " LEFT JOIN team_members t ON t.id = n.author_id"
        " WHERE ? IS NULL OR n.kind = ? ORDER BY n.created_at DESC, n.id DESC LIMIT ?"));
    const QVariant kindKey = kind ? QVariant(trustKindName(*kind)) : QVariant();
    query.addBindValue(kindKey);
    query.addBindValue(kindKey);
    query.addBindValue(limit);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ListedTrustNote> notes;
    while (query.next())
        notes << ListedTrustNote{noteFrom(query), query.value(7).toString(), query.value(8).toString()};
    return notes;
}

Result<std::optional<int>> TrustNoteRepository::latestTrustLevel(qint64 contactId) const
{
    const Result<QHash<qint64, int>> levels = latestTrustLevels(contactId);
    if (!levels)
        return levels.error();
    const auto found = levels->constFind(contactId);
    return found == levels->cend() ? std::optional<int>() : std::optional<int>(*found);
}

Result<QHash<qint64, int>> TrustNoteRepository::latestTrustLevels(std::optional<qint64> contactId) const
{
    // The one rule for a trust level, in one query for one contact or all: the level of the newest note
    // that has one, newest by creation time and, between notes of the same moment, the one written last
    // (the higher id). Rows come oldest first, so the last row of each contact wins.
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT contact_id, trust_level FROM trust_notes WHERE trust_level IS NOT NULL%1"
                       " ORDER BY contact_id, created_at, id")
            .arg(contactId ? QStringLiteral(" AND contact_id = ?") : QString()));
    if (contactId)
        query.addBindValue(*contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QHash<qint64, int> levels;
    while (query.next())
        levels.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return levels;
}

Result<qint64> TrustNoteRepository::count() const
{
    const Result<QVariant> value = m_db.scalar(QStringLiteral("SELECT count(*) FROM trust_notes"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

} // namespace rapport
