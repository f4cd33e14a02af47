// SPDX-License-Identifier: GPL-3.0-or-later
// What contact lists need from the database without holding the contacts table in memory: the ids
// in a requested order, a compact per-contact index for filtering (owner, tags, archived), and the
// displayed fields of just the rows on screen, fetched in batches.
#pragma once

#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>
#include <vector>

namespace rapport {

enum class ContactOrder
{
    Name,
    Organization,
    Owner,
    Tags
};

struct ContactIndexEntry
{
    qint64 id = 0;
    qint64 ownerId = 0; // 0: nobody owns it
    bool archived = false;
    QList<qint64> tagIds;
};

struct ContactRow
{
    qint64 id = 0;
    QString name;
    QString organization;
    QString owner;
    QString tags; // comma-separated, sorted
    QString primaryEmail;
};

class ContactDirectory
{
public:
    explicit ContactDirectory(Database& db)
        : m_db(db)
    {}

    // Every contact's id in this order (ascending); ties broken by id.
    Result<std::vector<qint64>> idsInOrder(ContactOrder order) const;
    // The filter index of every contact, in id order.
    Result<std::vector<ContactIndexEntry>> index() const;
    Result<std::optional<ContactIndexEntry>> indexEntry(qint64 id) const;
    // The contacts that carry the tag.
    Result<QSet<qint64>> carrying(qint64 tagId) const;
    // The displayed fields of these contacts (missing ids are absent from the result).
    Result<QHash<qint64, ContactRow>> rows(const QList<qint64>& ids) const;

private:
    Database& m_db;
};

} // namespace rapport
