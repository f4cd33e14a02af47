// SPDX-License-Identifier: GPL-3.0-or-later
// Tags (communities, segments) and which contacts carry them.
#pragma once

#include "core/model/Tag.h"
#include "core/storage/Database.h"

#include <QList>
#include <QStringList>

namespace rapport {

class TagRepository
{
public:
    explicit TagRepository(Database& db)
        : m_db(db)
    {}

    // The id of the tag with this name (case-insensitive), creating it when there is none.
    Result<qint64> ensure(const QString& name);
    Result<QList<Tag>> list() const;
    // The tag with this name (case-insensitive); one that does not exist is refused, listing the tags.
    Result<Tag> byName(const QString& name) const;
    // A prior cadence for contacts with this tag ("family" weekly), in the range of DayRange.h; nullopt
    // removes it. A tag that does not exist is refused (not found, listing the tags), not created.
    Status setCadence(const QString& name, std::optional<double> days);
    Status remove(qint64 id);

    Result<QStringList> tagsOf(qint64 contactId) const;
    // Replaces the contact's tags with these names, creating missing tags. Records no history: its
    // caller, ContactRepository, records the contact's changes as a whole.
    Status setTagsOf(qint64 contactId, const QStringList& names);
    // Add or remove one tag, recording it in the contact's history when the contact's tags change.
    Status addTag(qint64 contactId, const QString& name);
    Status removeTag(qint64 contactId, const QString& name);

private:
    // Whether the contact did not have the tag before.
    Result<bool> link(qint64 contactId, const QString& name);

    Error unknownTag(const QString& name) const;

    Database& m_db;
};

} // namespace rapport
