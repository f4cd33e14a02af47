// SPDX-License-Identifier: GPL-3.0-or-later
// Who owns each contact, which tags it carries and whether it is archived, in memory beside the score
// board, so that the dashboard groups and filters 100k contacts without a query per contact.
#pragma once

#include "core/dashboard/DashboardFilter.h"
#include "core/storage/ContactDirectory.h"

#include <vector>

namespace rapport {

class ContactGroups
{
public:
    static Result<ContactGroups> load(Database& db);

    // Re-reads one contact after a write; drops it when the contact no longer exists.
    Status refresh(Database& db, qint64 contactId);

    // Not archived, and kept by the filter's owner and tag.
    bool keeps(const ContactIndexEntry& entry, const DashboardFilter& filter) const;
    const ContactIndexEntry* find(qint64 contactId) const;
    const std::vector<ContactIndexEntry>& entries() const { return m_entries; }

private:
    std::vector<ContactIndexEntry> m_entries; // in contact id order
};

} // namespace rapport
