// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/UndoActions.h"

#include "ui/session/DatabaseSession.h"

#include <QAction>
#include <QKeySequence>
#include <QUndoGroup>
#include <QUndoStack>
#include <QWidget>

namespace rapport::ui {

UndoActions::UndoActions(QUndoGroup& group, QWidget& window)
    : QObject(&window)
    , m_group(group)
    , m_window(window)
    , m_undo(new QAction(tr("&Undo"), &window))
    , m_redo(new QAction(tr("&Redo"), &window))
{
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_redo->setObjectName(QStringLiteral("redoAction"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo->setShortcut(QKeySequence::Redo);
    for (QAction* action : {m_undo, m_redo})
        action->setShortcutContext(Qt::ApplicationShortcut);
    connect(m_undo, &QAction::triggered, this, &UndoActions::undo);
    connect(m_redo, &QAction::triggered, this, &UndoActions::redo);
    connect(&m_group, &QUndoGroup::canUndoChanged, this, &UndoActions::update);
    connect(&m_group, &QUndoGroup::canRedoChanged, this, &UndoActions::update);
    connect(&m_group, &QUndoGroup::undoTextChanged, this, &UndoActions::update);
    connect(&m_group, &QUndoGroup::redoTextChanged, this, &UndoActions::update);
    connect(&m_group, &QUndoGroup::activeStackChanged, this, &UndoActions::update);
    update();
}

void UndoActions::setSession(DatabaseSession& session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = &session;
    m_group.addStack(session.undoStack());
    m_group.setActiveStack(session.undoStack());
    connect(&session, &DatabaseSession::busyChanged, this, &UndoActions::update);
    update();
}

void UndoActions::undo()
{
    step(BackgroundCommand::Step::Undo);
}

void UndoActions::redo()
{
    step(BackgroundCommand::Step::Redo);
}

void UndoActions::step(BackgroundCommand::Step step)
{
    QUndoStack* stack = m_group.activeStack();
    const bool undoing = step == BackgroundCommand::Step::Undo;
    if (!stack || (undoing ? !stack->canUndo() : !stack->canRedo()) || (m_session && m_session->isBusy()))
        return;
    if (BackgroundCommand::stepInBackground(*stack, step, &m_window) !=
        BackgroundCommand::Stepping::NotInBackground)
        return;
    if (undoing)
        stack->undo();
    else
        stack->redo();
}

void UndoActions::update()
{
    const bool busy = m_session && m_session->isBusy();
    m_undo->setEnabled(m_group.canUndo() && !busy);
    m_redo->setEnabled(m_group.canRedo() && !busy);
    m_undo->setText(m_group.undoText().isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(m_group.undoText()));
    m_redo->setText(m_group.redoText().isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(m_group.redoText()));
}

} // namespace rapport::ui
