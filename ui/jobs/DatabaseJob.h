// SPDX-License-Identifier: GPL-3.0-or-later
// Runs one database job off the UI thread for work the person has to wait for (a bulk edit, its undo and
// redo, saving settings that rebuild every score, a search for duplicates) without a nested event loop:
// start() returns at once and finished() carries the outcome. Until then the application takes no input;
// after a short delay a modal progress dialog (with Cancel where allowed) shows. The job opens its own
// connection on the worker thread: a connection belongs to the thread that opened it.
#pragma once

#include "core/base/Progress.h"
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

class QProgressDialog;
class QWidget;

namespace rapport::ui {

class BackgroundTask;

class DatabaseJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseJob)

public:
    using Job = std::function<Status(Database& db, const ProgressCallback& progress)>;

    enum class Cancel
    {
        Allowed, // a cancelled job rolls back and returns Error::cancelled()
        NotAllowed
    };

    // Opens `databasePath` on a worker thread, gives its writes `attribution` and runs `job` there.
    // `parent` is the window the progress dialog belongs to (the active window when null). The job
    // deletes itself once finished() has been emitted.
    static DatabaseJob* start(const QString& databasePath, const ChangeAttribution& attribution,
                              const QString& label, Job job, Cancel cancel, QWidget* parent);
    ~DatabaseJob() override;

    // Blocks until the job is done and finished() has been emitted (tests; closing the window).
    void wait();

    // How long a job runs before its progress dialog shows; sooner ones show none.
    static constexpr int dialogDelayMs = 300;

signals:
    void finished(const rapport::Status& outcome);

private:
    DatabaseJob(const QString& label, Cancel cancel, QWidget* parent);
    bool eventFilter(QObject* watched, QEvent* event) override;
    void showDialog();
    void finish();

    std::unique_ptr<BackgroundTask> m_task;
    std::unique_ptr<QProgressDialog> m_dialog;
    std::shared_ptr<Status> m_outcome;
    bool m_finished = false;
};

} // namespace rapport::ui
