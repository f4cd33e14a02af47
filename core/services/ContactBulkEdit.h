// SPDX-License-Identifier: GPL-3.0-or-later
// Edits many contacts at once — add a tag, assign an owner, archive, delete — each edit in one
// transaction (all or nothing; a progress callback that returns false rolls it back), returning what is
// needed to undo it exactly. The contacts' histories record the edits as bulk edits (or as the undo that
// runs them).
#pragma once

#include "core/base/Progress.h"
#include "core/model/ContactSnapshot.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <optional>

namespace rapport {

class ContactBulkEdit
{
public:
    ContactBulkEdit(Database& db, ScoringEngine& engine)
        : m_db(db)
        , m_engine(engine)
    {}

    // Adds the tag to the contacts that lack it and returns those (undo takes it from them only).
    Result<QList<qint64>> addTag(const QList<qint64>& contactIds, const QString& tag,
                                 const ProgressCallback& progress = {});
    Status removeTag(const QList<qint64>& contactIds, const QString& tag,
                     const ProgressCallback& progress = {});

    // Gives the contacts this owner (nullopt: nobody) and returns each one's previous owner.
    Result<QHash<qint64, std::optional<qint64>>> assignOwner(const QList<qint64>& contactIds,
                                                             std::optional<qint64> ownerId,
                                                             const ProgressCallback& progress = {});
    Status restoreOwners(const QHash<qint64, std::optional<qint64>>& owners,
                         const ProgressCallback& progress = {});

    // Archives (or unarchives) the contacts and returns those whose state changed.
    Result<QList<qint64>> setArchived(const QList<qint64>& contactIds, bool archived,
                                      const ProgressCallback& progress = {});

    // Deletes the contacts with their methods, tags, log and notes; returns snapshots for restore().
    Result<QList<ContactSnapshot>> remove(const QList<qint64>& contactIds,
                                          const ProgressCallback& progress = {});
    // Creates deleted contacts again under their own ids, with their log and notes, and rebuilds their
    // scoring state.
    Status restore(const QList<ContactSnapshot>& snapshots, const ProgressCallback& progress = {});

private:
    Database& m_db;
    ScoringEngine& m_engine;
};

} // namespace rapport
