// SPDX-License-Identifier: GPL-3.0-or-later
// Adding, deleting and editing trust notes as undoable commands.
#include "ui/undo/TrustNoteCommands.h"

#include "core/storage/TrustNoteRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

AddRemoveTrustNoteCommand::AddRemoveTrustNoteCommand(DatabaseSession& session, const TrustNote& note,
                                                     Action action)
    : DatabaseCommand(
          session, action == Action::Add
                       ? QCoreApplication::translate("rapport::ui::TrustNoteCommands", "Add trust note")
                       : QCoreApplication::translate("rapport::ui::TrustNoteCommands", "Delete trust note"))
    , m_note(note)
    , m_action(action)
{}

Status AddRemoveTrustNoteCommand::apply()
{
    return m_action == Action::Add ? add() : remove();
}

Status AddRemoveTrustNoteCommand::revert()
{
    return m_action == Action::Add ? remove() : add();
}

Status AddRemoveTrustNoteCommand::add()
{
    TrustNoteRepository notes(session().database());
    if (m_note.id > 0) {
        // Back under its own id, which the other commands on the stack know it by.
        if (const Result<qint64> restored = notes.restore(m_note); !restored)
            return historyBroken(restored.error());
    } else {
        const Result<qint64> inserted = notes.insert(m_note);
        if (!inserted)
            return inserted.error();
        m_note.id = *inserted;
    }
    session().contactTouched(m_note.contactId);
    return {};
}

Status AddRemoveTrustNoteCommand::remove()
{
    if (Status removed = TrustNoteRepository(session().database()).remove(m_note.id); !removed)
        return removed;
    session().contactTouched(m_note.contactId);
    return {};
}

EditTrustNoteCommand::EditTrustNoteCommand(DatabaseSession& session, const TrustNote& before,
                                           const TrustNote& after)
    : DatabaseCommand(session,
                      QCoreApplication::translate("rapport::ui::TrustNoteCommands", "Edit trust note"))
    , m_before(before)
    , m_after(after)
{}

Status EditTrustNoteCommand::apply()
{
    return write(m_after);
}

Status EditTrustNoteCommand::revert()
{
    return write(m_before);
}

Status EditTrustNoteCommand::write(const TrustNote& note)
{
    if (Status updated = TrustNoteRepository(session().database()).update(note); !updated)
        return updated;
    session().contactTouched(note.contactId);
    return {};
}

} // namespace rapport::ui
