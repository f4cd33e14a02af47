// SPDX-License-Identifier: GPL-3.0-or-later
// Trust notes about contacts: promises kept or broken, shared values, boundaries, concerns.
#pragma once

#include "core/model/TrustNote.h"
#include "core/storage/Database.h"

#include <QHash>
#include <QList>
#include <optional>

namespace rapport {

// A note with the names a list of notes across contacts shows beside it.
struct ListedTrustNote
{
    TrustNote note;
    QString contactName;
    QString authorName;
};

class TrustNoteRepository
{
public:
    explicit TrustNoteRepository(Database& db)
        : m_db(db)
    {}

    Result<qint64> insert(const TrustNote& note);
    // Inserts a deleted note again under its own id (undo and redo).
    Result<qint64> restore(const TrustNote& note);
    Result<TrustNote> get(qint64 id) const;
    Status update(const TrustNote& note);
    Status remove(qint64 id);
    // A contact's notes, newest first.
    Result<QList<TrustNote>> listForContact(qint64 contactId) const;
    // The newest notes across all contacts, optionally of one kind only.
    Result<QList<ListedTrustNote>> listRecent(int limit, std::optional<TrustKind> kind = {}) const;
    // The trust level of the newest note that has one (at the same moment, the one written last).
    Result<std::optional<int>> latestTrustLevel(qint64 contactId) const;
    // The same for every contact that has a level, or for one.
    Result<QHash<qint64, int>> latestTrustLevels(std::optional<qint64> contactId = {}) const;
    Result<qint64> count() const;

    static QString validationError(const TrustNote& note);

private:
    Result<qint64> write(const TrustNote& note, bool keepId);
    Database& m_db;
};

} // namespace rapport
