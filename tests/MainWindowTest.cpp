// SPDX-License-Identifier: GPL-3.0-or-later
// The main window driven like a person would: find someone, log a conversation from the keyboard,
// see the score change with its reason, add a trust note, undo and redo.
#include "ui/MainWindow.h"

#include "core/scoring/LogReplay.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/ShortcutsDialog.h"
#include "ui/contacts/ContactDetailPanel.h"
#include "ui/contacts/ContactEditDialog.h"
#include "ui/contacts/ContactFilterModel.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/reachout/OverdueContactsModel.h"
#include "ui/reachout/ReachOutPage.h"
#include "ui/trustnotes/RecentNotesModel.h"
#include "ui/trustnotes/TrustNoteDialog.h"
#include "ui/trustnotes/TrustNotesPage.h"
#include "ui/undo/ConversationCommands.h"
#include "ui/widgets/ContactPicker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::MainWindow;

namespace {

qint64 interactionCount(Database& db)
{
    return require(InteractionRepository(db).count());
}

} // namespace

TEST_CASE("A new user finds a person, logs a conversation and a trust note, and undoes them",
          "[ui][mainwindow]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    Database& db = window.session()->database();
    ui::ContactsPage& contacts = *window.findChild<rapport::ui::ContactsPage*>();
    CHECK(window.windowTitle().startsWith(QStringLiteral("demo.sqlite3")));
    CHECK(contacts.visibleContactCount() == 300);

    contacts.tableView()->setCurrentIndex(contacts.filterModel()->index(2, 0));
    UiFixture::saveScreenshot(window, QStringLiteral("contacts"));

    // Find a person by typing part of their email in the search box.
    const qint64 target = contacts.tableModel()->contactAt(10);
    const Contact person = require(ContactRepository(db).get(target));
    const QString email = person.methods.front().value;
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    CHECK(contacts.searchField()->hasFocus());
    QTest::keyClicks(contacts.searchField(), email.section(QLatin1Char('@'), 0, 0));
    contacts.applySearch();
    REQUIRE(contacts.visibleContactCount() == 1);
    contacts.tableView()->setCurrentIndex(contacts.filterModel()->index(0, 0));
    CHECK(contacts.currentContactId() == target);
    const QString explanationBefore = contacts.detailPanel()->explanationText();

    // Ctrl+L opens the log dialog on the selected person; type a summary, pick a channel, Enter saves.
    const qint64 before = interactionCount(db);
    auto visit = whenDialogOpens<ui::LogConversationDialog>([](ui::LogConversationDialog& dialog) {
        auto* channel = dialog.findChildren<QComboBox*>().at(0);
        channel->setCurrentIndex(channel->findData(static_cast<int>(Channel::Call)));
        auto* summary = dialog.findChild<QLineEdit*>(QStringLiteral("summary"));
        QTest::keyClicks(summary, QStringLiteral("Talked about the 2.0 release"));
        UiFixture::saveScreenshot(dialog, QStringLiteral("log-conversation"));
        QTest::keyClick(summary, Qt::Key_Return);
    });
    REQUIRE(window.logConversation(target));
    REQUIRE(visit->completed());
    CHECK(interactionCount(db) == before + 1);
    const Interaction logged = require(InteractionRepository(db).listForContact(target, 1)).front();
    CHECK(logged.summary == QStringLiteral("Talked about the 2.0 release"));
    CHECK(logged.channel == Channel::Call);
    const QString explanationAfter = contacts.detailPanel()->explanationText();
    CHECK(explanationAfter.startsWith(QStringLiteral("Last contact today")));
    CHECK(explanationAfter != explanationBefore);

    // A trust note from the keyboard.
    visit = whenDialogOpens<ui::TrustNoteDialog>([](ui::TrustNoteDialog& dialog) {
        auto* level = dialog.findChildren<QComboBox*>().at(1);
        level->setCurrentIndex(5);
        QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(),
                         QStringLiteral("Kept their promise to review the talk."));
        UiFixture::saveScreenshot(dialog, QStringLiteral("trust-note"));
        dialog.accept();
    });
    REQUIRE(window.addTrustNote(target));
    REQUIRE(visit->completed());
    CHECK(require(TrustNoteRepository(db).latestTrustLevel(target)) == std::optional<int>(5));
    UiFixture::saveScreenshot(window, QStringLiteral("contact-page"));

    // Undo both, then redo the conversation.
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(require(TrustNoteRepository(db).latestTrustLevel(target)) != std::optional<int>(5));
    CHECK(window.statusBar()->currentMessage().startsWith(QStringLiteral("Undone: ")));
    QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
    CHECK(interactionCount(db) == before);
    CHECK(contacts.detailPanel()->explanationText() == explanationBefore);
    const QString undoneLog = window.statusBar()->currentMessage();
    CHECK(undoneLog.startsWith(QStringLiteral("Undone: ")));
    window.session()->undoStack()->redo();
    CHECK(interactionCount(db) == before + 1);
    CHECK(window.statusBar()->currentMessage() ==
          QStringLiteral("Redone: %1.").arg(window.session()->undoStack()->undoText()));
    CHECK(contacts.detailPanel()->explanationText().startsWith(QStringLiteral("Last contact today")));
}

TEST_CASE("The log dialog finds a contact as you type and refuses to save without one", "[ui][log]")
{
    UiFixture fixture;
    ui::DatabaseSession& session = fixture.session();
    ui::LogConversationDialog dialog(session, 0);
    dialog.show();
    auto* picker = dialog.findChild<ui::ContactPicker*>();
    REQUIRE(picker != nullptr);
    CHECK(dialog.focusWidget() == picker);

    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.isVisible());

    const Contact someone = require(ContactRepository(session.database()).get(42));
    QTest::keyClicks(picker, someone.familyName.left(4));
    QAbstractItemView* popup = picker->completer()->popup();
    REQUIRE(QTest::qWaitFor([popup] { return popup->model()->rowCount() > 0; }));
    int pick = -1;
    for (int row = 0; row < popup->model()->rowCount(); ++row) {
        if (popup->model()->index(row, 0).data().toString().startsWith(someone.displayName))
            pick = row;
    }
    REQUIRE(pick >= 0);
    emit picker->completer()->activated(popup->model()->index(pick, 0));
    CHECK(picker->contactId() == 42);
    const Interaction entered = dialog.interaction();
    CHECK(entered.contactId == picker->contactId());
    CHECK(entered.occurredAt == testNow);
}

TEST_CASE("After a trust note the status bar says whether trust counts toward the score", "[ui][trust]")
{
    const auto addNote = [](MainWindow& window, qint64 contactId, const QString& name) {
        const auto visit = whenDialogOpens<ui::TrustNoteDialog>([name](ui::TrustNoteDialog& dialog) {
            bool named = false;
            for (QLabel* label : dialog.findChildren<QLabel*>())
                named = named || (label->isVisible() && label->text().contains(name));
            CHECK(named);
            dialog.findChildren<QComboBox*>().at(1)->setCurrentIndex(5);
            QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(),
                             QStringLiteral("Reviewed the talk as promised."));
            UiFixture::saveScreenshot(dialog, QStringLiteral("trust-note-named"));
            dialog.accept();
        });
        REQUIRE(window.addTrustNote(contactId));
        REQUIRE(visit->completed());
        return window.statusBar()->currentMessage();
    };

    SECTION("trust weight 0: the message points to the setting")
    {
        UiFixture fixture;
        const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
        const qint64 target = shown->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(3);
        const QString name = require(ContactRepository(shown->session()->database()).get(target)).displayName;
        const QString message = addNote(*shown, target, name);
        CHECK(message.startsWith(QStringLiteral("Trust note added.")));
        CHECK(message.contains(QStringLiteral("Edit > Settings")));
    }
    SECTION("trust weight set: the message gives the new score")
    {
        UiFixture fixture;
        {
            const std::unique_ptr<Database> db = fixture.openDatabase();
            ScoringEngine engine = require(ScoringEngine::open(*db));
            ScoringSettings settings = engine.settings();
            settings.trustWeight = 0.25;
            REQUIRE(engine.changeSettings(settings));
        }
        const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
        const qint64 target = shown->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(3);
        const QString name = require(ContactRepository(shown->session()->database()).get(target)).displayName;
        const QString message = addNote(*shown, target, name);
        CHECK(message.startsWith(QStringLiteral("Trust note added.")));
        CHECK_FALSE(message.contains(QStringLiteral("Settings")));
        const QString explanation =
            shown->findChild<rapport::ui::ContactsPage*>()->detailPanel()->explanationText();
        CHECK(message.contains(explanation));
        CHECK(explanation.contains(QStringLiteral("Score")));
    }
}

TEST_CASE("The Edit menu lists Undo above Redo", "[ui][mainwindow]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    QMenu* edit = nullptr;
    for (QAction* menu : shown->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Edit"))
            edit = menu->menu();
    }
    REQUIRE(edit != nullptr);
    const QList<QAction*> actions = edit->actions();
    REQUIRE(actions.size() >= 2);
    CHECK(actions.at(0)->shortcut() == QKeySequence(QKeySequence::Undo));
    CHECK(actions.at(0)->text().startsWith(QStringLiteral("&Undo")));
    CHECK(actions.at(1)->shortcut() == QKeySequence(QKeySequence::Redo));
    CHECK(actions.at(1)->text().startsWith(QStringLiteral("&Redo")));
}

TEST_CASE("Reach out lists overdue contacts, most overdue first", "[ui][reachout]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    CHECK(window.currentPage() == 3);
    const QAbstractItemModel* overdue = window.findChild<rapport::ui::ReachOutPage*>()->model();
    REQUIRE(overdue->rowCount() > 0);
    double previous = 1e9;
    for (int row = 0; row < overdue->rowCount(); ++row) {
        const double ratio = overdue->index(row, 0).data(ui::ContactTableModel::OverdueRole).toDouble();
        REQUIRE(ratio > 1.0);
        REQUIRE(ratio <= previous);
        previous = ratio;
    }
    UiFixture::saveScreenshot(window, QStringLiteral("reach-out"));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    CHECK(window.currentPage() == 1);
}

TEST_CASE("Trust notes lists the newest notes across contacts and filters by kind", "[ui][notes]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    CHECK(window.currentPage() == 4);
    ui::RecentNotesModel* notes = window.findChild<rapport::ui::TrustNotesPage*>()->model();
    ModelChecks notesChecks(notes);
    CHECK(notes->rowCount() == 300);
    const QString newest = notes->index(0, ui::RecentNotesModel::WhenColumn).data().toString();
    CHECK_FALSE(newest.isEmpty());
    QComboBox* kind = window.findChild<rapport::ui::TrustNotesPage*>()->kindFilter();
    kind->setCurrentIndex(kind->findData(static_cast<int>(TrustKind::Concern)));
    REQUIRE(notes->rowCount() > 0);
    for (int row = 0; row < notes->rowCount(); ++row)
        REQUIRE(notes->index(row, ui::RecentNotesModel::KindColumn).data().toString() ==
                QStringLiteral("Concern"));
    UiFixture::saveScreenshot(window, QStringLiteral("trust-notes"));
}

TEST_CASE("A contact is added and edited from the keyboard, with undo", "[ui][contacts]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    Database& db = window.session()->database();
    const qint64 before = require(ContactRepository(db).count());

    auto visit = whenDialogOpens<ui::ContactEditDialog>([](ui::ContactEditDialog& dialog) {
        auto* name = dialog.findChildren<QLineEdit*>().at(0);
        QTest::keyClicks(name, QStringLiteral("Grace Hopper"));
        auto* methods = dialog.findChild<QPlainTextEdit*>();
        QTest::keyClicks(methods, QStringLiteral("mail grace@example.org"));
        dialog.accept();
        REQUIRE(dialog.isVisible());
        methods->setPlainText(QStringLiteral("email: grace@example.org\ngithub: ghopper"));
        UiFixture::saveScreenshot(dialog, QStringLiteral("contact-edit"));
        dialog.accept();
    });
    REQUIRE(window.editContact(0));
    REQUIRE(visit->completed());
    CHECK(require(ContactRepository(db).count()) == before + 1);
    const qint64 grace = require(ContactRepository(db).resolve(QStringLiteral("grace@example.org")));
    CHECK(window.findChild<rapport::ui::ContactsPage*>()->currentContactId() == grace);
    CHECK(require(ContactRepository(db).resolve(QStringLiteral("github:ghopper"))) == grace);

    visit = whenDialogOpens<ui::ContactEditDialog>([](ui::ContactEditDialog& dialog) {
        auto* organization = dialog.findChildren<QLineEdit*>().at(1);
        QTest::keyClicks(organization, QStringLiteral("US Navy"));
        dialog.findChild<QSpinBox*>()->setValue(14);
        dialog.accept();
    });
    REQUIRE(window.editContact(grace));
    REQUIRE(visit->completed());
    Contact edited = require(ContactRepository(db).get(grace));
    CHECK(edited.organization == QStringLiteral("US Navy"));
    CHECK(edited.cadenceDays == std::optional<double>(14));

    window.session()->undoStack()->undo();
    edited = require(ContactRepository(db).get(grace));
    CHECK(edited.organization.isEmpty());
    CHECK_FALSE(edited.cadenceDays.has_value());
    window.session()->undoStack()->undo();
    CHECK(require(ContactRepository(db).count()) == before);
}

TEST_CASE("The contact dialog names the line of a bad method", "[ui][contacts]")
{
    const Result<QList<ContactMethod>> parsed = ui::ContactEditDialog::parseMethods(
        QStringLiteral("email: ada@example.org\n\nemail: not-an-address"));
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().message.startsWith(QStringLiteral("Reach them at, line 3: not an email address")));
    const QList<ContactMethod> methods =
        require(ui::ContactEditDialog::parseMethods(QStringLiteral("email: ada@example.org\nx: @ada\n")));
    REQUIRE(methods.size() == 2);
    CHECK(methods[1].kind == MethodKind::X);
    CHECK(ui::ContactEditDialog::formatMethods(methods) == QStringLiteral("email: ada@example.org\nx: @ada"));
}

TEST_CASE("Undo and redo keep conversations under their ids across deletes", "[ui][undo]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    ui::DatabaseSession& session = *shown->session();
    Database& db = session.database();
    const qint64 contact = shown->findChild<rapport::ui::ContactsPage*>()->tableModel()->contactAt(0);
    const qint64 before = interactionCount(db);
    auto conversation = [contact](const QString& summary) {
        Interaction interaction;
        interaction.contactId = contact;
        interaction.occurredAt = testNow - 3600;
        interaction.channel = Channel::Chat;
        interaction.direction = Direction::Inbound;
        interaction.summary = summary;
        return interaction;
    };
    using ui::AddRemoveConversationCommand;
    auto push = [&session](const Interaction& interaction, AddRemoveConversationCommand::Action action) {
        return require(ui::DatabaseCommand::push(session, std::make_unique<AddRemoveConversationCommand>(
                                                              session, interaction, action)))
            ->interactionId();
    };
    const qint64 firstId =
        push(conversation(QStringLiteral("first")), AddRemoveConversationCommand::Action::Log);
    push(conversation(QStringLiteral("second")), AddRemoveConversationCommand::Action::Log);
    push(require(InteractionRepository(db).get(firstId)), AddRemoveConversationCommand::Action::Delete);
    CHECK(session.undoStack()->count() == 3);
    CHECK(interactionCount(db) == before + 1);

    for (int i = 0; i < 3; ++i)
        session.undoStack()->undo();
    CHECK(interactionCount(db) == before);
    for (int i = 0; i < 3; ++i)
        session.undoStack()->redo();
    CHECK(interactionCount(db) == before + 1);
    CHECK_FALSE(InteractionRepository(db).get(firstId).ok());
    session.undoStack()->undo();
    CHECK(require(InteractionRepository(db).get(firstId)).summary == QStringLiteral("first"));
    const RelationshipState stored = *require(session.engine().storedState(contact));
    CHECK(approximatelyEqual(stored,
                             require(LogReplay(db, session.engine().settings()).contactState(contact))));
}

TEST_CASE("Ctrl+L from Reach out logs with the contact selected there", "[ui][reachout]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    window.showPage(3);
    const qint64 overdue = window.findChild<rapport::ui::ReachOutPage*>()->currentContactId();
    REQUIRE(overdue > 0);
    CHECK(overdue != window.findChild<rapport::ui::ContactsPage*>()->currentContactId());
    CHECK(window.selectedContactId() == overdue);
    auto visit = whenDialogOpens<ui::LogConversationDialog>([overdue](ui::LogConversationDialog& dialog) {
        CHECK(dialog.interaction().contactId == overdue);
        dialog.reject();
    });
    CHECK_FALSE(window.logConversation(window.selectedContactId()));
    REQUIRE(visit->completed());
}

TEST_CASE("What another program commits shows up in the open window by itself", "[ui][mainwindow]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    ui::ContactsPage& contacts = *window.findChild<rapport::ui::ContactsPage*>();
    const int before = contacts.visibleContactCount();

    QProcess addContact;
    addContact.start(QStringLiteral(RAPPORT_BINARY),
                     {QStringLiteral("add-contact"), QStringLiteral("--database"), fixture.path(),
                      QStringLiteral("--name"), QStringLiteral("Added Elsewhere")});
    REQUIRE(addContact.waitForFinished(30000));
    INFO(addContact.readAllStandardError().toStdString());
    REQUIRE(addContact.exitCode() == 0);

    REQUIRE(QTest::qWaitFor([&] { return contacts.visibleContactCount() == before + 1; }, 8000));

    // The window's own writes do not count as outside changes: nothing is re-read for them.
    bool reset = false;
    QObject::connect(window.session(), &ui::DatabaseSession::contactsReset, [&reset] { reset = true; });
    window.session()->checkForOutsideChanges();
    CHECK_FALSE(reset);
}

TEST_CASE("Help > Keyboard shortcuts lists every menu command that has one, by menu", "[ui][help]")
{
    UiFixture fixture;
    const std::unique_ptr<MainWindow> shown = fixture.openMainWindow();
    MainWindow& window = *shown;
    QAction* open = nullptr;
    for (QAction* each : window.findChildren<QAction*>()) {
        if (each->text() == QStringLiteral("&Keyboard shortcuts"))
            open = each;
    }
    REQUIRE(open != nullptr);
    CHECK(open->shortcut() == QKeySequence(QStringLiteral("Ctrl+/")));
    auto visit = whenDialogOpens<ui::ShortcutsDialog>([](ui::ShortcutsDialog& dialog) {
        QTreeWidget& list = *dialog.list();
        QStringList menus;
        QHash<QString, QString> keys;
        for (int top = 0; top < list.topLevelItemCount(); ++top) {
            const QTreeWidgetItem* menu = list.topLevelItem(top);
            menus << menu->text(0);
            for (int row = 0; row < menu->childCount(); ++row)
                keys.insert(menu->child(row)->text(0), menu->child(row)->text(1));
        }
        CHECK(menus.contains(QStringLiteral("File")));
        CHECK(menus.contains(QStringLiteral("Edit")));
        CHECK(keys.value(QStringLiteral("Export…")) ==
              QKeySequence(QStringLiteral("Ctrl+Shift+E")).toString(QKeySequence::NativeText));
        CHECK(keys.value(QStringLiteral("Keyboard shortcuts")) ==
              QKeySequence(QStringLiteral("Ctrl+/")).toString(QKeySequence::NativeText));
        CHECK_FALSE(keys.contains(QStringLiteral("About Rapport"))); // no shortcut, not listed
        UiFixture::saveScreenshot(dialog, QStringLiteral("keyboard-shortcuts"));
        dialog.reject();
    });
    open->trigger();
    REQUIRE(visit->completed());
}
