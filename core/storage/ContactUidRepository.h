// SPDX-License-Identifier: GPL-3.0-or-later
// The vCard UIDs kept for contacts (schema version 10): an imported card's UID stays with the contact it
// became, so that importing the card again finds that contact, and exporting it writes the same UID.
#pragma once

#include "core/storage/Database.h"

#include <QStringList>
#include <optional>

namespace rapport {

class ContactUidRepository
{
public:
    explicit ContactUidRepository(Database& db)
        : m_db(db)
    {}

    // The contact this UID belongs to, or nullopt.
    Result<std::optional<qint64>> find(const QString& uid) const;
    // The contact's UIDs, the first kept first.
    Result<QStringList> uidsOf(qint64 contactId) const;
    // Keeps `uid` for the contact; a UID of another contact is refused (bad input naming it), one the
    // contact already has is left as it is.
    Status add(qint64 contactId, const QString& uid);

private:
    Database& m_db;
};

} // namespace rapport
