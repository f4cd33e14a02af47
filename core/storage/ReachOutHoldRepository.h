// SPDX-License-Identifier: GPL-3.0-or-later
// Snoozes and dismissals of reach-out suggestions, one per contact: a new one replaces the old.
#pragma once

#include "core/model/ReachOutHold.h"
#include "core/storage/Database.h"

#include <QHash>

namespace rapport {

class ReachOutHoldRepository
{
public:
    explicit ReachOutHoldRepository(Database& db)
        : m_db(db)
    {}

    // Keeps the contact out of suggestions until `until`, which must lie after `now`.
    Status snooze(qint64 contactId, qint64 until, qint64 now);
    // Keeps the contact out of suggestions until a conversation is logged after `now`.
    Status dismiss(qint64 contactId, qint64 now);
    // Lifts the contact's hold; false when there was none.
    Result<bool> lift(qint64 contactId);
    // Writes a hold back as it was (an undo).
    Status restore(const ReachOutHold& hold);

    Result<std::optional<ReachOutHold>> of(qint64 contactId) const;
    Result<QHash<qint64, ReachOutHold>> all() const;

private:
    Status write(const ReachOutHold& hold);

    Database& m_db;
};

} // namespace rapport
