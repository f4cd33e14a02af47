// SPDX-License-Identifier: GPL-3.0-or-later
// ModalTask waits for a job off the UI thread: the result comes back, a slow job shows a progress dialog
// whose Cancel stops it, and a job that may not be cancelled offers no Cancel.
#include "ui/jobs/ModalTask.h"

#include "tests/support/TestSupport.h"
#include "tests/support/UiFixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::ModalTask;

TEST_CASE("A modal task runs its job on its own connection and returns its result", "[ui][modal]")
{
    TempDatabase temp;
    Qt::HANDLE worker = nullptr;
    const Status done = ModalTask::run(
        temp.path(), QStringLiteral("Counting"),
        [&worker](Database& db, const ProgressCallback&) -> Status {
            worker = QThread::currentThreadId();
            return db.execute(
                QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('Kim', 0)"));
        },
        ModalTask::Cancel::Allowed);
    CHECK(done.ok());
    CHECK(worker != QThread::currentThreadId());
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM team_members")) == 1);

    const Status refused = ModalTask::run(
        temp.path(), QStringLiteral("Failing"),
        [](Database&, const ProgressCallback&) -> Status { return Error::badInput(QStringLiteral("no")); },
        ModalTask::Cancel::Allowed);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == QStringLiteral("no"));
}

TEST_CASE("A slow modal task shows its progress and stops on Cancel", "[ui][modal]")
{
    TempDatabase temp;
    bool cancelOffered = false;
    auto visit = whenDialogOpens<QProgressDialog>(
        [&cancelOffered](QProgressDialog& dialog) {
            CHECK(dialog.labelText() == QStringLiteral("Working"));
            auto* cancel = dialog.findChild<QPushButton*>();
            cancelOffered = cancel != nullptr;
            if (cancel)
                cancel->click();
        },
        600);
    QElapsedTimer elapsed;
    elapsed.start();
    const Status stopped = ModalTask::run(
        temp.path(), QStringLiteral("Working"),
        [](Database&, const ProgressCallback& progress) -> Status {
            for (int step = 0; step < 1000; ++step) {
                if (!reportProgress(progress, step, 1000))
                    return Error::cancelled();
                QThread::msleep(10);
            }
            return {};
        },
        ModalTask::Cancel::Allowed);
    REQUIRE(visit->completed());
    CHECK(cancelOffered);
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().kind == ErrorKind::Cancelled);
    CHECK(elapsed.elapsed() < 5000);

    visit = whenDialogOpens<QProgressDialog>(
        [](QProgressDialog& dialog) { CHECK(dialog.findChild<QPushButton*>() == nullptr); }, 500);
    const Status finished = ModalTask::run(
        temp.path(), QStringLiteral("Undoing"),
        [](Database&, const ProgressCallback& progress) -> Status {
            for (int step = 0; step < 80; ++step) {
                (void)reportProgress(progress, step, 80);
                QThread::msleep(10);
            }
            return {};
        },
        ModalTask::Cancel::NotAllowed);
    REQUIRE(visit->completed());
    CHECK(finished.ok());
}
