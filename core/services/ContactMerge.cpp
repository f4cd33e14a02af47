// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ContactMerge.h"

#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/EventRepository.h"

#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace rapport {

namespace {

bool hasName(const Contact& contact)
{
    return !contact.effectiveDisplayName().trimmed().isEmpty();
}

// The merged list of ids in order, or why it is not a merge.
Result<QList<qint64>> mergeOrder(qint64 keepId, const QList<qint64>& otherIds)
{
    QList<qint64> order{keepId};
    for (const qint64 id : otherIds) {
        if (id == keepId)
            return Error::usage(QStringLiteral("contact %1 cannot be merged into itself").arg(id));
        if (!order.contains(id))
            order << id;
    }
    if (order.size() < 2)
        return Error::usage(QStringLiteral("a merge needs at least one contact besides the one kept"));
    return order;
}

// How the kept contact's history names a merged one: "#12 (Ada Lovelace)".
QString mergedName(const Contact& contact)
{
    return QStringLiteral("#%1 (%2)").arg(contact.id).arg(contact.effectiveDisplayName());
}

} // namespace

Contact ContactMerge::combined(const QList<Contact>& contacts)
{
    Q_ASSERT(!contacts.isEmpty());
    Contact merged = contacts.constFirst();
    QSet<std::pair<int, QString>> methodKeys;
    QSet<QString> tagKeys;
    merged.methods.clear();
    merged.tags.clear();
    for (const Contact& contact : contacts) {
        // A name is one field: a given name from one record beside a family name from another is nobody's.
        if (!hasName(merged) && hasName(contact)) {
            merged.givenName = contact.givenName;
            merged.familyName = contact.familyName;
            merged.displayName = contact.displayName;
        }
        if (merged.organization.trimmed().isEmpty())
            merged.organization = contact.organization;
        if (merged.title.trimmed().isEmpty())
            merged.title = contact.title;
        if (!merged.ownerId)
            merged.ownerId = contact.ownerId;
        if (!merged.cadenceDays)
            merged.cadenceDays = contact.cadenceDays;
        merged.archived = merged.archived && contact.archived;
        merged.createdAt = std::min(merged.createdAt, contact.createdAt);
        for (const ContactMethod& method : contact.methods) {
            const std::pair<int, QString> key{static_cast<int>(method.kind),
                                              normalizeMethodValue(method.kind, method.value)};
            if (methodKeys.contains(key))
                continue;
            methodKeys.insert(key);
            ContactMethod copy = method;
            copy.id = 0;
            merged.methods << copy;
        }
        for (const QString& tag : contact.tags) {
            if (tagKeys.contains(tag.toCaseFolded()))
                continue;
            tagKeys.insert(tag.toCaseFolded());
            merged.tags << tag;
        }
    }
    return merged;
}

Result<QList<ContactSnapshot>> ContactMerge::merge(qint64 keepId, const QList<qint64>& otherIds,
                                                   const std::optional<Contact>& fields)
{
    const Result<QList<qint64>> order = mergeOrder(keepId, otherIds);
    if (!order)
        return order.error();
    const ChangeSourceScope merging(m_db, ChangeSource::Merge);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    ContactRepository contacts(m_db);
    QList<ContactSnapshot> before;
    QList<Contact> records;
    for (const qint64 id : *order) {
        Result<ContactSnapshot> snapshot = contacts.snapshot(id);
        if (!snapshot)
            return snapshot.error();
        records << snapshot->contact;
        before << std::move(*snapshot);
    }

    Contact merged = combined(records);
    if (fields) {
        merged.givenName = fields->givenName;
        merged.familyName = fields->familyName;
        merged.displayName = fields->displayName;
        merged.organization = fields->organization;
        merged.title = fields->title;
        merged.ownerId = fields->ownerId;
        merged.cadenceDays = fields->cadenceDays;
    }
    merged.id = keepId;
    if (const QString problem = ContactRepository::validationError(merged); !problem.isEmpty())
        return Error::badInput(problem);

    // The log, the notes, the follow-ups and the change histories change hands row by row, so their ids
    // (and what the dashboard's rollups count, through the schema's triggers) stay as they were; the vCard
    // UIDs too, so that the merged contact is found by the cards of each record.
    // An event both were in keeps one participation, the kept contact's, before the log changes hands.
    EventRepository events(m_db);
    for (qsizetype i = 1; i < order->size(); ++i) {
        if (Status moved = events.moveParticipations(order->at(i), keepId); !moved)
            return moved.error();
    }
    for (const char* table :
         {"interactions", "trust_notes", "follow_ups", "contact_changes", "contact_uids"}) {
        QSqlQuery move = m_db.prepare(
            QStringLiteral("UPDATE %1 SET contact_id = ? WHERE contact_id = ?").arg(QLatin1String(table)));
        for (qsizetype i = 1; i < order->size(); ++i) {
            move.addBindValue(keepId);
            move.addBindValue(order->at(i));
            if (Status moved = Database::run(move); !moved)
                return moved.error();
        }
    }
    // A snooze or dismissal on Today stays with the person: the kept contact takes the first other's
    // when it has none of its own.
    QSqlQuery hold = m_db.prepare(
        QStringLiteral("UPDATE OR IGNORE reach_out_holds SET contact_id = ? WHERE contact_id = ?"));
    for (qsizetype i = 1; i < order->size(); ++i) {
        hold.addBindValue(keepId);
        hold.addBindValue(order->at(i));
        if (Status moved = Database::run(hold); !moved)
            return moved.error();
    }
    // The others go first, so that their emails, phones and handles are free for the kept contact.
    for (qsizetype i = 1; i < order->size(); ++i) {
        if (Status removed = contacts.remove(order->at(i)); !removed)
            return removed.error();
    }
    ContactChangeLog changes(m_db);
    for (qsizetype i = 1; i < before.size(); ++i) {
        if (Status recorded = changes.record(keepId, QLatin1String(changed::mergedFrom), {},
                                             mergedName(before.at(i).contact));
            !recorded)
            return recorded.error();
    }
    if (Status updated = contacts.update(merged); !updated)
        return updated.error();
    // Someone marked as not this person under one record is not this person under the merged one.
    QList<qint64> distinctFrom;
    for (const ContactSnapshot& snapshot : std::as_const(before)) {
        for (const qint64 id : snapshot.distinctFrom) {
            if (!order->contains(id))
                distinctFrom << id;
        }
    }
    if (Status distinct = DistinctContactRepository(m_db).restore(keepId, distinctFrom); !distinct)
        return distinct.error();
    // Whom the others introduced, who introduced them and whom they know now is the kept contact's; the
    // removal above took their links, the snapshots kept them.
    QList<ContactLink> links;
    for (const ContactSnapshot& snapshot : std::as_const(before))
        links << snapshot.links;
    if (Status linked = ContactLinkRepository(m_db).carryOver(keepId, order->mid(1), links); !linked)
        return linked.error();
    QSqlQuery created = m_db.prepare(QStringLiteral("UPDATE contacts SET created_at = ? WHERE id = ?"));
    created.addBindValue(merged.createdAt);
    created.addBindValue(keepId);
    if (Status dated = Database::run(created); !dated)
        return dated.error();
    if (Status rebuilt = m_engine.rebuildContact(keepId); !rebuilt)
        return rebuilt.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return before;
}

Status ContactMerge::unmerge(const QList<ContactSnapshot>& before)
{
    if (before.isEmpty())
        return {};
    const ChangeSourceScope undoing(m_db, ChangeSource::Undo);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    ContactRepository contacts(m_db);
    ContactChangeLog changes(m_db);
    const qint64 keepId = before.constFirst().contact.id;
    // The kept contact's history goes on from the merge: what the merge recorded stays, and the undo is
    // recorded after it. What came from the others goes back with them.
    Result<QList<ContactChange>> merged = changes.listForContact(keepId);
    if (!merged)
        return merged.error();
    QSet<qint64> restoredIds;
    for (const ContactSnapshot& snapshot : before) {
        for (const ContactChange& change : snapshot.changes)
            restoredIds.insert(change.id);
    }
    QList<ContactChange> sinceMerge;
    for (const ContactChange& change : std::as_const(*merged)) {
        if (!restoredIds.contains(change.id))
            sinceMerge << change;
    }
    // The merged contact takes the moved log and notes with it; each snapshot brings its own back.
    if (Status removed = contacts.remove(keepId); !removed)
        return removed;
    for (const ContactSnapshot& snapshot : before) {
        if (Status restored = contacts.restore(snapshot); !restored)
            return restored;
        if (Status rebuilt = m_engine.rebuildContact(snapshot.contact.id); !rebuilt)
            return rebuilt;
    }
    if (Status restored = changes.restore(sinceMerge); !restored)
        return restored;
    for (qsizetype i = 1; i < before.size(); ++i) {
        if (Status recorded = changes.record(keepId, QLatin1String(changed::mergedFrom),
                                             mergedName(before.at(i).contact), {});
            !recorded)
            return recorded;
    }
    return transaction.commit();
}

} // namespace rapport
