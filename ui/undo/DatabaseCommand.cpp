// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a command's first write before the push and reports what failed afterwards.
#include "ui/undo/DatabaseCommand.h"

#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QUndoStack>
#include <QVariant>

namespace rapport::ui {

namespace {

// Set on the stack from a failure that broke the history until the stack is cleared. Meanwhile no
// command on it may write: each would act on records that are no longer the ones it knew.
constexpr char brokenHistoryProperty[] = "rapportBrokenHistory";

void clearBrokenHistory(QUndoStack& stack)
{
    if (!stack.property(brokenHistoryProperty).toBool())
        return;
    stack.setProperty(brokenHistoryProperty, false);
    stack.clear();
}

} // namespace

DatabaseCommand::DatabaseCommand(DatabaseSession& session, const QString& text)
    : QUndoCommand(text)
    , m_session(session)
{}

Status DatabaseCommand::pushApplied(DatabaseSession& session, std::unique_ptr<DatabaseCommand> command)
{
    QUndoStack& stack = *session.undoStack();
    // A broken history still waiting to be cleared goes now, or the clearing would take this edit along.
    clearBrokenHistory(stack);
    command->m_firstRun = true;
    const Status applied = command->apply();
    command->m_firstRun = false;
    if (!applied) {
        if (applied.error().kind != ErrorKind::Cancelled)
            emit session.errorOccurred(applied.error().message);
        return applied;
    }
    command->m_pushing = true;
    stack.push(command.release());
    return {};
}

void DatabaseCommand::redo()
{
    if (m_pushing) {
        m_pushing = false;
        return;
    }
    if (historyIsBroken(*m_session.undoStack())) {
        setObsolete(true);
        return;
    }
    // The history is append-only: a redo is recorded as a change of its own.
    const ChangeSourceScope redoing(m_session.database(), ChangeSource::Redo);
    if (const Status applied = apply(); !applied)
        fail(applied.error());
    else
        emit m_session.redone(text());
}

void DatabaseCommand::undo()
{
    if (historyIsBroken(*m_session.undoStack())) {
        setObsolete(true);
        return;
    }
    // The history is append-only: an undo records the change back rather than erasing the entry.
    const ChangeSourceScope undoing(m_session.database(), ChangeSource::Undo);
    if (const Status reverted = revert(); !reverted)
        fail(reverted.error());
    else
        emit m_session.undone(text());
}

bool DatabaseCommand::historyIsBroken(const QUndoStack& stack)
{
    return stack.property(brokenHistoryProperty).toBool();
}

Status DatabaseCommand::historyBroken(const Error& error)
{
    m_historyBroken = true;
    return error;
}

void DatabaseCommand::fail(const Error& error)
{
    // The stack drops an obsolete command once undo() or redo() returns: the change stays as the
    // database holds it and the stack no longer offers to undo or redo it.
    setObsolete(true);
    QString message = error.message;
    if (m_historyBroken) {
        m_session.undoStack()->setProperty(brokenHistoryProperty, true);
        message += QStringLiteral("\n\n") +
                   QCoreApplication::translate("rapport::ui::DatabaseCommand",
                                               "The undo history was cleared: its other steps refer to "
                                               "records that are no longer what they were.");
    }
    // The stack still holds this command while it runs; clearing it now would delete the command under
    // the stack's feet, and the report's message box would spin an event loop inside the stack's step.
    // Both wait until the step is over.
    DatabaseSession* session = &m_session;
    QMetaObject::invokeMethod(
        session,
        [session, message] {
            clearBrokenHistory(*session->undoStack());
            emit session->errorOccurred(message);
        },
        Qt::QueuedConnection);
}

} // namespace rapport::ui
