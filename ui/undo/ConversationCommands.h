// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable changes to the conversation log: logging or deleting a conversation (one the mirror of the
// other), and editing one. Each writes through ConversationLog, so the scores follow.
#pragma once

#include "core/model/Interaction.h"
#include "ui/undo/DatabaseCommand.h"

namespace rapport::ui {

class AddRemoveConversationCommand : public DatabaseCommand
{
public:
    enum class Action
    {
        Log,
        Delete
    };

    AddRemoveConversationCommand(DatabaseSession& session, const Interaction& interaction, Action action);
    // The conversation's id: known once a logged conversation is written. Later commands on the stack
    // refer to it by this id, so undo and redo keep it.
    qint64 interactionId() const { return m_interaction.id; }

protected:
    Status apply() override;
    Status revert() override;

private:
    Status add();
    Status remove();

    Interaction m_interaction;
    Action m_action;
};

class EditConversationCommand : public DatabaseCommand
{
public:
    EditConversationCommand(DatabaseSession& session, const Interaction& before, const Interaction& after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Status write(const Interaction& interaction, qint64 otherContactId);

    Interaction m_before;
    Interaction m_after;
};

} // namespace rapport::ui
