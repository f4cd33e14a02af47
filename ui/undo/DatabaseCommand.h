// SPDX-License-Identifier: GPL-3.0-or-later
// The base of every undoable edit: a command is born applied (its first write happens before it goes on
// the stack, and only a write that succeeded goes there), and a failed undo or redo is reported once
// and leaves the stack saying what the database holds.
#pragma once

#include "core/base/Result.h"

#include <QUndoCommand>
#include <memory>

class QUndoStack;

namespace rapport::ui {

class DatabaseSession;

class DatabaseCommand : public QUndoCommand
{
public:
    // Applies `command` and, only if that succeeded, puts it on the session's undo stack. A failure is
    // reported through DatabaseSession::errorOccurred (a cancelled edit is not) and returned; the stack is
    // left as it was. The command returned belongs to the stack: read it at once, keep no pointer.
    template <typename Command>
    static Result<const Command*> push(DatabaseSession& session, std::unique_ptr<Command> command)
    {
        const Command* pushed = command.get();
        if (Status applied = pushApplied(session, std::move(command)); !applied)
            return applied.error();
        return pushed;
    }

    // Called by the stack only. The redo that QUndoStack::push() runs writes nothing: the command is
    // already applied.
    void redo() final;
    void undo() final;

protected:
    DatabaseCommand(DatabaseSession& session, const QString& text);
    DatabaseSession& session() const { return m_session; }
    // True while apply() runs before the push; redo() runs it again later.
    bool isFirstRun() const { return m_firstRun; }

    virtual Status apply() = 0;
    virtual Status revert() = 0;

    // For a failure after which the other commands on the stack would act on the wrong records (an id
    // now belongs to someone else): the whole history is cleared, with the message.
    Status historyBroken(const Error& error);
    // True from such a failure until the stack is cleared: meanwhile no command on it may write.
    static bool historyIsBroken(const QUndoStack& stack);

private:
    friend class CommandSequence; // runs its steps' apply() and revert()

    static Status pushApplied(DatabaseSession& session, std::unique_ptr<DatabaseCommand> command);
    void fail(const Error& error);

    DatabaseSession& m_session;
    bool m_firstRun = false;
    bool m_pushing = false;
    bool m_historyBroken = false;
};

} // namespace rapport::ui
