// Long jobs off the UI thread: the result comes back, a slow job shows a progress dialog whose Cancel
// stops it, and a job that may not be cancelled offers no Cancel.
#include "BackgroundTask.h"

#include "TestSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::BackgroundTask;

TEST_CASE("A background job runs on its own connection and returns its result", "[ui][background]")
{
    TempDatabase temp;
    Qt::HANDLE worker = nullptr;
    const Status done = BackgroundTask::run(
        temp.path(), QStringLiteral("Counting"),
        [&worker](Database& db, const ProgressCallback&) -> Status {
            worker = QThread::currentThreadId();
            return db.execute(
                QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('Kim', 0)"));
        },
        BackgroundTask::Cancel::Allowed);
    CHECK(done.ok());
    CHECK(worker != QThread::currentThreadId());
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM team_members")) == 1);

    const Status refused = BackgroundTask::run(
        temp.path(), QStringLiteral("Failing"),
        [](Database&, const ProgressCallback&) -> Status { return Error::badInput(QStringLiteral("no")); },
        BackgroundTask::Cancel::Allowed);
    CHECK(refused.error().message == QStringLiteral("no"));
}

TEST_CASE("A slow background job shows its progress and stops on Cancel", "[ui][background]")
{
    TempDatabase temp;
    bool cancelOffered = false;
    QTimer::singleShot(600, [&cancelOffered] {
        auto* dialog = qobject_cast<QProgressDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        CHECK(dialog->labelText() == QStringLiteral("Working"));
        auto* cancel = dialog->findChild<QPushButton*>();
        cancelOffered = cancel != nullptr;
        if (cancel)
            cancel->click();
    });
    QElapsedTimer elapsed;
    elapsed.start();
    const Status stopped = BackgroundTask::run(
        temp.path(), QStringLiteral("Working"),
        [](Database&, const ProgressCallback& progress) -> Status {
            for (int step = 0; step < 1000; ++step) {
                if (!reportProgress(progress, step, 1000))
                    return Error::cancelled();
                QThread::msleep(10);
            }
            return {};
        },
        BackgroundTask::Cancel::Allowed);
    CHECK(cancelOffered);
    CHECK(stopped.error().kind == ErrorKind::Cancelled);
    CHECK(elapsed.elapsed() < 5000);

    QTimer::singleShot(500, [] {
        auto* dialog = qobject_cast<QProgressDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        CHECK(dialog->findChild<QPushButton*>() == nullptr);
    });
    const Status finished = BackgroundTask::run(
        temp.path(), QStringLiteral("Undoing"),
        [](Database&, const ProgressCallback& progress) -> Status {
            for (int step = 0; step < 80; ++step) {
                (void)reportProgress(progress, step, 80);
                QThread::msleep(10);
            }
            return {};
        },
        BackgroundTask::Cancel::NotAllowed);
    CHECK(finished.ok());
}
