// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ContactRepository.h"

#include "core/base/Clock.h"
#include "core/model/ContactReference.h"
#include "core/model/DayRange.h"
#include "core/model/SingleLineText.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/EventRepository.h"
#include "core/storage/FollowUpRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TrustNoteRepository.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace rapport {

QString ContactRepository::validationError(const Contact& contact)
{
    if (contact.effectiveDisplayName().isEmpty())
        return QStringLiteral("name: must not be empty");
    for (const auto& [field, text] :
         {std::pair{"name", &contact.displayName}, std::pair{"given name", &contact.givenName},
          std::pair{"family name", &contact.familyName}}) {
        if (const QString problem = singleLineTextProblem(*text); !problem.isEmpty())
            return QStringLiteral("%1: %2").arg(QLatin1String(field), problem);
    }
    if (contact.cadenceDays) {
        if (const QString problem = dayRangeProblem(*contact.cadenceDays); !problem.isEmpty())
            return QStringLiteral("cadence: %1").arg(problem);
    }
    for (const ContactMethod& method : contact.methods) {
        QString problem = validateMethodValue(method.kind, method.value);
        if (problem.isEmpty())
            problem = singleLineTextProblem(method.value + method.label);
        if (!problem.isEmpty())
            return QStringLiteral("%1: %2").arg(methodKindName(method.kind), problem);
    }
    for (const QString& tag : contact.tags) {
        if (tag.trimmed().isEmpty())
            return QStringLiteral("tag: must not be empty");
        if (const QString problem = singleLineTextProblem(tag); !problem.isEmpty())
            return QStringLiteral("tag: %1").arg(problem);
    }
    return {};
}

Result<qint64> ContactRepository::create(const Contact& contact)
{
    return write(contact, false);
}

Result<qint64> ContactRepository::restore(const Contact& contact)
{
    return write(contact, true);
}

Result<qint64> ContactRepository::write(const Contact& contact, bool keepId)
{
    if (const QString problem = validationError(contact); !problem.isEmpty())
        return Error::badInput(problem);

    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    if (Status owner = checkOwner(contact.ownerId); !owner)
        return owner.error();
    const qint64 now = Clock::nowSeconds();
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO contacts (id, given_name, family_name, display_name, organization, title, "
        "owner_id, cadence_days,"
        " archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(keepId && contact.id > 0 ? QVariant(contact.id) : QVariant());
    insert.addBindValue(textValue(contact.givenName.trimmed()));
    insert.addBindValue(textValue(contact.familyName.trimmed()));
    insert.addBindValue(contact.effectiveDisplayName());
    insert.addBindValue(textValue(contact.organization.trimmed()));
    insert.addBindValue(textValue(contact.title.trimmed()));
    insert.addBindValue(contact.ownerId ? QVariant(*contact.ownerId) : QVariant());
    insert.addBindValue(contact.cadenceDays ? QVariant(*contact.cadenceDays) : QVariant());
    insert.addBindValue(contact.archived ? 1 : 0);
    insert.addBindValue(contact.createdAt > 0 ? contact.createdAt : now);
    insert.addBindValue(now);
    if (Status status = Database::run(insert); !status)
        return status.error();
    const qint64 id = insert.lastInsertId().toLongLong();
    if (Status methods =
            writeMethods(id, contact.methods, keepId ? SharedMethods::Keep : SharedMethods::Refuse);
        !methods)
        return methods.error();
    if (Status tags = TagRepository(m_db).setTagsOf(id, contact.tags); !tags)
        return tags.error();
    // One entry for the new contact, not one per field: its fields are all there is to it.
    if (Status recorded = ContactChangeLog(m_db).record(id, QLatin1String(changed::contact), {},
                                                        contact.effectiveDisplayName());
        !recorded)
        return recorded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Status ContactRepository::checkOwner(std::optional<qint64> ownerId) const
{
    if (!ownerId)
        return {};
    QSqlQuery member = m_db.prepare(QStringLiteral("SELECT 1 FROM team_members WHERE id = ?"));
    member.addBindValue(*ownerId);
    if (Status status = Database::run(member); !status)
        return status;
    if (!member.next())
        return Error::badInput(QStringLiteral("owner: no team member with id %1").arg(*ownerId));
    return {};
}

Status ContactRepository::writeMethods(qint64 contactId, const QList<ContactMethod>& methods,
                                       SharedMethods shared)
{
    using MethodKey = std::pair<QString, QString>; // kind, normalized value
    // A method this contact shared with another before version 4 (clash > 0) keeps its number through
    // an edit; any other shared one is refused here, inside the write transaction, so that two
    // programs adding the same email at once cannot both succeed.
    QHash<MethodKey, qint64> clashes;
    QSqlQuery held = m_db.prepare(QStringLiteral(
        "SELECT kind, normalized, clash FROM contact_methods WHERE contact_id = ? AND clash > 0"));
    held.addBindValue(contactId);
    if (Status status = Database::run(held); !status)
        return status;
    while (held.next())
        clashes.insert({held.value(0).toString(), held.value(1).toString()}, held.value(2).toLongLong());

    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM contact_methods WHERE contact_id = ?"));
    clear.addBindValue(contactId);
    if (Status status = Database::run(clear); !status)
        return status;
    QSqlQuery holder = m_db.prepare(QStringLiteral(
        "SELECT m.contact_id, c.display_name, (SELECT max(clash) FROM contact_methods"
        " WHERE normalized = m.normalized AND kind = m.kind) FROM contact_methods m"
        " JOIN contacts c ON c.id = m.contact_id WHERE m.normalized = ? AND m.kind = ? LIMIT 1"));
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO contact_methods (contact_id, kind, value, "
                                                   "normalized, label, clash) VALUES (?, ?, ?, ?, ?, ?)"));
    QSet<MethodKey> written;
    for (const ContactMethod& method : methods) {
        const QString kind = methodKindName(method.kind);
        const MethodKey key{kind, normalizeMethodValue(method.kind, method.value)};
        if (written.contains(key))
            continue; // the same address twice is one address
        written.insert(key);
        qint64 clash = clashes.value(key, 0);
        if (clash == 0) {
            holder.bindValue(0, key.second);
            holder.bindValue(1, kind);
            if (Status status = Database::run(holder); !status)
                return status;
            if (holder.next()) {
                if (shared == SharedMethods::Refuse)
                    return Error::badInput(QStringLiteral("%1: '%2' already belongs to contact %3 (%4)")
                                               .arg(kind, method.value.trimmed())
                                               .arg(holder.value(0).toLongLong())
                                               .arg(holder.value(1).toString()));
                clash = holder.value(2).toLongLong() + 1;
            }
            holder.finish();
        }
        insert.bindValue(0, contactId);
        insert.bindValue(1, kind);
        insert.bindValue(2, textValue(method.value.trimmed()));
        insert.bindValue(3, key.second);
        insert.bindValue(4, textValue(method.label.trimmed()));
        insert.bindValue(5, clash);
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

Result<Contact> ContactRepository::get(qint64 id) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, given_name, family_name, display_name, "
                                                  "organization, title, owner_id, cadence_days, archived,"
                                                  " created_at, updated_at FROM contacts WHERE id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
    Contact contact;
    contact.id = query.value(0).toLongLong();
    contact.givenName = query.value(1).toString();
    contact.familyName = query.value(2).toString();
    contact.displayName = query.value(3).toString();
    contact.organization = query.value(4).toString();
    contact.title = query.value(5).toString();
    if (!query.isNull(6))
        contact.ownerId = query.value(6).toLongLong();
    if (!query.isNull(7))
        contact.cadenceDays = query.value(7).toDouble();
    contact.archived = query.value(8).toInt() != 0;
    contact.createdAt = query.value(9).toLongLong();
    contact.updatedAt = query.value(10).toLongLong();

    QSqlQuery methods = m_db.prepare(QStringLiteral(
        "SELECT id, kind, value, label FROM contact_methods WHERE contact_id = ? ORDER BY id"));
    methods.addBindValue(id);
    if (Status status = Database::run(methods); !status)
        return status.error();
    while (methods.next()) {
        const auto kind = parseMethodKind(methods.value(1).toString());
        if (!kind)
            continue;
        contact.methods << ContactMethod{methods.value(0).toLongLong(), *kind, methods.value(2).toString(),
                                         methods.value(3).toString()};
    }
    const Result<QStringList> tags = TagRepository(m_db).tagsOf(id);
    if (!tags)
        return tags.error();
    contact.tags = *tags;
    return contact;
}

Status ContactRepository::update(const Contact& contact)
{
    if (const QString problem = validationError(contact); !problem.isEmpty())
        return Error::badInput(problem);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status owner = checkOwner(contact.ownerId); !owner)
        return owner;
    // The history compares what is stored before and after: the write trims, and drops repeated
    // methods and tags, so what was asked for is not what changed.
    const Result<Contact> before = get(contact.id);
    if (!before)
        return before.error();
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE contacts SET given_name = ?, family_name = ?, display_name = ?, organization = ?, title = ?,"
        " owner_id = ?, cadence_days = ?, archived = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(textValue(contact.givenName.trimmed()));
    update.addBindValue(textValue(contact.familyName.trimmed()));
    update.addBindValue(contact.effectiveDisplayName());
    update.addBindValue(textValue(contact.organization.trimmed()));
    update.addBindValue(textValue(contact.title.trimmed()));
    update.addBindValue(contact.ownerId ? QVariant(*contact.ownerId) : QVariant());
    update.addBindValue(contact.cadenceDays ? QVariant(*contact.cadenceDays) : QVariant());
    update.addBindValue(contact.archived ? 1 : 0);
    update.addBindValue(Clock::nowSeconds());
    update.addBindValue(contact.id);
    if (Status status = Database::run(update); !status)
        return status;
    if (update.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no contact with id %1").arg(contact.id));
    if (Status methods = writeMethods(contact.id, contact.methods, SharedMethods::Refuse); !methods)
        return methods;
    if (Status tags = TagRepository(m_db).setTagsOf(contact.id, contact.tags); !tags)
        return tags;
    const Result<Contact> after = get(contact.id);
    if (!after)
        return after.error();
    if (Status recorded = ContactChangeLog(m_db).recordDifferences(*before, *after); !recorded)
        return recorded;
    return transaction.commit();
}

Result<ContactSnapshot> ContactRepository::snapshot(qint64 id) const
{
    ContactSnapshot snapshot;
    Result<Contact> contact = get(id);
    if (!contact)
        return contact.error();
    snapshot.contact = std::move(*contact);
    Result<QList<Interaction>> interactions = InteractionRepository(m_db).listForContact(id);
    if (!interactions)
        return interactions.error();
    snapshot.interactions = std::move(*interactions);
    std::reverse(snapshot.interactions.begin(), snapshot.interactions.end());
    Result<QList<TrustNote>> notes = TrustNoteRepository(m_db).listForContact(id);
    if (!notes)
        return notes.error();
    snapshot.notes = std::move(*notes);
    Result<QList<qint64>> distinct = DistinctContactRepository(m_db).distinctFrom(id);
    if (!distinct)
        return distinct.error();
    snapshot.distinctFrom = std::move(*distinct);
    Result<QList<FollowUp>> followUps = FollowUpRepository(m_db).listForContact(id);
    if (!followUps)
        return followUps.error();
    snapshot.followUps = std::move(*followUps);
    Result<QList<ContactChange>> changes = ContactChangeLog(m_db).listForContact(id);
    if (!changes)
        return changes.error();
    snapshot.changes = std::move(*changes);
    Result<QStringList> uids = ContactUidRepository(m_db).uidsOf(id);
    if (!uids)
        return uids.error();
    snapshot.vcardUids = std::move(*uids);
    Result<std::optional<ReachOutHold>> hold = ReachOutHoldRepository(m_db).of(id);
    if (!hold)
        return hold.error();
    snapshot.reachOutHold = *hold;
    Result<QList<ContactLink>> links = ContactLinkRepository(m_db).allOf(id);
    if (!links)
        return links.error();
    snapshot.links = std::move(*links);
    Result<QList<EventParticipant>> participations = EventRepository(m_db).participationsOf(id);
    if (!participations)
        return participations.error();
    snapshot.participations = std::move(*participations);
    return snapshot;
}

Status ContactRepository::restore(const ContactSnapshot& snapshot)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Result<qint64> contact = restore(snapshot.contact); !contact)
        return contact.error();
    if (Status restored = InteractionRepository(m_db).restoreAll(snapshot.interactions); !restored)
        return restored;
    TrustNoteRepository notes(m_db);
    for (const TrustNote& note : snapshot.notes) {
        if (Result<qint64> restored = notes.restore(note); !restored)
            return restored.error();
    }
    if (Status distinct = DistinctContactRepository(m_db).restore(snapshot.contact.id, snapshot.distinctFrom);
        !distinct)
        return distinct;
    for (const FollowUp& followUp : snapshot.followUps) {
        if (Status restored = FollowUpRepository(m_db).restore(followUp); !restored)
            return restored;
    }
    if (Status restored = ContactChangeLog(m_db).restore(snapshot.changes); !restored)
        return restored;
    ContactUidRepository uids(m_db);
    for (const QString& uid : snapshot.vcardUids) {
        if (Status kept = uids.add(snapshot.contact.id, uid); !kept)
            return kept;
    }
    if (snapshot.reachOutHold) {
        if (Status held = ReachOutHoldRepository(m_db).restore(*snapshot.reachOutHold); !held)
            return held;
    }
    // Links to contacts that are gone stay out; restoring a deleted group one by one brings back those
    // among them.
    if (Status restored = ContactLinkRepository(m_db).restore(snapshot.links); !restored)
        return restored;
    if (Status restored = EventRepository(m_db).restoreParticipations(snapshot.participations); !restored)
        return restored;
    return transaction.commit();
}

Status ContactRepository::setArchived(qint64 id, bool archived)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    QSqlQuery current = m_db.prepare(QStringLiteral("SELECT archived FROM contacts WHERE id = ?"));
    current.addBindValue(id);
    if (Status status = Database::run(current); !status)
        return status;
    if (!current.next())
        return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
    const bool was = current.value(0).toInt() != 0;
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE contacts SET archived = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(archived ? 1 : 0);
    update.addBindValue(Clock::nowSeconds());
    update.addBindValue(id);
    if (Status status = Database::run(update); !status)
        return status;
    if (was != archived) {
        if (Status recorded =
                ContactChangeLog(m_db).record(id, QStringLiteral("archived"), ContactChangeLog::flagText(was),
                                              ContactChangeLog::flagText(archived));
            !recorded)
            return recorded;
    }
    return transaction.commit();
}

Status ContactRepository::setOwner(qint64 id, std::optional<qint64> ownerId)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    if (Status owner = checkOwner(ownerId); !owner)
        return owner;
    QSqlQuery current = m_db.prepare(QStringLiteral("SELECT owner_id FROM contacts WHERE id = ?"));
    current.addBindValue(id);
    if (Status status = Database::run(current); !status)
        return status;
    if (!current.next())
        return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
    const std::optional<qint64> was =
        current.isNull(0) ? std::nullopt : std::optional<qint64>(current.value(0).toLongLong());
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE contacts SET owner_id = ?, updated_at = ? WHERE id = ?"));
    update.addBindValue(ownerId ? QVariant(*ownerId) : QVariant());
    update.addBindValue(Clock::nowSeconds());
    update.addBindValue(id);
    if (Status status = Database::run(update); !status)
        return status;
    if (was != ownerId) {
        ContactChangeLog changes(m_db);
        const Result<QString> oldOwner = changes.ownerText(was);
        const Result<QString> newOwner = changes.ownerText(ownerId);
        if (!oldOwner || !newOwner)
            return !oldOwner ? oldOwner.error() : newOwner.error();
        if (Status recorded = changes.record(id, QStringLiteral("owner"), *oldOwner, *newOwner); !recorded)
            return recorded;
    }
    return transaction.commit();
}

Status ContactRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM contacts WHERE id = ?"));
    remove.addBindValue(id);
    if (Status status = Database::run(remove); !status)
        return status;
    if (remove.numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
    return {};
}

Result<bool> ContactRepository::exists(qint64 id) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT 1 FROM contacts WHERE id = ?"));
    query.addBindValue(id);
    if (Status status = Database::run(query); !status)
        return status.error();
    return query.next();
}

Result<qint64> ContactRepository::count() const
{
    const Result<QVariant> value = m_db.scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<std::optional<qint64>> ContactRepository::findByMethod(const QString& value,
                                                              std::optional<MethodKind> kind) const
{
    const Result<QList<qint64>> holders = contactsWith(methodLookups(kind, value));
    if (!holders)
        return holders.error();
    if (holders->size() > 1)
        return ContactReference{value.trimmed(), {}, kind, value}.severalMatch(holders->at(0),
                                                                               holders->at(1));
    return holders->isEmpty() ? std::nullopt : std::optional<qint64>(holders->constFirst());
}

Result<QList<qint64>>
ContactRepository::contactsWith(const QList<std::pair<MethodKind, QString>>& lookups) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT DISTINCT contact_id FROM contact_methods WHERE normalized = ? AND kind = ? LIMIT 2"));
    QList<qint64> found;
    for (const auto& [kind, normalized] : lookups) {
        query.bindValue(0, normalized);
        query.bindValue(1, methodKindName(kind));
        if (Status status = Database::run(query); !status)
            return status.error();
        while (query.next() && found.size() < 2) {
            if (const qint64 id = query.value(0).toLongLong(); !found.contains(id))
                found << id;
        }
    }
    return found;
}

Result<qint64> ContactRepository::resolve(const QString& typed) const
{
    const auto asContactError = [](const Error& error) {
        return Error{error.kind, QStringLiteral("contact: %1").arg(error.message)};
    };
    const Result<ContactReference> reference = ContactReference::parse(typed);
    if (!reference)
        return asContactError(reference.error());
    if (reference->id) {
        const Result<bool> found = exists(*reference->id);
        if (!found)
            return found.error();
        if (!*found)
            return asContactError(reference->noSuchId());
        return *reference->id;
    }
    const Result<QList<qint64>> holders = contactsWith(reference->lookups());
    if (!holders)
        return holders.error();
    if (holders->isEmpty())
        return asContactError(reference->noMatch());
    if (holders->size() > 1)
        return asContactError(reference->severalMatch(holders->at(0), holders->at(1)));
    return holders->constFirst();
}

} // namespace rapport
