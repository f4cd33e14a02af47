// SPDX-License-Identifier: GPL-3.0-or-later
// BackgroundTask: the job runs off the GUI thread, its progress reaches the GUI thread as per mille,
// Cancel stops it at its next report, and a task going away waits for its job.
#include "ui/jobs/BackgroundTask.h"

#include "tests/support/TestSupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <atomic>

using rapport::ProgressCallback;
using rapport::ui::BackgroundTask;

TEST_CASE("A background task reports progress on the GUI thread and finishes once", "[ui][task]")
{
    BackgroundTask task;
    QSignalSpy progressed(&task, &BackgroundTask::progressed);
    QSignalSpy finished(&task, &BackgroundTask::finished);
    QThread* jobThread = nullptr;
    task.start([&jobThread](const ProgressCallback& progress) {
        jobThread = QThread::currentThread();
        for (int done = 0; done <= 4; ++done)
            progress(done, 4);
        progress(5, 0);
    });
    CHECK(task.isRunning());
    REQUIRE(QTest::qWaitFor([&finished] { return finished.count() == 1; }, 5000));
    CHECK_FALSE(task.isRunning());
    CHECK(jobThread != QThread::currentThread());
    QList<int> values;
    for (const QList<QVariant>& arguments : progressed)
        values << arguments.at(0).toInt();
    CHECK(values == QList<int>{0, 250, 500, 750, 1000, -1}); // -1: the total is unknown
    QTest::qWait(20);
    CHECK(finished.count() == 1);
}

TEST_CASE("Cancel stops a background task's job at its next progress report", "[ui][task]")
{
    std::atomic<qint64> reports = 0;
    BackgroundTask task;
    QSignalSpy finished(&task, &BackgroundTask::finished);
    task.start([&reports](const ProgressCallback& progress) {
        while (progress(++reports, 0))
            QThread::msleep(1);
    });
    REQUIRE(QTest::qWaitFor([&reports] { return reports > 3; }, 5000));
    task.cancel();
    CHECK(task.isCancelled());
    task.wait();
    CHECK(finished.count() == 1);
    CHECK_FALSE(task.isRunning());

    // The same task runs the next job, no longer cancelled.
    bool ran = false;
    task.start([&ran](const ProgressCallback& progress) { ran = progress(1, 1); });
    task.wait();
    CHECK(ran);
    CHECK(finished.count() == 2);
}

TEST_CASE("A background task that goes away cancels its job and waits for it", "[ui][task]")
{
    std::atomic<bool> stopped = false;
    {
        BackgroundTask task;
        task.start([&stopped](const ProgressCallback& progress) {
            while (progress(0, 0))
                QThread::msleep(1);
            stopped = true;
        });
    }
    CHECK(stopped);
}
