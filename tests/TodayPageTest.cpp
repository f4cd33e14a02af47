// SPDX-License-Identifier: GPL-3.0-or-later
// The Today page: a capped list of people to reach out to with why, the follow-ups due, and actions that
// take a row off at once and come back with one undo.
#include "ui/today/TodayPage.h"

#include "core/services/ConversationLog.h"
#include "core/storage/FollowUpRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/reachout/OverdueContactsModel.h"
#include "ui/reachout/ReachOutPage.h"
#include "ui/today/DueFollowUpModel.h"
#include "ui/today/SuggestionModel.h"

#include <QLabel>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace rapport;
using namespace rapport::test;

namespace {

bool suggests(const ui::SuggestionModel& model, qint64 contactId)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.suggestionAt(row)->contactId == contactId)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("Today suggests a capped list with reasons, snooze, dismiss and logging take a row off",
          "[ui][today]")
{
    UiFixture fixture;
    const std::unique_ptr<ui::MainWindow> shown = fixture.openMainWindow();
    ui::MainWindow& window = *shown;
    ui::DatabaseSession& session = *window.session();
    // The day starts here: the window opens on Today.
    CHECK(window.currentPage() == 0);
    window.showPage(1);
    QTest::keyClick(&window, Qt::Key_0, Qt::ControlModifier);
    REQUIRE(window.currentPage() == 0);
    ui::TodayPage& today = *window.findChild<rapport::ui::TodayPage*>();
    today.findChild<QSpinBox*>(QStringLiteral("todayLimit"))->setValue(10);
    QCoreApplication::processEvents();
    ui::SuggestionModel& reachOut = *today.reachOut();
    ModelChecks checks(&reachOut);
    REQUIRE(reachOut.rowCount() > 0);
    CHECK(reachOut.rowCount() <= 10);
    for (int row = 0; row < reachOut.rowCount(); ++row) {
        CHECK_FALSE(reachOut.suggestionAt(row)->reason.isEmpty());
        if (row > 0)
            CHECK(reachOut.suggestionAt(row - 1)->priority >= reachOut.suggestionAt(row)->priority);
    }
    UiFixture::saveScreenshot(window, QStringLiteral("today"));

    const qint64 first = today.currentContactId();
    REQUIRE(first == reachOut.suggestionAt(0)->contactId);
    REQUIRE(today.snoozeCurrent(testNow + 7 * daySeconds));
    QCoreApplication::processEvents();
    CHECK_FALSE(suggests(reachOut, first));
    // Reach out leaves them out too, and says so.
    window.showPage(3);
    ui::OverdueContactsModel& overdue = *window.findChild<rapport::ui::ReachOutPage*>()->model();
    for (int row = 0; row < overdue.rowCount(); ++row)
        CHECK(overdue.contactAt(row) != first);
    CHECK(overdue.heldCount() == 1);
    window.showPage(0);
    QUndoStack& undo = *session.undoStack();
    CHECK(undo.undoText().startsWith(QStringLiteral("Snooze ")));
    undo.undo();
    QCoreApplication::processEvents();
    CHECK(suggests(reachOut, first));

    // The list stays on whom it showed after the snooze; choose the first person again.
    auto* table = today.findChild<QTableView*>(QStringLiteral("todayReachOut"));
    for (int row = 0; row < reachOut.rowCount(); ++row) {
        if (reachOut.suggestionAt(row)->contactId == first)
            table->setCurrentIndex(reachOut.index(row, 0));
    }
    REQUIRE(today.currentContactId() == first);
    REQUIRE(today.dismissCurrent());
    QCoreApplication::processEvents();
    CHECK_FALSE(suggests(reachOut, first));
    undo.undo();
    QCoreApplication::processEvents();
    REQUIRE(suggests(reachOut, first));

    // Logging the conversation (as Enter on the row does, through the log dialog) takes the row off.
    Interaction call;
    call.contactId = first;
    call.occurredAt = testNow - 60;
    call.channel = Channel::Call;
    call.direction = Direction::Mutual;
    require(ConversationLog(session.database(), session.engine()).log(call));
    session.contactTouched(first);
    QCoreApplication::processEvents();
    CHECK_FALSE(suggests(reachOut, first));
}

TEST_CASE("Today lists the follow-ups due and closes them in one undoable step", "[ui][today]")
{
    UiFixture fixture;
    const std::unique_ptr<ui::MainWindow> shown = fixture.openMainWindow();
    ui::MainWindow& window = *shown;
    ui::DatabaseSession& session = *window.session();
    window.showPage(0);
    ui::TodayPage& today = *window.findChild<rapport::ui::TodayPage*>();
    const qint64 contact = today.reachOut()->suggestionAt(0)->contactId;
    ui::DueFollowUpModel& due = *today.followUps();
    ModelChecks checks(&due);
    const int dueBefore = due.rowCount(); // the demo's own
    FollowUp promise;
    promise.contactId = contact;
    promise.kind = FollowUpKind::OurCommitment;
    promise.text = QStringLiteral("Send the meetup slides");
    promise.dueAt = testNow - daySeconds;
    const qint64 id = require(FollowUpRepository(session.database()).add(promise));
    session.contactTouched(contact);
    QCoreApplication::processEvents();

    REQUIRE(due.rowCount() == dueBefore + 1);
    int row = 0;
    while (row < due.rowCount() && due.followUpAt(row)->followUp.id != id)
        ++row;
    REQUIRE(row < due.rowCount());
    CHECK(due.index(row, ui::DueFollowUpModel::DueColumn).data().toString() == QStringLiteral("Yesterday"));
    CHECK(due.index(row, ui::DueFollowUpModel::TextColumn).data().toString() ==
          QStringLiteral("Send the meetup slides"));
    today.findChild<QTableView*>(QStringLiteral("todayFollowUps"))->setCurrentIndex(due.index(row, 0));
    // Someone with a follow-up due is not suggested a second time.
    CHECK_FALSE(suggests(*today.reachOut(), contact));
    UiFixture::saveScreenshot(today, QStringLiteral("today-follow-up"));

    CHECK_FALSE(today.closeCurrentFollowUp(FollowUpStatus::Done)); // a promise is kept or broken
    REQUIRE(today.closeCurrentFollowUp(FollowUpStatus::Kept));
    QCoreApplication::processEvents();
    CHECK(due.rowCount() == dueBefore);
    const FollowUp kept = require(FollowUpRepository(session.database()).get(id));
    CHECK(kept.status == FollowUpStatus::Kept);
    REQUIRE(kept.trustNoteId.has_value());

    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(due.rowCount() == dueBefore + 1);
    CHECK(require(FollowUpRepository(session.database()).get(id)).status == FollowUpStatus::Open);
}

TEST_CASE("Today on an empty database says how to begin", "[ui][today]")
{
    UiFixture fixture(0, 0);
    const std::unique_ptr<ui::MainWindow> window = fixture.openMainWindow();
    REQUIRE(window->currentPage() == 0);
    const auto* summary = window->findChild<rapport::ui::TodayPage*>()->findChild<QLabel*>(
        QStringLiteral("todayReachOutSummary"));
    REQUIRE(summary);
    CHECK(summary->text().contains(QStringLiteral("no contacts yet")));
    CHECK(summary->text().contains(QStringLiteral("Ctrl+Shift+N")));
    CHECK(window->findChild<rapport::ui::TodayPage*>()->reachOut()->rowCount() == 0);
    UiFixture::saveScreenshot(*window, QStringLiteral("today-empty"));
}
