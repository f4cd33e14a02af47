// SPDX-License-Identifier: GPL-3.0-or-later
// Introductions and acquaintances between contacts (schema version 11, ContactLink.h). Every change is
// recorded in the history of each contact it concerns — the introduced person, the introducer (old and
// new), both people who know each other — inside the change's own transaction.
#pragma once

#include "core/model/ContactLink.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

class ContactLinkRepository
{
public:
    explicit ContactLinkRepository(Database& db)
        : m_db(db)
    {}

    // How a history entry names the other person: "#12 (Ada Lovelace)". The id comes first so that
    // forgetting #12 finds the entries naming it (eraseMentions).
    static QString contactText(qint64 id, const QString& name);

    // Who introduced the contact, whom it introduced and whom it knows, with their names.
    Result<PersonLinks> linksOf(qint64 contactId) const;
    Result<std::optional<ContactLink>> introducerOf(qint64 contactId) const;
    Result<std::optional<ContactLink>> knowsLink(qint64 a, qint64 b) const;
    // Every link with the contact at either end, for its snapshot.
    Result<QList<ContactLink>> allOf(qint64 contactId) const;

    // Records that `introducerId` introduced the contact. The same introducer again takes the new details;
    // another one than the current is refused unless `replace`. Returns the link it replaced, if any.
    Result<std::optional<ContactLink>> setIntroducer(qint64 contactId, qint64 introducerId,
                                                     const LinkDetails& details, bool replace);
    // Returns the removed link; nullopt when the contact had no introducer.
    Result<std::optional<ContactLink>> removeIntroducer(qint64 contactId);
    // Records that the two know each other. When they already did, the link takes the new details and the
    // previous link is returned.
    Result<std::optional<ContactLink>> addKnows(qint64 a, qint64 b, const LinkDetails& details);
    // Returns the removed link; nullopt when they were not linked.
    Result<std::optional<ContactLink>> removeKnows(qint64 a, qint64 b);

    // Puts links back under their own ids where both ends exist and no link in the way took their place
    // (a contact's snapshot after a delete or a merge); records nothing, as the snapshot brings its
    // history back with it.
    Status restore(const QList<ContactLink>& links);
    // After a merge: the links of the merged contacts (`links`, from their snapshots) go to `keepId`. The
    // kept contact's own introducer comes first; links among the merged contacts, and those the kept
    // contact already has, are left out.
    Status carryOver(qint64 keepId, const QList<qint64>& mergedIds, const QList<ContactLink>& links);

    // The contacts who introduced the most active (not archived) people, most first; only introduced
    // people with this owner (0: nobody) and this tag count when they are given.
    Result<QList<Connector>> topConnectors(std::optional<qint64> ownerId, std::optional<qint64> tagId,
                                           int limit) const;

    // Deletes the link entries of other contacts' histories that name this contact (forgetting it).
    Status eraseMentions(qint64 contactId);

private:
    Result<QString> textOf(qint64 contactId) const;
    Status insert(const ContactLink& link);
    // Linking the same two people again keeps the link and takes the new note and date.
    Status updateDetails(qint64 linkId, const LinkDetails& details);
    Status remove(const ContactLink& link);
    Status recordKnows(const ContactLink& link, bool added);

    Database& m_db;
};

} // namespace rapport
