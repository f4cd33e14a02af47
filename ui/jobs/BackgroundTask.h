// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one long job (an export, an import's check or write) on a worker thread, reports its progress to
// the GUI thread and lets the person cancel it. The job opens its own Database on the worker thread:
// a connection belongs to the thread that opened it.
#pragma once

#include "core/base/Progress.h"

#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

class QProgressBar;
class QThread;

namespace rapport::ui {

class BackgroundTask : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundTask)

public:
    // The job runs on the worker thread; it must call `progress` now and then and stop when it returns
    // false. It keeps its result in state it captured, read once finished() is emitted.
    using Job = std::function<void(const ProgressCallback& progress)>;

    explicit BackgroundTask(QObject* parent = nullptr);
    // Cancels a job still running and waits for it: nothing outlives the task.
    ~BackgroundTask() override;

    // Starts `job`; a task runs one job at a time.
    void start(Job job);
    bool isRunning() const { return m_thread != nullptr; }
    // Asks the job to stop at its next progress report.
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }
    // Blocks until the job has finished and finished() has been emitted (tests, closing a dialog).
    void wait();

signals:
    // Per mille of the work done; -1 while the total is unknown.
    void progressed(int permille);
    void finished();

private:
    void finish();

    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_cancelled = false;
    std::atomic<int> m_permille = -2;
};

// Shows a progressed() value on a bar of 0..1000: a busy bar while the total is unknown (-1).
void showProgress(QProgressBar& bar, int permille);

} // namespace rapport::ui
