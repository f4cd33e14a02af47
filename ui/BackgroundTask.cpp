#include "BackgroundTask.h"

#include <QApplication>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <memory>

namespace rapport::ui {

namespace {

// Jobs that finish sooner show no dialog at all.
constexpr int dialogDelayMs = 300;
constexpr int pollMs = 50;
constexpr qint64 progressScale = 1 << 30; // QProgressDialog counts in int

} // namespace

Status BackgroundTask::run(const QString& databasePath, const QString& label, const Job& job, Cancel cancel,
                           QWidget* parent)
{
    struct Shared
    {
        std::atomic<qint64> done{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> cancelled{false};
        Status result;
    };
    auto shared = std::make_shared<Shared>();
    // A connection belongs to the thread that opened it, so the worker opens its own.
    const std::unique_ptr<QThread> worker(QThread::create([databasePath, job, shared] {
        Result<std::unique_ptr<Database>> db = Database::open(databasePath);
        if (!db) {
            shared->result = db.error();
            return;
        }
        shared->result = job(**db, [&shared = *shared](qint64 done, qint64 total) {
            shared.done = done;
            shared.total = total;
            return !shared.cancelled;
        });
    }));

    QProgressDialog progress(label, QObject::tr("Cancel"), 0, 0,
                             parent ? parent : QApplication::activeWindow());
    progress.setWindowTitle(QStringLiteral("Rapport"));
    progress.setWindowModality(Qt::ApplicationModal);
    progress.setAutoReset(false);
    progress.setAutoClose(false);
    if (cancel == Cancel::NotAllowed)
        progress.setCancelButton(nullptr);
    QObject::connect(&progress, &QProgressDialog::canceled, [shared] { shared->cancelled = true; });
    QTimer poll;
    poll.setInterval(pollMs);
    QObject::connect(&poll, &QTimer::timeout, [&progress, shared] {
        const qint64 total = shared->total;
        if (total <= 0)
            return;
        progress.setMaximum(static_cast<int>(std::min(total, progressScale)));
        progress.setValue(static_cast<int>(std::min<qint64>(shared->done, progressScale)));
    });

    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    // Until the modal dialog shows, the window still paints but takes no input: no second edit may
    // start while this one runs.
    QTimer::singleShot(dialogDelayMs, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (worker->isRunning()) {
        progress.show();
        poll.start();
        loop.exec();
    }
    worker->wait();
    return shared->result;
}

} // namespace rapport::ui
