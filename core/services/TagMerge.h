// SPDX-License-Identifier: GPL-3.0-or-later
// Makes one tag of tags that are one tag spelled twice ("Core contributors", "core-contributors"): every
// contact that carried any of them carries the kept one, the others go, and the kept tag takes the first
// prior cadence among them when it has none — in one transaction. Scores need no rebuild: a tag's prior
// is read when a score is computed, and the dashboard's weekly rollup follows contact_tags through its
// triggers. What merge() returns undoes it exactly, every tag back under its own id.
#pragma once

#include "core/model/Tag.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace rapport {

struct TagMergeSnapshot
{
    Tag kept;                              // as it was before the merge
    QList<Tag> merged;                     // the tags that went, as they were
    QHash<qint64, QList<qint64>> carriers; // a merged tag's id -> the contacts that carried it
    QList<qint64> newlyTagged;             // the contacts that got the kept tag from the merge
    qint64 carryingAfter = 0;              // how many contacts carry the kept tag after the merge
};

class TagMerge
{
public:
    explicit TagMerge(Database& db)
        : m_db(db)
    {}

    // Merges the tags named `others` into the one named `keep` (names case-insensitive). Each must
    // exist and differ from the others; a name that does not exist is refused, listing the tags.
    Result<TagMergeSnapshot> merge(const QString& keep, const QStringList& others);

    // Undoes merge(): the merged tags come back with their cadences and their contacts, and the kept tag
    // loses what the merge gave it.
    Status unmerge(const TagMergeSnapshot& before);

private:
    Database& m_db;
};

} // namespace rapport
