// SPDX-License-Identifier: GPL-3.0-or-later
// Possible duplicates and the merge dialog in the desktop app: the pair is proposed, merged with the
// chosen fields in one undoable step, or marked not the same person, also undoable; and a person's data
// exported or forgotten; tags spelled twice made one.
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/TagRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/contacts/DuplicatesDialog.h"
#include "ui/contacts/MergeContactsDialog.h"
#include "ui/contacts/PersonActions.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/BulkContactCommands.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace rapport;
using namespace rapport::test;

namespace {

struct Graces
{
    qint64 fromLinkedIn = 0;
    qint64 fromOutlook = 0;
};

Graces addGraces(ui::DatabaseSession& session)
{
    Database& db = session.database();
    Contact linkedIn;
    linkedIn.displayName = QStringLiteral("Grace Hopper");
    linkedIn.organization = QStringLiteral("US Navy");
    linkedIn.tags << QStringLiteral("Core contributors");
    Contact outlook;
    outlook.displayName = QStringLiteral("Grace Hopper");
    outlook.organization = QStringLiteral("US Navy");
    outlook.title = QStringLiteral("Rear Admiral");
    outlook.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("grace@navy.example"), QString()};
    Graces graces{require(ContactRepository(db).create(linkedIn)),
                  require(ContactRepository(db).create(outlook))};
    ConversationLog log(db, session.engine());
    for (int daysAgo : {3, 20}) {
        Interaction interaction;
        interaction.contactId = graces.fromOutlook;
        interaction.occurredAt = testNow - daysAgo * daySeconds;
        interaction.channel = Channel::Email;
        interaction.direction = Direction::Inbound;
        interaction.summary = QStringLiteral("COBOL talk");
        require(log.log(interaction));
    }
    session.everythingTouched();
    return graces;
}

int rowOfPair(QAbstractItemModel& pairs, const Graces& graces)
{
    for (int row = 0; row < pairs.rowCount(); ++row) {
        if (pairs.index(row, 0).data().toString() ==
                QStringLiteral("Grace Hopper (#%1)").arg(graces.fromLinkedIn) &&
            pairs.index(row, 1).data().toString() ==
                QStringLiteral("Grace Hopper (#%1)").arg(graces.fromOutlook))
            return row;
    }
    return -1;
}

// A contact carrying the tag Grace's LinkedIn record has, spelled as a script would: the pair of spellings
// the dialog offers to merge.
qint64 addOtherSpelling(ui::DatabaseSession& session)
{
    Contact ada;
    ada.displayName = QStringLiteral("Ada Lovelace");
    ada.tags << QStringLiteral("core-contributors");
    const qint64 id = require(ContactRepository(session.database()).create(ada));
    session.everythingTouched();
    return id;
}

// What Possible duplicates would list, found as the dialog finds it: as a job of the session.
std::optional<DuplicateReport> findDuplicates(ui::DatabaseSession& session, QWidget& window)
{
    std::optional<DuplicateReport> found;
    if (!ui::DuplicatesDialog::find(session, &window,
                                    [&found](DuplicateReport report) { found = std::move(report); }))
        return std::nullopt;
    session.waitForJob();
    return found;
}

} // namespace

TEST_CASE("Possible duplicates merges a pair with the chosen fields, undone in one step", "[ui][merge]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    window.resize(1280, 800);
    window.show();
    ui::DatabaseSession& session = *window.session();
    Database& db = session.database();
    const Graces graces = addGraces(session);
    addOtherSpelling(session);
    const qint64 contacts = require(ContactRepository(db).count());

    std::optional<DuplicateReport> report = findDuplicates(session, window);
    REQUIRE(report.has_value());
    ui::DuplicatesDialog duplicates(session, std::move(*report), &window);
    auto* table = duplicates.findChild<QTableView*>(QStringLiteral("duplicatePairs"));
    REQUIRE(table != nullptr);
    const int row = rowOfPair(*table->model(), graces);
    REQUIRE(row >= 0);
    CHECK(table->model()->index(row, 2).data().toString() ==
          QStringLiteral("Same name and organization (US Navy)"));
    table->selectRow(row);
    duplicates.show();
    UiFixture::saveScreenshot(duplicates, QStringLiteral("possible-duplicates"));
    const int pairsBefore = table->model()->rowCount();

    auto visit = whenDialogOpens<ui::MergeContactsDialog>([&](ui::MergeContactsDialog& dialog) {
        // The record with the history keeps its id; each field starts at its most complete value.
        CHECK(dialog.findChild<QRadioButton*>(QStringLiteral("keep1"))->isChecked());
        CHECK(dialog.findChild<QRadioButton*>(QStringLiteral("field2_1"))->isChecked());
        CHECK(dialog.findChild<QRadioButton*>(QStringLiteral("field2_0"))->text() == QStringLiteral("—"));
        CHECK(dialog.findChild<QLabel*>(QStringLiteral("mergeSummary"))
                  ->text()
                  .startsWith(QStringLiteral("The merged contact keeps 1 email, phone or handle, 1 tag, "
                                             "2 conversations and 0 trust notes.")));
        UiFixture::saveScreenshot(dialog, QStringLiteral("merge-contacts"));
        dialog.accept();
    });
    REQUIRE(duplicates.mergeCurrent());
    session.waitForJob();
    REQUIRE(visit->completed());
    CHECK(table->model()->rowCount() == pairsBefore - 1);

    CHECK(require(ContactRepository(db).count()) == contacts - 1);
    CHECK_FALSE(require(ContactRepository(db).exists(graces.fromLinkedIn)));
    const Contact merged = require(ContactRepository(db).get(graces.fromOutlook));
    CHECK(merged.title == QStringLiteral("Rear Admiral"));
    CHECK(merged.tags == QStringList{QStringLiteral("Core contributors")});
    CHECK(window.findChild<rapport::ui::ContactsPage*>()->tableModel()->rowCount() == contacts - 1);
    QUndoStack& undo = *session.undoStack();
    CHECK(undo.undoText() == QStringLiteral("Merge 1 contact into Grace Hopper"));

    undo.undo();
    CHECK(require(ContactRepository(db).count()) == contacts);
    CHECK(require(ContactRepository(db).get(graces.fromLinkedIn)).tags ==
          QStringList{QStringLiteral("Core contributors")});
    CHECK(require(ContactRepository(db).get(graces.fromOutlook)).tags.isEmpty());
    CHECK(window.findChild<rapport::ui::ContactsPage*>()
              ->tableModel()
              ->indexOfContact(graces.fromLinkedIn)
              .isValid());
    undo.redo();
    CHECK(require(ContactRepository(db).count()) == contacts - 1);
    undo.undo();
}

TEST_CASE("Tags spelled alike merge into the most carried spelling or a chosen one, undone in one step",
          "[ui][merge][tags]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    ui::DatabaseSession& session = *window.session();
    Database& db = session.database();
    const Graces graces = addGraces(session);
    const qint64 ada = addOtherSpelling(session);
    const qint64 lin = addOtherSpelling(session);

    std::optional<DuplicateReport> report = findDuplicates(session, window);
    REQUIRE(report.has_value());
    int group = -1;
    for (int i = 0; i < static_cast<int>(report->tags.size()); ++i) {
        if (report->tags[static_cast<size_t>(i)].names().contains(QStringLiteral("core-contributors")))
            group = i;
    }
    REQUIRE(group >= 0);
    ui::DuplicatesDialog duplicates(session, std::move(*report), &window);
    duplicates.show();
    auto* merge = duplicates.findChild<QToolButton*>(QStringLiteral("mergeTags%1").arg(group));
    REQUIRE(merge != nullptr);
    // The demo and two more contacts carry "core-contributors", one "Core contributors": the button
    // keeps the former.
    CHECK(merge->text() == QStringLiteral("Merge into “core-contributors”"));
    REQUIRE(merge->menu() != nullptr);
    CHECK(merge->menu()->actions().size() == 2);

    QTest::mouseClick(merge, Qt::LeftButton, {}, QPoint(8, merge->height() / 2));
    CHECK_FALSE(merge->isVisibleTo(&duplicates));
    CHECK(require(TagRepository(db).tagsOf(graces.fromLinkedIn)) ==
          QStringList{QStringLiteral("core-contributors")});
    CHECK(require(TagRepository(db).tagsOf(ada)) == QStringList{QStringLiteral("core-contributors")});
    CHECK(require(TagRepository(db).tagsOf(lin)) == QStringList{QStringLiteral("core-contributors")});
    QUndoStack& undo = *session.undoStack();
    CHECK(undo.undoText() == QStringLiteral("Merge tags into “core-contributors”"));

    undo.undo();
    CHECK(require(TagRepository(db).tagsOf(graces.fromLinkedIn)) ==
          QStringList{QStringLiteral("Core contributors")});
    CHECK(require(TagRepository(db).tagsOf(ada)) == QStringList{QStringLiteral("core-contributors")});

    // The menu keeps another spelling instead.
    REQUIRE(duplicates.mergeTagGroup(group, QStringLiteral("Core contributors")));
    CHECK(require(TagRepository(db).tagsOf(lin)) == QStringList{QStringLiteral("Core contributors")});
    CHECK(undo.undoText() == QStringLiteral("Merge tags into “Core contributors”"));
}

TEST_CASE("Not the same person: the pair is no longer proposed, until undone", "[ui][merge]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    ui::DatabaseSession& session = *window.session();
    const Graces graces = addGraces(session);

    std::optional<DuplicateReport> report = findDuplicates(session, window);
    REQUIRE(report.has_value());
    ui::DuplicatesDialog duplicates(session, std::move(*report), &window);
    auto* table = duplicates.findChild<QTableView*>(QStringLiteral("duplicatePairs"));
    const int row = rowOfPair(*table->model(), graces);
    REQUIRE(row >= 0);
    table->selectRow(row);
    const int pairsBefore = table->model()->rowCount();
    REQUIRE(duplicates.markCurrentDistinct());
    CHECK(table->model()->rowCount() == pairsBefore - 1);
    CHECK(rowOfPair(*table->model(), graces) < 0);
    const ContactPair pair = DistinctContactRepository::pairOf(graces.fromLinkedIn, graces.fromOutlook);
    CHECK(require(DistinctContactRepository(session.database()).all()).contains(pair));

    std::optional<DuplicateReport> again = findDuplicates(session, window);
    REQUIRE(again.has_value());
    for (const DuplicatePair& found : again->pairs)
        CHECK_FALSE((found.firstId == pair.first && found.secondId == pair.second));

    session.undoStack()->undo();
    CHECK_FALSE(require(DistinctContactRepository(session.database()).all()).contains(pair));
}

TEST_CASE("Export this person writes their document, Forget asks, then erases them for good", "[ui][person]")
{
    UiFixture fixture(120, 1500);
    ui::MainWindow window(fixture.openDatabase());
    window.session()->waitForScores();
    ui::DatabaseSession& session = *window.session();
    Database& db = session.database();
    const Graces graces = addGraces(session);
    ui::PersonActions actions(session, &window);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("grace.json"));
    const QString written = require(actions.writePerson(graces.fromOutlook, path));
    CHECK(written.startsWith(QStringLiteral("Everything about Grace Hopper was written to")));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().contains("\"schema\": \"rapport-person/1\""));

    auto visit = whenDialogOpens<QMessageBox>([](QMessageBox& box) {
        CHECK(
            box.text() ==
            QStringLiteral("Erase Grace Hopper for good: 1 email, phone or handle, 2 conversations, 0 trust "
                           "notes and their scores?"));
        UiFixture::saveScreenshot(box, QStringLiteral("forget-person"));
        box.button(QMessageBox::Cancel)->click();
    });
    CHECK(actions.forgetPerson(graces.fromOutlook).isEmpty());
    REQUIRE(visit->completed());
    CHECK(require(ContactRepository(db).exists(graces.fromOutlook)));

    REQUIRE(
        ui::DatabaseCommand::push(session, std::make_unique<ui::MarkDistinctCommand>(
                                               session, graces.fromLinkedIn, graces.fromOutlook, QString())));
    REQUIRE(session.undoStack()->count() == 1);
    visit = whenDialogOpens<QMessageBox>([](QMessageBox& box) {
        for (QAbstractButton* button : box.buttons()) {
            if (button->text() == QStringLiteral("&Forget"))
                button->click();
        }
    });
    const QString forgotten = actions.forgetPerson(graces.fromOutlook);
    REQUIRE(visit->completed());
    CHECK(forgotten ==
          QStringLiteral("Grace Hopper was forgotten: 1 email, phone or handle, 2 conversations and "
                         "0 trust notes erased."));
    CHECK_FALSE(require(ContactRepository(db).exists(graces.fromOutlook)));
    CHECK_FALSE(window.findChild<rapport::ui::ContactsPage*>()
                    ->tableModel()
                    ->indexOfContact(graces.fromOutlook)
                    .isValid());
    // An undo of the mark, or of anything older, could not bring back what was erased.
    CHECK(session.undoStack()->count() == 0);
}
