// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ContactBulkEdit.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/TagRepository.h"

namespace rapport {

namespace {

bool hasTag(const QStringList& tags, const QString& tag)
{
    return tags.contains(tag.trimmed(), Qt::CaseInsensitive);
}

} // namespace

Result<QList<qint64>> ContactBulkEdit::addTag(const QList<qint64>& contactIds, const QString& tag,
                                              const ProgressCallback& progress)
{
    if (tag.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("tag: must not be empty"));
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    TagRepository tags(m_db);
    QList<qint64> tagged;
    qint64 done = 0;
    for (const qint64 id : contactIds) {
        if (!reportProgress(progress, done++, contactIds.size()))
            return Error::cancelled();
        const Result<QStringList> current = tags.tagsOf(id);
        if (!current)
            return current.error();
        if (hasTag(*current, tag))
            continue;
        if (Status added = tags.addTag(id, tag); !added)
            return added.error();
        tagged << id;
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return tagged;
}

Status ContactBulkEdit::removeTag(const QList<qint64>& contactIds, const QString& tag,
                                  const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    TagRepository tags(m_db);
    qint64 done = 0;
    for (const qint64 id : contactIds) {
        if (Status removed = tags.removeTag(id, tag); !removed)
            return removed;
        if (!reportProgress(progress, ++done, contactIds.size()))
            return Error::cancelled();
    }
    return transaction.commit();
}

Result<QHash<qint64, std::optional<qint64>>> ContactBulkEdit::assignOwner(const QList<qint64>& contactIds,
                                                                          std::optional<qint64> ownerId,
                                                                          const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    ContactRepository contacts(m_db);
    QHash<qint64, std::optional<qint64>> previous;
    for (const qint64 id : contactIds) {
        const Result<Contact> contact = contacts.get(id);
        if (!contact)
            return contact.error();
        previous.insert(id, contact->ownerId);
        if (Status assigned = contacts.setOwner(id, ownerId); !assigned)
            return assigned.error();
        if (!reportProgress(progress, previous.size(), contactIds.size()))
            return Error::cancelled();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return previous;
}

Status ContactBulkEdit::restoreOwners(const QHash<qint64, std::optional<qint64>>& owners,
                                      const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    ContactRepository contacts(m_db);
    qint64 done = 0;
    for (auto it = owners.constBegin(); it != owners.constEnd(); ++it) {
        if (Status restored = contacts.setOwner(it.key(), it.value()); !restored)
            return restored;
        if (!reportProgress(progress, ++done, owners.size()))
            return Error::cancelled();
    }
    return transaction.commit();
}

Result<QList<qint64>> ContactBulkEdit::setArchived(const QList<qint64>& contactIds, bool archived,
                                                   const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    ContactRepository contacts(m_db);
    QList<qint64> changed;
    qint64 done = 0;
    for (const qint64 id : contactIds) {
        if (!reportProgress(progress, done++, contactIds.size()))
            return Error::cancelled();
        const Result<Contact> contact = contacts.get(id);
        if (!contact)
            return contact.error();
        if (contact->archived == archived)
            continue;
        if (Status set = contacts.setArchived(id, archived); !set)
            return set.error();
        changed << id;
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return changed;
}

Result<QList<ContactSnapshot>> ContactBulkEdit::remove(const QList<qint64>& contactIds,
                                                       const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    ContactRepository contacts(m_db);
    QList<ContactSnapshot> snapshots;
    snapshots.reserve(contactIds.size());
    for (const qint64 id : contactIds) {
        Result<ContactSnapshot> snapshot = contacts.snapshot(id);
        if (!snapshot)
            return snapshot.error();
        // The schema's cascades take the methods, tags, log, notes and scoring state with the contact.
        if (Status removed = contacts.remove(id); !removed)
            return removed.error();
        snapshots << std::move(*snapshot);
        if (!reportProgress(progress, snapshots.size(), contactIds.size()))
            return Error::cancelled();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return snapshots;
}

Status ContactBulkEdit::restore(const QList<ContactSnapshot>& snapshots, const ProgressCallback& progress)
{
    const ChangeSourceScope bulkEdit(m_db, ChangeSource::BulkEdit);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    ContactRepository contacts(m_db);
    qint64 done = 0;
    for (const ContactSnapshot& snapshot : snapshots) {
        if (Status restored = contacts.restore(snapshot); !restored)
            return restored;
        if (Status rebuilt = m_engine.rebuildContact(snapshot.contact.id); !rebuilt)
            return rebuilt;
        if (!reportProgress(progress, ++done, snapshots.size()))
            return Error::cancelled();
    }
    return transaction.commit();
}

} // namespace rapport
