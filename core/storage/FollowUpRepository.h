// SPDX-License-Identifier: GPL-3.0-or-later
// Follow-ups and commitments in the database: adding them, listing the open ones, and closing them, where
// a promise closed as kept or broken writes its trust note in the same transaction.
#pragma once

#include "core/model/FollowUp.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

// An open follow-up with the names a list shows beside it.
struct ListedFollowUp
{
    FollowUp followUp;
    QString contactName;
    QString ownerName;
};

struct FollowUpFilter
{
    std::optional<qint64> ownerId;
    std::optional<qint64> dueBefore; // only those due before this moment
    std::optional<qint64> contactId;
};

class FollowUpRepository
{
public:
    explicit FollowUpRepository(Database& db)
        : m_db(db)
    {}

    Result<qint64> add(const FollowUp& followUp);
    Result<FollowUp> get(qint64 id) const;
    // Open follow-ups, soonest due first.
    Result<QList<ListedFollowUp>> listOpen(const FollowUpFilter& filter = {}) const;
    // Closes an open follow-up at `at`: done or dropped for any, kept or broken for a promise only. Kept and
    // broken write a "commitment kept/broken" trust note about the contact, linked to the follow-up.
    Result<FollowUp> close(qint64 id, FollowUpStatus status, qint64 at);
    // Deletes an open follow-up, undoing add(); a closed one is a record of a promise and stays.
    Status remove(qint64 id);
    // Undoes close(): the follow-up is open again and the trust note its closing wrote is deleted.
    Status reopen(qint64 id);
    // Every follow-up of the contact, open or closed (kept in its snapshot for undo and unmerge).
    Result<QList<FollowUp>> listForContact(qint64 contactId) const;
    // Writes a deleted follow-up again under its own id, as it was; an owner or note that is gone since
    // is left out.
    Status restore(const FollowUp& followUp);

    static QString validationError(const FollowUp& followUp);

private:
    Database& m_db;
};

} // namespace rapport
