// SPDX-License-Identifier: GPL-3.0-or-later
// Follow-ups are made where the conversation is: "and follow up in 2 weeks" in the log dialog (one undo
// step with the conversation), Follow up… on the contact page, and "Follow up on this…" in its timeline.
#include "core/storage/FollowUpRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactDetailPanel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/contacts/TimelineModel.h"
#include "ui/followups/FollowUpDialog.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace rapport::test;

namespace {

QList<ListedFollowUp> openFollowUps(Database& db, qint64 contactId)
{
    FollowUpFilter filter;
    filter.contactId = contactId;
    return require(FollowUpRepository(db).listOpen(filter));
}

qint64 conversationCount(Database& db, qint64 contactId)
{
    return require(InteractionRepository(db).listForContact(contactId, 100000)).size();
}

qint64 dueInDays(int days)
{
    return ui::followUpDueAt(QDateTime::fromSecsSinceEpoch(testNow).date().addDays(days));
}

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<Widget*>(QLatin1String(name));
    REQUIRE(widget != nullptr);
    return widget;
}

} // namespace

TEST_CASE("Logging with “follow up in 2 weeks” adds the follow-up in the same undo step", "[ui][followup]")
{
    UiFixture fixture(30, 300);
    const std::unique_ptr<ui::MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    const qint64 contactId = 5;
    const qint64 conversations = conversationCount(db, contactId);
    REQUIRE(openFollowUps(db, contactId).isEmpty());

    auto visit = whenDialogOpens<ui::LogConversationDialog>([](ui::LogConversationDialog& dialog) {
        auto* followUpText = child<QLineEdit>(dialog, "followUpText");
        CHECK_FALSE(followUpText->isEnabled());
        auto* followUpIn = child<QComboBox>(dialog, "followUpIn");
        followUpIn->setCurrentIndex(followUpIn->findData(14));
        CHECK(followUpText->isEnabled());
        QTest::keyClicks(child<QLineEdit>(dialog, "summary"), QStringLiteral("Talked about the meetup"));
        UiFixture::saveScreenshot(dialog, QStringLiteral("log-conversation-follow-up"));
        dialog.accept();
    });
    REQUIRE(window->logConversation(contactId));
    REQUIRE(visit->completed());
    CHECK(conversationCount(db, contactId) == conversations + 1);
    const QList<ListedFollowUp> added = openFollowUps(db, contactId);
    REQUIRE(added.size() == 1);
    const FollowUp followUp = added.front().followUp;
    CHECK(followUp.kind == FollowUpKind::ReachOut);
    CHECK(followUp.text == QStringLiteral("Follow up on “Talked about the meetup”"));
    CHECK(followUp.dueAt == dueInDays(14));

    QUndoStack& undo = *session.undoStack();
    CHECK(undo.undoText().endsWith(QStringLiteral(" and follow up")));
    undo.undo();
    CHECK(conversationCount(db, contactId) == conversations);
    CHECK(openFollowUps(db, contactId).isEmpty());
    undo.redo();
    CHECK(conversationCount(db, contactId) == conversations + 1);
    const QList<ListedFollowUp> again = openFollowUps(db, contactId);
    REQUIRE(again.size() == 1);
    CHECK(again.front().followUp.id == followUp.id);
}

TEST_CASE("Follow up… on the contact page adds a promise that the page then shows", "[ui][followup]")
{
    UiFixture fixture(30, 300);
    const std::unique_ptr<ui::MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    const qint64 contactId = 7;
    window->showPage(1);
    window->findChild<rapport::ui::ContactsPage*>()->selectContact(contactId);
    ui::ContactDetailPanel& panel = *window->findChild<rapport::ui::ContactsPage*>()->detailPanel();
    auto* shown = child<QLabel>(panel, "openFollowUps");
    CHECK_FALSE(shown->isVisible());

    auto refused = whenDialogOpens<ui::FollowUpDialog>([](ui::FollowUpDialog& dialog) {
        dialog.accept();
        CHECK(dialog.isVisible());
        CHECK(dialog.result() != QDialog::Accepted);
        dialog.reject();
    });
    CHECK_FALSE(window->addFollowUp(contactId));
    REQUIRE(refused->completed());

    auto visit = whenDialogOpens<ui::FollowUpDialog>([](ui::FollowUpDialog& dialog) {
        auto* kind = child<QComboBox>(dialog, "followUpKind");
        kind->setCurrentIndex(kind->findData(static_cast<int>(FollowUpKind::OurCommitment)));
        QTest::keyClicks(child<QLineEdit>(dialog, "followUpText"), QStringLiteral("Send the slides"));
        for (QToolButton* quick : dialog.findChildren<QToolButton*>()) {
            if (quick->text() == QStringLiteral("In a week"))
                QTest::mouseClick(quick, Qt::LeftButton);
        }
        UiFixture::saveScreenshot(dialog, QStringLiteral("follow-up-dialog"));
        QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    });
    for (QPushButton* button : panel.findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("Follow &up…"))
            QTest::mouseClick(button, Qt::LeftButton);
    }
    REQUIRE(visit->completed());
    const QList<ListedFollowUp> added = openFollowUps(db, contactId);
    REQUIRE(added.size() == 1);
    CHECK(added.front().followUp.kind == FollowUpKind::OurCommitment);
    CHECK(added.front().followUp.text == QStringLiteral("Send the slides"));
    CHECK(added.front().followUp.dueAt == dueInDays(7));
    QCoreApplication::processEvents();
    CHECK(shown->isVisible());
    CHECK(shown->text().contains(QStringLiteral("Send the slides")));
    CHECK(shown->text().contains(QStringLiteral("our promise")));
    UiFixture::saveScreenshot(panel, QStringLiteral("contact-follow-up"));

    session.undoStack()->undo();
    CHECK(openFollowUps(db, contactId).isEmpty());
    QCoreApplication::processEvents();
    CHECK_FALSE(shown->isVisible());
}

TEST_CASE("Follow up on this… in the timeline starts from the conversation", "[ui][followup]")
{
    UiFixture fixture(30, 300);
    const std::unique_ptr<ui::MainWindow> window = fixture.openMainWindow();
    window->showPage(1);
    window->findChild<rapport::ui::ContactsPage*>()->selectContact(3);
    ui::ContactDetailPanel& panel = *window->findChild<rapport::ui::ContactsPage*>()->detailPanel();
    QListView* timeline = panel.timelineView();
    const auto* model = qobject_cast<const ui::TimelineModel*>(timeline->model());
    REQUIRE(model != nullptr);
    QString summary;
    for (int row = 0; row < model->rowCount() && summary.isEmpty(); ++row) {
        const auto* interaction = std::get_if<Interaction>(model->entryAt(row));
        if (interaction && !interaction->summary.isEmpty()) {
            timeline->setCurrentIndex(model->index(row, 0));
            summary = interaction->summary;
        }
    }
    REQUIRE_FALSE(summary.isEmpty());
    QAction* followUp = nullptr;
    for (QAction* action : timeline->actions()) {
        if (action->text() == QStringLiteral("Follow up on this…"))
            followUp = action;
    }
    REQUIRE(followUp != nullptr);

    auto visit = whenDialogOpens<ui::FollowUpDialog>([&summary](ui::FollowUpDialog& dialog) {
        CHECK(dialog.followUp().contactId == 3);
        CHECK(dialog.followUp().text == QStringLiteral("Follow up on “%1”").arg(summary));
        CHECK(dialog.followUp().dueAt == dueInDays(14));
        dialog.accept();
    });
    followUp->trigger();
    REQUIRE(visit->completed());
    CHECK(openFollowUps(window->session()->database(), 3).size() == 1);
}
