// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts with their methods (emails, phones, handles) and tags. Every write records itself in the
// contact's change history (ContactChangeLog), in its own transaction.
#pragma once

#include "core/model/Contact.h"
#include "core/model/ContactSnapshot.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

class ContactRepository
{
public:
    explicit ContactRepository(Database& db)
        : m_db(db)
    {}

    // Validates and inserts the contact with its methods and tags; returns the new id.
    Result<qint64> create(const Contact& contact);
    // Creates a deleted contact again under its own id (undo and redo).
    Result<qint64> restore(const Contact& contact);
    Result<Contact> get(qint64 id) const;
    // The contact with its methods, tags, interactions (oldest first) and trust notes.
    Result<ContactSnapshot> snapshot(qint64 id) const;
    // Creates a deleted contact again from its snapshot, every row under its own id, in one
    // transaction. The scoring state is the caller's to rebuild.
    Status restore(const ContactSnapshot& snapshot);
    // Replaces every field, method and tag of an existing contact; the history gets one entry per field,
    // method and tag that changed.
    Status update(const Contact& contact);
    Status setArchived(qint64 id, bool archived);
    Status setOwner(qint64 id, std::optional<qint64> ownerId);
    // Deletes the contact and, through the schema's cascades, its log, notes and state.
    Status remove(qint64 id);
    Result<bool> exists(qint64 id) const;
    Result<qint64> count() const;

    // The contact whose method has this normalized value, or nullopt. With a kind, only that kind.
    Result<std::optional<qint64>> findByMethod(const QString& value,
                                               std::optional<MethodKind> kind = {}) const;

    // Resolves what a user typed to name a contact: an id, an email, "service:handle" or a bare handle.
    Result<qint64> resolve(const QString& reference) const;

    // Why this contact cannot be stored as it is, naming the field; empty when it can.
    static QString validationError(const Contact& contact);

private:
    enum class SharedMethods
    {
        Refuse, // an email, phone or handle another contact has is an error naming that contact
        Keep    // restoring a deleted contact: it gets back what it had, even if another has it now
    };
    Result<qint64> write(const Contact& contact, bool keepId);
    // Up to two contacts holding a method under any of these (kind, normalized value) pairs.
    Result<QList<qint64>> contactsWith(const QList<std::pair<MethodKind, QString>>& lookups) const;
    // Told apart from other failures of a write, which must not be blamed on the owner.
    Status checkOwner(std::optional<qint64> ownerId) const;
    Status writeMethods(qint64 contactId, const QList<ContactMethod>& methods, SharedMethods shared);
    Database& m_db;
};

} // namespace rapport
