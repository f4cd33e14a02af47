// SPDX-License-Identifier: GPL-3.0-or-later
// Undo that cannot lie: a write the database refuses is reported and never shown as done, a failed undo
// leaves the stack agreeing with the database, and a contact whose id went to someone else is not
// brought back over them.
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactEditDialog.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/trustnotes/TrustNoteDialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::MainWindow;

namespace {

// Temporary triggers live on the connection that made them: only the window's own writes are refused.
void refuse(Database& db, const QString& when, const QString& table)
{
    requireOk(db.execute(QStringLiteral("CREATE TEMP TRIGGER refuse_%1 BEFORE %2 ON %1 BEGIN "
                                        "SELECT RAISE(ABORT, 'the disk said no'); END")
                             .arg(table, when)));
}

// Fills the log dialog with a call and saves it.
std::shared_ptr<const DialogVisit> whenLogDialogOpens()
{
    return whenDialogOpens<ui::LogConversationDialog>([](ui::LogConversationDialog& dialog) {
        auto* channel = dialog.findChildren<QComboBox*>().at(0);
        channel->setCurrentIndex(channel->findData(static_cast<int>(Channel::Call)));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("summary")),
                         QStringLiteral("Planned the launch"));
        dialog.accept();
    });
}

// The warning MainWindow shows for an error, read and closed once it is up.
std::shared_ptr<const DialogVisit> whenWarningOpens(QString& text)
{
    return whenDialogOpens<QMessageBox>(
        [&text](QMessageBox& box) {
            text = box.text();
            box.button(QMessageBox::Ok)->click();
        },
        500);
}

qint64 interactionCount(Database& db)
{
    return require(InteractionRepository(db).count());
}

} // namespace

TEST_CASE("A conversation the database refuses is reported, not shown as logged", "[ui][undo]")
{
    UiFixture fixture(40, 400);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    Database& db = window->session()->database();
    QUndoStack& stack = *window->session()->undoStack();
    const qint64 target = window->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(2);
    const qint64 before = interactionCount(db);
    const int steps = stack.count();
    refuse(db, QStringLiteral("INSERT"), QStringLiteral("interactions"));

    QString warning;
    const auto warned = whenWarningOpens(warning);
    const auto logged = whenLogDialogOpens();
    CHECK_FALSE(window->logConversation(target));
    REQUIRE(logged->completed());
    REQUIRE(QTest::qWaitFor([&warned] { return warned->completed(); }));
    CHECK(warning.contains(QStringLiteral("the disk said no")));
    CHECK_FALSE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Logged.")));
    CHECK(stack.count() == steps);
    CHECK_FALSE(stack.canUndo());
    CHECK(interactionCount(db) == before);
}

TEST_CASE("A trust note the database refuses is reported, not shown as added", "[ui][undo]")
{
    UiFixture fixture(40, 400);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    Database& db = window->session()->database();
    QUndoStack& stack = *window->session()->undoStack();
    const qint64 target = window->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(2);
    const qint64 notes = require(TrustNoteRepository(db).count());
    refuse(db, QStringLiteral("INSERT"), QStringLiteral("trust_notes"));

    QString warning;
    const auto warned = whenWarningOpens(warning);
    const auto noted = whenDialogOpens<ui::TrustNoteDialog>([](ui::TrustNoteDialog& dialog) {
        QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(), QStringLiteral("Sent the slides as promised."));
        dialog.accept();
    });
    CHECK_FALSE(window->addTrustNote(target));
    REQUIRE(noted->completed());
    REQUIRE(QTest::qWaitFor([&warned] { return warned->completed(); }));
    CHECK(warning.contains(QStringLiteral("the disk said no")));
    CHECK_FALSE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Trust note added.")));
    CHECK(stack.count() == 0);
    CHECK(require(TrustNoteRepository(db).count()) == notes);
}

TEST_CASE("An undo the database refuses is reported once and the stack agrees with the database",
          "[ui][undo]")
{
    UiFixture fixture(40, 400);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    QUndoStack& stack = *session.undoStack();
    const qint64 target = window->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(2);
    const qint64 before = interactionCount(db);
    const auto logged = whenLogDialogOpens();
    REQUIRE(window->logConversation(target));
    REQUIRE(logged->completed());
    REQUIRE(stack.count() == 1);
    REQUIRE(interactionCount(db) == before + 1);

    refuse(db, QStringLiteral("DELETE"), QStringLiteral("interactions"));
    QSignalSpy reported(&session, &ui::DatabaseSession::errorOccurred);
    QString warning;
    const auto warned = whenWarningOpens(warning);
    undoInWindow(*window);
    REQUIRE(QTest::qWaitFor([&warned] { return warned->completed(); }));
    CHECK(warning.contains(QStringLiteral("the disk said no")));
    QTest::qWait(100);
    CHECK(reported.count() == 1);
    // The conversation is still logged: the stack neither offers to redo it nor holds it as undone.
    CHECK(interactionCount(db) == before + 1);
    CHECK(stack.count() == 0);
    CHECK_FALSE(stack.canRedo());
    CHECK_FALSE(stack.canUndo());
}

TEST_CASE("Undoing a delete whose id went to a newer contact fails and clears the history", "[ui][undo]")
{
    UiFixture fixture(40, 400);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    QUndoStack& stack = *session.undoStack();
    ui::ContactsPage& page = *window->findChild<rapport::ui::ContactsPage*>();
    const qint64 newest = require(db.scalar(QStringLiteral("SELECT max(id) FROM contacts"))).toLongLong();

    // Two steps on the newest contact: an edit, then the delete.
    auto visit = whenDialogOpens<ui::ContactEditDialog>([](ui::ContactEditDialog& dialog) {
        QTest::keyClicks(dialog.findChildren<QLineEdit*>().at(1), QStringLiteral(" Labs"));
        dialog.accept();
    });
    REQUIRE(window->editContact(newest));
    REQUIRE(visit->completed());
    page.selectContact(newest);
    REQUIRE(page.selectedContactIds() == QList<qint64>{newest});
    visit = whenDialogOpens<QMessageBox>([](QMessageBox& box) { box.button(QMessageBox::Yes)->click(); });
    REQUIRE(page.deleteSelection());
    REQUIRE(visit->completed());
    session.waitForJob();
    REQUIRE(stack.count() == 2);

    // Someone else, on another connection, adds a contact: SQLite hands it the deleted contact's id.
    Contact newcomer;
    newcomer.displayName = QStringLiteral("Newcomer Elsewhere");
    const qint64 newcomerId = require(ContactRepository(*fixture.openDatabase()).create(newcomer));
    REQUIRE(newcomerId == newest);

    QSignalSpy reported(&session, &ui::DatabaseSession::errorOccurred);
    QString warning;
    const auto warned = whenWarningOpens(warning);
    undoInWindow(*window);
    REQUIRE(QTest::qWaitFor([&warned] { return warned->completed(); }));
    QTest::qWait(100);
    CHECK(reported.count() == 1);
    CHECK(warning.contains(QStringLiteral("undo history was cleared")));
    // The edit below the delete would now write the old contact's fields over the newcomer.
    CHECK_FALSE(stack.canUndo());
    CHECK_FALSE(stack.canRedo());
    stack.undo();
    const Contact kept = require(ContactRepository(db).get(newcomerId));
    CHECK(kept.displayName == newcomer.displayName);
}

TEST_CASE("Redoing a contact whose id went to a newer contact fails and clears the history", "[ui][undo]")
{
    UiFixture fixture(40, 400);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    QUndoStack& stack = *session.undoStack();

    auto visit = whenDialogOpens<ui::ContactEditDialog>([](ui::ContactEditDialog& dialog) {
        QTest::keyClicks(dialog.findChildren<QLineEdit*>().at(0), QStringLiteral("Grace Hopper"));
        dialog.accept();
    });
    REQUIRE(window->editContact(0));
    REQUIRE(visit->completed());
    const qint64 grace = window->findChild<rapport::ui::ContactsPage*>()->currentContactId();
    REQUIRE(require(ContactRepository(db).get(grace)).displayName == QStringLiteral("Grace Hopper"));
    visit = whenDialogOpens<ui::ContactEditDialog>([](ui::ContactEditDialog& dialog) {
        QTest::keyClicks(dialog.findChildren<QLineEdit*>().at(1), QStringLiteral("US Navy"));
        dialog.accept();
    });
    REQUIRE(window->editContact(grace));
    REQUIRE(visit->completed());
    stack.undo();
    stack.undo();
    REQUIRE_FALSE(require(ContactRepository(db).exists(grace)));

    Contact newcomer;
    newcomer.displayName = QStringLiteral("Newcomer Elsewhere");
    REQUIRE(require(ContactRepository(*fixture.openDatabase()).create(newcomer)) == grace);

    QSignalSpy reported(&session, &ui::DatabaseSession::errorOccurred);
    QString warning;
    const auto warned = whenWarningOpens(warning);
    stack.redo();
    REQUIRE(QTest::qWaitFor([&warned] { return warned->completed(); }));
    QTest::qWait(100);
    CHECK(reported.count() == 1);
    CHECK(warning.contains(QStringLiteral("Grace Hopper cannot be brought back")));
    // The edit above the creation would now write Grace's fields over the newcomer.
    CHECK_FALSE(stack.canRedo());
    stack.redo();
    const Contact kept = require(ContactRepository(db).get(grace));
    CHECK(kept.displayName == newcomer.displayName);
    CHECK(kept.organization.isEmpty());
}
