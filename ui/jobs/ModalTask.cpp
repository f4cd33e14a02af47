// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/jobs/ModalTask.h"

#include "ui/jobs/BackgroundTask.h"

#include <QApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QTimer>

namespace rapport::ui {

namespace {

// Jobs that finish sooner show no dialog at all.
constexpr int dialogDelayMs = 300;

} // namespace

Status ModalTask::run(const QString& databasePath, const QString& label, const Job& job, Cancel cancel,
                      QWidget* parent)
{
    Status result;
    BackgroundTask task;
    QProgressDialog progress(label, QObject::tr("Cancel"), 0, 0,
                             parent ? parent : QApplication::activeWindow());
    progress.setWindowTitle(QStringLiteral("Rapport"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    if (cancel == Cancel::NotAllowed)
        progress.setCancelButton(nullptr);
    QObject::connect(&progress, &QProgressDialog::canceled, &task, &BackgroundTask::cancel);
    QObject::connect(&task, &BackgroundTask::progressed, &progress, [&progress](int permille) {
        if (permille >= 0) {
            progress.setMaximum(1000);
            progress.setValue(permille);
        }
    });

    QEventLoop loop;
    QObject::connect(&task, &BackgroundTask::finished, &loop, &QEventLoop::quit);
    // A connection belongs to the thread that opened it, so the job opens its own.
    task.start([&result, &databasePath, &job](const ProgressCallback& report) {
        Result<std::unique_ptr<Database>> db = Database::open(databasePath);
        result = db ? job(**db, report) : Status(db.error());
    });
    // Until the modal dialog shows, the window still paints but takes no input: no second edit may
    // start while this one runs.
    QTimer::singleShot(dialogDelayMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (task.isRunning()) {
        progress.show();
        loop.exec();
    }
    task.wait();
    return result;
}

} // namespace rapport::ui
