// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dashboard/ContactGroups.h"

#include <algorithm>

namespace rapport {

namespace {

bool byId(const ContactIndexEntry& entry, qint64 id)
{
    return entry.id < id;
}

} // namespace

Result<ContactGroups> ContactGroups::load(Database& db)
{
    Result<std::vector<ContactIndexEntry>> index = ContactDirectory(db).index();
    if (!index)
        return index.error();
    ContactGroups groups;
    groups.m_entries = std::move(index).value();
    return groups;
}

Status ContactGroups::refresh(Database& db, qint64 contactId)
{
    const Result<std::optional<ContactIndexEntry>> entry = ContactDirectory(db).indexEntry(contactId);
    if (!entry)
        return entry.error();
    const auto position = std::lower_bound(m_entries.begin(), m_entries.end(), contactId, byId);
    const bool present = position != m_entries.end() && position->id == contactId;
    if (!entry->has_value()) {
        if (present)
            m_entries.erase(position);
    } else if (present) {
        *position = **entry;
    } else {
        m_entries.insert(position, **entry);
    }
    return {};
}

bool ContactGroups::keeps(const ContactIndexEntry& entry, const DashboardFilter& filter) const
{
    if (entry.archived || !filter.matchesOwner(entry.ownerId))
        return false;
    return !filter.tagId || entry.tagIds.contains(*filter.tagId);
}

const ContactIndexEntry* ContactGroups::find(qint64 contactId) const
{
    const auto position = std::lower_bound(m_entries.begin(), m_entries.end(), contactId, byId);
    return position != m_entries.end() && position->id == contactId ? &*position : nullptr;
}

} // namespace rapport
