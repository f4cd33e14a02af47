// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/FollowUpRepository.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TrustNoteRepository.h"

#include <QSqlQuery>

namespace rapport {

namespace {

const QString selectColumns =
    QStringLiteral("SELECT f.id, f.contact_id, f.kind, f.text, f.owner_id, f.due_at, f.status, f.created_at, "
                   "f.closed_at, f.trust_note_id, c.display_name, coalesce(m.name, '') FROM follow_ups f "
                   "JOIN contacts c ON c.id = f.contact_id LEFT JOIN team_members m ON m.id = f.owner_id ");

std::optional<qint64> optionalId(const QSqlQuery& query, int column)
{
    if (query.isNull(column))
        return std::nullopt;
    return query.value(column).toLongLong();
}

ListedFollowUp listedFrom(const QSqlQuery& query)
{
    ListedFollowUp listed;
    FollowUp& followUp = listed.followUp;
    followUp.id = query.value(0).toLongLong();
    followUp.contactId = query.value(1).toLongLong();
    followUp.kind = parseFollowUpKind(query.value(2).toString()).value_or(FollowUpKind::ReachOut);
    followUp.text = query.value(3).toString();
    followUp.ownerId = optionalId(query, 4);
    followUp.dueAt = query.value(5).toLongLong();
    followUp.status = parseFollowUpStatus(query.value(6).toString()).value_or(FollowUpStatus::Open);
    followUp.createdAt = query.value(7).toLongLong();
    followUp.closedAt = optionalId(query, 8);
    followUp.trustNoteId = optionalId(query, 9);
    listed.contactName = query.value(10).toString();
    listed.ownerName = query.value(11).toString();
    return listed;
}

QVariant idValue(const std::optional<qint64>& id)
{
    return id ? QVariant(*id) : QVariant();
}

} // namespace

QString FollowUpRepository::validationError(const FollowUp& followUp)
{
    if (followUp.contactId <= 0)
        return QStringLiteral("contact: missing");
    if (followUp.text.trimmed().isEmpty())
        return QStringLiteral("text: a follow-up needs text saying what to do");
    if (followUp.dueAt <= 0)
        return QStringLiteral("due: missing");
    return {};
}

Result<qint64> FollowUpRepository::add(const FollowUp& followUp)
{
    if (const QString problem = validationError(followUp); !problem.isEmpty())
        return Error::badInput(problem);
    const Result<bool> known = ContactRepository(m_db).exists(followUp.contactId);
    if (!known)
        return known.error();
    if (!*known)
        return Error::notFound(QStringLiteral("contact: no contact with id %1").arg(followUp.contactId));
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO follow_ups (contact_id, kind, text, owner_id, due_at, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, 'open', ?)"));
    insert.addBindValue(followUp.contactId);
    insert.addBindValue(followUpKindName(followUp.kind));
    insert.addBindValue(followUp.text.trimmed());
    insert.addBindValue(idValue(followUp.ownerId));
    insert.addBindValue(followUp.dueAt);
    insert.addBindValue(followUp.createdAt > 0 ? followUp.createdAt : Clock::nowSeconds());
    if (Status status = Database::run(insert); !status) {
        if (followUp.ownerId)
            return Error::badInput(QStringLiteral("owner: no team member with id %1").arg(*followUp.ownerId));
        return status.error();
    }
    return insert.lastInsertId().toLongLong();
}

Result<QList<FollowUp>> FollowUpRepository::listForContact(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(selectColumns + QStringLiteral("WHERE f.contact_id = ? ORDER BY f.id"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<FollowUp> followUps;
    while (query.next())
        followUps << listedFrom(query).followUp;
    return followUps;
}

Status FollowUpRepository::restore(const FollowUp& followUp)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO follow_ups (id, contact_id, kind, text, owner_id, due_at, status, created_at, "
        "closed_at, "
        "trust_note_id) VALUES (?, ?, ?, ?, (SELECT id FROM team_members WHERE id = ?), ?, ?, ?, ?, "
        "(SELECT id FROM trust_notes WHERE id = ?))"));
    insert.addBindValue(followUp.id);
    insert.addBindValue(followUp.contactId);
    insert.addBindValue(followUpKindName(followUp.kind));
    insert.addBindValue(followUp.text);
    insert.addBindValue(idValue(followUp.ownerId));
    insert.addBindValue(followUp.dueAt);
    insert.addBindValue(followUpStatusName(followUp.status));
    insert.addBindValue(followUp.createdAt);
    insert.addBindValue(idValue(followUp.closedAt));
    insert.addBindValue(idValue(followUp.trustNoteId));
    return Database::run(insert);
}

Result<FollowUp> FollowUpRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(selectColumns + QStringLiteral("WHERE f.id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no follow-up with id %1").arg(id));
    return listedFrom(query).followUp;
}

Result<QList<ListedFollowUp>> FollowUpRepository::listOpen(const FollowUpFilter& filter) const
{
    QString sql = selectColumns + QStringLiteral("WHERE f.status = 'open'");
    if (filter.ownerId)
        sql += QStringLiteral(" AND f.owner_id = ?");
    if (filter.dueBefore)
        sql += QStringLiteral(" AND f.due_at < ?");
    if (filter.contactId)
        sql += QStringLiteral(" AND f.contact_id = ?");
    sql += QStringLiteral(" ORDER BY f.due_at, f.id");
    QSqlQuery query = m_db.prepare(sql);
    if (filter.ownerId)
        query.addBindValue(*filter.ownerId);
    if (filter.dueBefore)
        query.addBindValue(*filter.dueBefore);
    if (filter.contactId)
        query.addBindValue(*filter.contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ListedFollowUp> listed;
    while (query.next())
        listed.append(listedFrom(query));
    return listed;
}

Result<FollowUp> FollowUpRepository::close(qint64 id, FollowUpStatus status, qint64 at)
{
    if (status == FollowUpStatus::Open)
        return Error::usage(QStringLiteral("a follow-up is closed as done, kept, broken or dropped"));
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    Result<FollowUp> found = get(id);
    if (!found)
        return found.error();
    FollowUp followUp = *found;
    if (followUp.status != FollowUpStatus::Open)
        return Error::badInput(QStringLiteral("follow-up %1 is already closed as %2")
                                   .arg(id)
                                   .arg(followUpStatusName(followUp.status)));
    const bool keptOrBroken = status == FollowUpStatus::Kept || status == FollowUpStatus::Broken;
    if (keptOrBroken && !isCommitment(followUp.kind))
        return Error::badInput(
            QStringLiteral("follow-up %1 is a reach-out, not a commitment: close it as done or dropped")
                .arg(id));
    if (status == FollowUpStatus::Done && isCommitment(followUp.kind))
        return Error::badInput(
            QStringLiteral("follow-up %1 is a commitment: close it as kept, broken or dropped").arg(id));
    followUp.status = status;
    followUp.closedAt = at;
    if (keptOrBroken) {
        TrustNote note;
        note.contactId = followUp.contactId;
        note.createdAt = at;
        note.authorId = followUp.ownerId;
        note.kind = status == FollowUpStatus::Kept ? TrustKind::CommitmentKept : TrustKind::CommitmentBroken;
        note.text = followUp.kind == FollowUpKind::OurCommitment
                        ? QStringLiteral("We promised: %1").arg(followUp.text)
                        : QStringLiteral("They promised: %1").arg(followUp.text);
        const Result<qint64> noteId = TrustNoteRepository(m_db).insert(note);
        if (!noteId)
            return noteId.error();
        followUp.trustNoteId = *noteId;
    }
    QSqlQuery update = m_db.prepare(
        QStringLiteral("UPDATE follow_ups SET status = ?, closed_at = ?, trust_note_id = ? WHERE id = ?"));
    update.addBindValue(followUpStatusName(status));
    update.addBindValue(at);
    update.addBindValue(idValue(followUp.trustNoteId));
    update.addBindValue(id);
    if (Status run = Database::run(update); !run)
        return run.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return followUp;
}

Status FollowUpRepository::remove(qint64 id)
{
    QSqlQuery remove =
        m_db.prepare(QStringLiteral("DELETE FROM follow_ups WHERE id = ? AND status = 'open'"));
    remove.addBindValue(id);
    if (Status run = Database::run(remove); !run)
        return run;
    if (remove.numRowsAffected() != 1)
        return Error::notFound(QStringLiteral("no open follow-up with id %1").arg(id));
    return {};
}

Status FollowUpRepository::reopen(qint64 id)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    const Result<FollowUp> found = get(id);
    if (!found)
        return found.error();
    if (found->status == FollowUpStatus::Open)
        return Error::badInput(QStringLiteral("follow-up %1 is open").arg(id));
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE follow_ups SET status = 'open', closed_at = NULL, trust_note_id = NULL WHERE id = ?"));
    update.addBindValue(id);
    if (Status run = Database::run(update); !run)
        return run;
    if (found->trustNoteId) {
        if (Status removed = TrustNoteRepository(m_db).remove(*found->trustNoteId); !removed)
            return removed;
    }
    return transaction.commit();
}

} // namespace rapport
