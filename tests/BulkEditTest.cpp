// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk edits on the contact list: select several rows, tag, assign, archive or delete them in one
// undoable step, and get every contact back as it was; each contact's history records the edit and its undo.
#include "core/storage/ContactChangeLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactFilterModel.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/session/DatabaseSession.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;

namespace {

// Selects the first `count` rows of the list as Shift+click would.
QList<qint64> selectFirstRows(ui::ContactsPage& page, int count)
{
    QTableView* table = page.tableView();
    table->selectionModel()->setCurrentIndex(page.filterModel()->index(0, 0), QItemSelectionModel::NoUpdate);
    const QItemSelection rows(page.filterModel()->index(0, 0),
                              page.filterModel()->index(count - 1, ui::ContactTableModel::ColumnCount - 1));
    table->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QList<qint64> ids = page.selectedContactIds();
    REQUIRE(ids.size() == count);
    return ids;
}

} // namespace

TEST_CASE("Bulk tag, owner and archive on a selection, each undone in one step", "[ui][bulk]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    window.resize(1280, 800);
    window.show();
    ui::DatabaseSession& session = *window.session();
    Database& db = session.database();
    ui::ContactsPage& page = *window.findChild<rapport::ui::ContactsPage*>();
    CHECK(page.tableView()->selectionMode() == QAbstractItemView::ExtendedSelection);
    QUndoStack& undo = *session.undoStack();

    session.setCurrentMemberId(require(TeamMemberRepository(db).ensure(QStringLiteral("Tagging Member"))));
    QList<qint64> ids = selectFirstRows(page, 5);
    REQUIRE(page.addTagToSelection(QStringLiteral("summit-2026")));
    // Written off the UI thread: the stack has it once the job is done.
    CHECK(session.isBusy());
    CHECK(undo.count() == 0);
    session.waitForJob();
    CHECK(undo.count() == 1);
    // The same people stay selected for the next edit.
    CHECK(page.selectedContactIds() == ids);
    for (const qint64 id : ids)
        CHECK(require(TagRepository(db).tagsOf(id)).contains(QStringLiteral("summit-2026")));
    auto* undoAction = window.findChild<QAction*>(QStringLiteral("undoAction"));
    REQUIRE(undoAction != nullptr);
    CHECK(undoAction->text() == QStringLiteral("&Undo Tag 5 contacts as summit-2026"));
    undoAction->trigger();
    // The undo runs as a job too; until it is done, nothing else may step the stack.
    CHECK(session.isBusy());
    CHECK_FALSE(undoAction->isEnabled());
    CHECK(undo.index() == 1);
    session.waitForJob();
    CHECK(undo.index() == 0);
    CHECK(undoAction->text() == QStringLiteral("&Undo"));
    for (const qint64 id : ids)
        CHECK_FALSE(require(TagRepository(db).tagsOf(id)).contains(QStringLiteral("summit-2026")));
    // The edit and its undo ran on a worker's connection, which carried who "I am" is; both are recorded.
    for (const qint64 id : ids) {
        const QList<ContactChange> changes = require(ContactChangeLog(db).listForContact(id));
        REQUIRE(changes.size() == 2);
        CHECK(changes.at(0).newValue.isEmpty());
        CHECK(changes.at(0).source == ChangeSource::Undo);
        CHECK(changes.at(1).newValue == QStringLiteral("summit-2026"));
        CHECK(changes.at(1).source == ChangeSource::BulkEdit);
        CHECK(changes.at(1).authorName == QStringLiteral("Tagging Member"));
    }

    const qint64 owner = require(TeamMemberRepository(db).ensure(QStringLiteral("Bulk Owner")));
    ids = selectFirstRows(page, 4);
    QHash<qint64, std::optional<qint64>> before;
    for (const qint64 id : ids)
        before.insert(id, require(ContactRepository(db).get(id)).ownerId);
    REQUIRE(page.assignOwnerToSelection(owner));
    session.waitForJob();
    for (const qint64 id : ids)
        CHECK(require(ContactRepository(db).get(id)).ownerId == std::optional<qint64>(owner));
    undoInWindow(window);
    for (const qint64 id : ids)
        CHECK(require(ContactRepository(db).get(id)).ownerId == before.value(id));

    // Archived contacts leave the list unless "Show archived" is on.
    const int shown = page.visibleContactCount();
    ids = selectFirstRows(page, 6);
    // Through Relationship > Selected contacts, as a person would find it.
    QMenu* selection = nullptr;
    for (QMenu* menu : window.menuBar()->findChildren<QMenu*>()) {
        if (menu->title() == QStringLiteral("&Selected contacts"))
            selection = menu;
    }
    REQUIRE(selection != nullptr);
    CHECK(selection->actions() == page.bulkActions());
    QAction* archive = nullptr;
    for (QAction* action : selection->actions()) {
        if (action->text() == QStringLiteral("&Archive selected"))
            archive = action;
    }
    REQUIRE(archive != nullptr);
    archive->trigger();
    session.waitForJob();
    CHECK(page.visibleContactCount() == shown - 6);
    page.showArchivedBox()->setChecked(true);
    CHECK(page.visibleContactCount() == shown);
    page.showArchivedBox()->setChecked(false);
    undoInWindow(window);
    CHECK(page.visibleContactCount() == shown);
    for (const qint64 id : ids)
        CHECK_FALSE(require(ContactRepository(db).get(id)).archived);
    redoInWindow(window);
    CHECK(page.visibleContactCount() == shown - 6);
    // A stack stepped directly (not through Edit > Undo) still undoes: on the session's own connection.
    undo.undo();
    CHECK(page.visibleContactCount() == shown);
}

TEST_CASE("Bulk delete asks with the count and undo brings everything back", "[ui][bulk]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    window.resize(1280, 800);
    window.show();
    ui::DatabaseSession& session = *window.session();
    Database& db = session.database();
    ui::ContactsPage& page = *window.findChild<rapport::ui::ContactsPage*>();
    const qint64 contacts = require(ContactRepository(db).count());
    const qint64 interactions = require(InteractionRepository(db).count());
    const qint64 notes = require(TrustNoteRepository(db).count());

    const QList<qint64> ids = selectFirstRows(page, 7);
    QHash<qint64, double> scores;
    for (const qint64 id : ids)
        scores.insert(id, require(session.engine().score(id, testNow)).score.score);
    UiFixture::saveScreenshot(window, QStringLiteral("bulk-selection"));

    // Cancel first: nothing happens.
    QString asked;
    auto visit = whenDialogOpens<QMessageBox>([&asked](QMessageBox& box) {
        asked = box.text();
        box.button(QMessageBox::Cancel)->click();
    });
    CHECK_FALSE(page.deleteSelection());
    REQUIRE(visit->completed());
    CHECK(asked.contains(QStringLiteral("Delete 7 contacts")));
    CHECK(require(ContactRepository(db).count()) == contacts);

    visit = whenDialogOpens<QMessageBox>([](QMessageBox& box) {
        UiFixture::saveScreenshot(box, QStringLiteral("bulk-delete-confirm"));
        box.button(QMessageBox::Yes)->click();
    });
    REQUIRE(page.deleteSelection());
    REQUIRE(visit->completed());
    session.waitForJob();
    CHECK(require(ContactRepository(db).count()) == contacts - 7);
    CHECK(page.tableModel()->rowCount() == contacts - 7);
    CHECK(require(InteractionRepository(db).count()) < interactions);

    undoInWindow(window);
    CHECK(require(ContactRepository(db).count()) == contacts);
    CHECK(require(InteractionRepository(db).count()) == interactions);
    CHECK(require(TrustNoteRepository(db).count()) == notes);
    CHECK(page.tableModel()->rowCount() == contacts);
    for (const qint64 id : ids) {
        CHECK(page.tableModel()->indexOfContact(id).isValid());
        CHECK(require(session.engine().score(id, testNow)).score.score ==
              Approx(scores.value(id)).margin(1e-9));
    }
    redoInWindow(window);
    CHECK(require(ContactRepository(db).count()) == contacts - 7);
}
