// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable changes to trust notes: adding or deleting a note (one the mirror of the other), and editing
// one.
#pragma once

#include "core/model/TrustNote.h"
#include "ui/undo/DatabaseCommand.h"

namespace rapport::ui {

class AddRemoveTrustNoteCommand : public DatabaseCommand
{
public:
    enum class Action
    {
        Add,
        Delete
    };

    AddRemoveTrustNoteCommand(DatabaseSession& session, const TrustNote& note, Action action);
    // Known once an added note is written; undo and redo keep it.
    qint64 noteId() const { return m_note.id; }

protected:
    Status apply() override;
    Status revert() override;

private:
    Status add();
    Status remove();

    TrustNote m_note;
    Action m_action;
};

class EditTrustNoteCommand : public DatabaseCommand
{
public:
    EditTrustNoteCommand(DatabaseSession& session, const TrustNote& before, const TrustNote& after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Status write(const TrustNote& note);

    TrustNote m_before;
    TrustNote m_after;
};

} // namespace rapport::ui
