// SPDX-License-Identifier: GPL-3.0-or-later
// Edit > Undo and Edit > Redo, made once for the window and following its undo group's active stack (the
// open database's). A step of a BackgroundCommand runs off the UI thread first and the stack takes it
// afterwards; while the session runs any job, both actions are off.
#pragma once

#include "ui/undo/BackgroundCommand.h"

#include <QObject>
#include <QPointer>

class QAction;
class QUndoGroup;
class QWidget;

namespace rapport::ui {

class DatabaseSession;

class UndoActions : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UndoActions)

public:
    // `window` owns the actions, shows the progress of background steps and takes their shortcuts.
    UndoActions(QUndoGroup& group, QWidget& window);

    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    // The open database: its stack becomes the group's active one and its jobs disable the actions.
    void setSession(DatabaseSession& session);

    void undo();
    void redo();

private:
    void step(BackgroundCommand::Step step);
    void update();

    QUndoGroup& m_group;
    QWidget& m_window;
    QPointer<DatabaseSession> m_session;
    QAction* m_undo;
    QAction* m_redo;
};

} // namespace rapport::ui
