// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/ConversationLog.h"

#include "core/storage/InteractionRepository.h"

namespace rapport {

Result<qint64> ConversationLog::log(const Interaction& interaction)
{
    return write(interaction, false);
}

Result<qint64> ConversationLog::restore(const Interaction& interaction)
{
    return write(interaction, true);
}

Result<qint64> ConversationLog::write(const Interaction& interaction, bool keepId)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    InteractionRepository interactions(m_db);
    const Result<qint64> id = keepId ? interactions.restore(interaction) : interactions.insert(interaction);
    if (!id)
        return id.error();
    if (Status scored = m_engine.interactionAdded(interaction); !scored)
        return scored.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return id;
}

Status ConversationLog::edit(const Interaction& interaction)
{
    InteractionRepository interactions(m_db);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    const Result<Interaction> before = interactions.get(interaction.id);
    if (!before)
        return before.error();
    if (Status updated = interactions.update(interaction); !updated)
        return updated;
    if (Status rebuilt = m_engine.rebuildContact(interaction.contactId); !rebuilt)
        return rebuilt;
    if (before->contactId != interaction.contactId) {
        if (Status rebuilt = m_engine.rebuildContact(before->contactId); !rebuilt)
            return rebuilt;
    }
    return transaction.commit();
}

Status ConversationLog::remove(qint64 interactionId)
{
    InteractionRepository interactions(m_db);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    const Result<Interaction> before = interactions.get(interactionId);
    if (!before)
        return before.error();
    if (Status removed = interactions.remove(interactionId); !removed)
        return removed;
    if (Status rebuilt = m_engine.rebuildContact(before->contactId); !rebuilt)
        return rebuilt;
    return transaction.commit();
}

} // namespace rapport
