// SPDX-License-Identifier: GPL-3.0-or-later
// The interaction log: SQL for logged conversations. Keeping scores in step is ConversationLog's job.
#pragma once

#include "core/model/Interaction.h"
#include "core/storage/Database.h"

#include <QList>

namespace rapport {

class InteractionRepository
{
public:
    explicit InteractionRepository(Database& db)
        : m_db(db)
    {}

    Result<qint64> insert(const Interaction& interaction);
    // Inserts a deleted interaction again under its own id, so that undo and redo keep referring to it.
    Result<qint64> restore(const Interaction& interaction);
    // Restores many deleted interactions under their own ids through one prepared statement (undo of
    // a bulk delete); their contacts must exist again first.
    Status restoreAll(const QList<Interaction>& interactions);
    Result<Interaction> get(qint64 id) const;
    Status update(const Interaction& interaction);
    Status remove(qint64 id);
    // A contact's interactions, newest first, at most `limit` of them (all when limit <= 0).
    Result<QList<Interaction>> listForContact(qint64 contactId, int limit = 0) const;
    Result<qint64> count() const;

    // Why this interaction cannot be stored, naming the field; empty when it can.
    static QString validationError(const Interaction& interaction);

private:
    Result<qint64> write(const Interaction& interaction, bool keepId);
    Database& m_db;
};

} // namespace rapport
