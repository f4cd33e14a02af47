// SPDX-License-Identifier: GPL-3.0-or-later
// DatabaseJob runs a job off the UI thread without waiting for it: the outcome comes back through
// finished(), the application takes no input meanwhile, a slow job shows a progress dialog whose Cancel
// stops it, a job that may not be cancelled offers no Cancel, and a session runs one job at a time.
#include "ui/jobs/DatabaseJob.h"

#include "tests/support/TestSupport.h"
#include "tests/support/UiFixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTest>
#include <QThread>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::DatabaseJob;

namespace {

// Lets the event loop run until `job` is done, as the window would, and returns its outcome.
Status outcomeOf(DatabaseJob* job)
{
    REQUIRE(job != nullptr);
    std::optional<Status> outcome;
    QObject::connect(job, &DatabaseJob::finished, [&outcome](const Status& done) { outcome = done; });
    REQUIRE(QTest::qWaitFor([&outcome] { return outcome.has_value(); }, 20000));
    return *outcome;
}

Status slowly(const ProgressCallback& progress, int steps)
{
    for (int step = 0; step < steps; ++step) {
        if (!reportProgress(progress, step, steps))
            return Error::cancelled();
        QThread::msleep(10);
    }
    return {};
}

} // namespace

TEST_CASE("A database job runs on its own connection with the attribution it was given", "[ui][job]")
{
    TempDatabase temp;
    Qt::HANDLE worker = nullptr;
    ChangeSource source = ChangeSource::Edit;
    DatabaseJob* job = DatabaseJob::start(
        temp.path(), ChangeAttribution{std::nullopt, ChangeSource::Undo}, QStringLiteral("Counting"),
        [&worker, &source](Database& db, const ProgressCallback&) -> Status {
            worker = QThread::currentThreadId();
            source = db.changeAttribution().source;
            return db.execute(
                QStringLiteral("INSERT INTO team_members (name, created_at) VALUES ('Kim', 0)"));
        },
        DatabaseJob::Cancel::Allowed, nullptr);
    CHECK(outcomeOf(job).ok());
    CHECK(worker != QThread::currentThreadId());
    CHECK(source == ChangeSource::Undo);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM team_members")) == 1);

    const Status refused = outcomeOf(DatabaseJob::start(
        temp.path(), {}, QStringLiteral("Failing"),
        [](Database&, const ProgressCallback&) -> Status { return Error::badInput(QStringLiteral("no")); },
        DatabaseJob::Cancel::Allowed, nullptr));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == QStringLiteral("no"));
}

TEST_CASE("While a job runs the window paints but takes no input", "[ui][job]")
{
    TempDatabase temp;
    QLineEdit edit;
    edit.show();
    QApplication::setActiveWindow(&edit);
    edit.setFocus();
    QTest::keyClicks(&edit, QStringLiteral("ab"));
    REQUIRE(edit.text() == QStringLiteral("ab"));

    DatabaseJob* job = DatabaseJob::start(
        temp.path(), {}, QStringLiteral("Working"),
        [](Database&, const ProgressCallback& progress) { return slowly(progress, 20); },
        DatabaseJob::Cancel::NotAllowed, &edit);
    QTest::keyClicks(&edit, QStringLiteral("cd"));
    CHECK(edit.text() == QStringLiteral("ab"));
    CHECK(outcomeOf(job).ok());
    QTest::keyClicks(&edit, QStringLiteral("ef"));
    CHECK(edit.text() == QStringLiteral("abef"));
}

TEST_CASE("A slow job shows its progress and stops on Cancel", "[ui][job]")
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
        DatabaseJob::dialogDelayMs * 2);
    QElapsedTimer elapsed;
    elapsed.start();
    const Status stopped = outcomeOf(DatabaseJob::start(
        temp.path(), {}, QStringLiteral("Working"),
        [](Database&, const ProgressCallback& progress) { return slowly(progress, 1000); },
        DatabaseJob::Cancel::Allowed, nullptr));
    CHECK(visit->completed());
    CHECK(cancelOffered);
    REQUIRE_FALSE(stopped.ok());
    CHECK(stopped.error().kind == ErrorKind::Cancelled);
    CHECK(elapsed.elapsed() < 5000);
    CHECK(QApplication::activeModalWidget() == nullptr);

    visit = whenDialogOpens<QProgressDialog>(
        [](QProgressDialog& dialog) { CHECK(dialog.findChild<QPushButton*>() == nullptr); },
        DatabaseJob::dialogDelayMs * 2);
    const Status finished = outcomeOf(DatabaseJob::start(
        temp.path(), {}, QStringLiteral("Undoing"),
        [](Database&, const ProgressCallback& progress) { return slowly(progress, 80); },
        DatabaseJob::Cancel::NotAllowed, nullptr));
    CHECK(visit->completed());
    CHECK(finished.ok());
}

TEST_CASE("A session runs one job at a time", "[ui][job]")
{
    UiFixture fixture(5, 20);
    ui::DatabaseSession& session = fixture.session();
    QList<bool> busy;
    QObject::connect(&session, &ui::DatabaseSession::busyChanged, [&busy](bool now) { busy << now; });
    DatabaseJob* first = session.startJob(
        QStringLiteral("First"),
        [](Database&, const ProgressCallback& progress) { return slowly(progress, 20); },
        DatabaseJob::Cancel::NotAllowed, nullptr);
    REQUIRE(first != nullptr);
    CHECK(session.isBusy());
    CHECK(session.startJob(
              QStringLiteral("Second"), [](Database&, const ProgressCallback&) { return Status(); },
              DatabaseJob::Cancel::NotAllowed, nullptr) == nullptr);
    CHECK(outcomeOf(first).ok());
    CHECK_FALSE(session.isBusy());
    CHECK(busy == QList<bool>{true, false});
    DatabaseJob* next = session.startJob(
        QStringLiteral("Next"), [](Database&, const ProgressCallback&) { return Status(); },
        DatabaseJob::Cancel::NotAllowed, nullptr);
    CHECK(outcomeOf(next).ok());
}
