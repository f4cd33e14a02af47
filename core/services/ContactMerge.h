// SPDX-License-Identifier: GPL-3.0-or-later
// Makes one record of contacts that are one person: the kept contact takes the others' emails, phones,
// handles, tags, conversations and trust notes, its fields are the chosen ones, the others go, and the
// scoring state is rebuilt from the merged log — all in one transaction. What it returns undoes it
// exactly, every contact back under its own ids.
#pragma once

#include "core/model/ContactSnapshot.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"

#include <QList>
#include <optional>

namespace rapport {

class ContactMerge
{
public:
    ContactMerge(Database& db, ScoringEngine& engine)
        : m_db(db)
        , m_engine(engine)
    {}

    // The merged record of `contacts` (the first is kept): its fields where set, else the first other's
    // that is; every method and tag of all of them once; archived only when all are; the earliest
    // creation time.
    static Contact combined(const QList<Contact>& contacts);

    // Merges `otherIds` into `keepId`. `fields` gives the merged name, organization, title, owner and
    // cadence (a dialog's choice); without it, combined() decides. Returns the contacts as they were,
    // the kept one first, for unmerge().
    Result<QList<ContactSnapshot>> merge(qint64 keepId, const QList<qint64>& otherIds,
                                         const std::optional<Contact>& fields = {});

    // Undoes merge(): the merged contact goes and each snapshot's contact comes back with its own
    // methods, tags, log and notes, under its own ids, with its scoring state rebuilt.
    Status unmerge(const QList<ContactSnapshot>& before);

private:
    Database& m_db;
    ScoringEngine& m_engine;
};

} // namespace rapport
