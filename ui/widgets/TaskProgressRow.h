// SPDX-License-Identifier: GPL-3.0-or-later
// A progress bar and its Cancel button for one page's use of a BackgroundTask that several pages share (a
// wizard's dry run and its import): it follows the task only while its page started it, and says when that
// run finished.
#pragma once

#include <QWidget>

class QProgressBar;
class QPushButton;

namespace rapport::ui {

class BackgroundTask;

class TaskProgressRow : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskProgressRow)

public:
    TaskProgressRow(BackgroundTask& task, const QString& cancelText, QWidget* parent = nullptr);

    QPushButton* cancelButton() const { return m_cancel; }
    bool isRunning() const { return m_running; }
    // Shows the row at 0 before its page starts the task.
    void begin();

signals:
    // The run begun by begin() finished; the row is hidden again.
    void finished();

private:
    BackgroundTask& m_task;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    bool m_running = false;
};

} // namespace rapport::ui
