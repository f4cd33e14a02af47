// SPDX-License-Identifier: GPL-3.0-or-later
// The Events page and the event dialog: events listed with their counts, an event created with its
// participants by keyboard and undone and redone as one step, a late participant's conversation, roles
// changed in place, a pasted list with an unknown line refused whole, and the dashboard's participation.
#include "ui/events/EventsPage.h"

#include "core/dashboard/ActivityRollup.h"
#include "core/services/EventLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/EventRepository.h"
#include "core/storage/InteractionRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/dashboard/DashboardCharts.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/events/EventDialog.h"
#include "ui/events/EventTableModel.h"
#include "ui/events/ParticipantModel.h"
#include "ui/widgets/ContactPicker.h"

#include <QAbstractItemView>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace rapport;
using namespace rapport::test;
using rapport::ui::EventDialog;
using rapport::ui::EventsPage;
using rapport::ui::MainWindow;

namespace {

template <typename Widget>
Widget* child(QWidget& parent, const char* name)
{
    auto* widget = parent.findChild<Widget*>(QString::fromLatin1(name));
    REQUIRE(widget != nullptr);
    return widget;
}

qint64 addPerson(Database& db, const QString& given, const QString& family, const QString& email)
{
    Contact contact;
    contact.givenName = given;
    contact.familyName = family;
    contact.methods << ContactMethod{0, MethodKind::Email, email, {}};
    return require(ContactRepository(db).create(contact));
}

// Three people nobody else in the demo is called, so the picker finds each of them alone.
struct People
{
    qint64 ada = 0;
    qint64 grace = 0;
    qint64 katherine = 0;
    qint64 linus = 0;
};

People addPeople(Database& db)
{
    return People{addPerson(db, QStringLiteral("Adaline"), QStringLiteral("Quorvex"),
                            QStringLiteral("adaline@quorvex.example")),
                  addPerson(db, QStringLiteral("Gracia"), QStringLiteral("Vintermoor"),
                            QStringLiteral("gracia@vintermoor.example")),
                  addPerson(db, QStringLiteral("Katrin"), QStringLiteral("Zellweg"),
                            QStringLiteral("katrin@zellweg.example")),
                  addPerson(db, QStringLiteral("Linnea"), QStringLiteral("Oxhaven"),
                            QStringLiteral("linnea@oxhaven.example"))};
}

qint64 interactionsOf(Database& db, qint64 contactId)
{
    return require(InteractionRepository(db).listForContact(contactId)).size();
}

qint64 eventCount(Database& db)
{
    return require(EventRepository(db).list()).size();
}

// The demo fixture's own events taken out (through EventLog, with their conversations), so that each
// test counts only the events it makes.
void removeDemoEvents(UiFixture& fixture)
{
    ui::DatabaseSession& session = fixture.session();
    EventLog events(session.database(), session.engine());
    for (const ListedEvent& listed : require(EventRepository(session.database()).list()))
        requireOk(events.remove(listed.event.id));
    session.everythingTouched();
}

// Types someone into the picker and adds them with Enter, as a person does without waiting for the list.
void typeParticipant(EventDialog& dialog, const QString& text)
{
    QTest::keyClicks(dialog.picker(), text);
    QTest::keyClick(dialog.picker(), Qt::Key_Return);
}

// A weekly meetup for the last `weeks` weeks, a dozen or two of the demo's people each: some come back
// week after week, and a few new ones come each time.
void addWeeklyMeetups(ui::DatabaseSession& session, int weeks)
{
    QList<qint64> ids;
    for (qint64 id = 1; ids.size() < 160; ++id) {
        if (require(ContactRepository(session.database()).exists(id)))
            ids << id;
    }
    EventLog log(session.database(), session.engine());
    for (int week = weeks; week >= 1; --week) {
        Event event;
        event.name = QStringLiteral("Community call #%1").arg(weeks - week + 1);
        event.kind = week % 3 == 0 ? EventKind::Webinar : EventKind::Meetup;
        event.channel = Channel::Event;
        event.occurredAt =
            ActivityRollup::weekStart(testNow) - week * 7 * daySeconds + 2 * daySeconds + 17 * 3600;
        QList<ParticipantEntry> participants;
        const int regulars = 6 + (weeks - week) % 5;
        for (int i = 0; i < regulars; ++i)
            participants << ParticipantEntry{ids.at(i),
                                             i == 0 ? ParticipantRole::Organized : ParticipantRole::Attended};
        const int newcomers = 2 + (week * 7) % 5;
        for (int i = 0; i < newcomers; ++i)
            participants << ParticipantEntry{ids.at(12 + (weeks - week) * 6 + i), ParticipantRole::Attended};
        participants << ParticipantEntry{ids.at(150 + week % 8), ParticipantRole::InvitedNoShow};
        require(log.create(event, participants));
    }
}

} // namespace

TEST_CASE("The Events page lists events with their counts and opens one", "[ui][events]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    const People people = addPeople(fixture.session().database());
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    EventsPage& page = *window->findChild<rapport::ui::EventsPage*>();
    // Nothing yet: the page says what an event is and how to make one.
    QTest::keyClick(window.get(), Qt::Key_5, Qt::ControlModifier);
    REQUIRE(window->currentPage() == 5);
    CHECK(child<QLabel>(page, "eventsEmpty")->isVisible());

    EventLog log(session.database(), session.engine());
    Event earlier;
    earlier.name = QStringLiteral("April meetup");
    earlier.occurredAt = testNow - 40 * daySeconds;
    require(log.create(earlier, {{people.ada, ParticipantRole::Attended}}));
    Event ama;
    ama.name = QStringLiteral("Maintainers AMA");
    ama.kind = EventKind::Ama;
    ama.channel = Channel::Forum;
    ama.link = QStringLiteral("https://forum.example/t/ama");
    ama.occurredAt = testNow - 3 * daySeconds;
    const qint64 amaId = require(log.create(ama, {{people.ada, ParticipantRole::Spoke},
                                                  {people.grace, ParticipantRole::Answered},
                                                  {people.katherine, ParticipantRole::InvitedNoShow}}));
    page.refresh();
    CHECK_FALSE(child<QLabel>(page, "eventsEmpty")->isVisible());

    // Newest first, with the counts.
    ui::EventTableModel& events = *page.model();
    ModelChecks eventChecks(&events);
    REQUIRE(events.rowCount() == 2);
    QAbstractItemModel& shown = *page.eventsView()->model();
    const auto cell = [&shown](int row, int column) {
        return shown.index(row, column).data().toString();
    };
    CHECK(cell(0, ui::EventTableModel::NameColumn) == QStringLiteral("Maintainers AMA"));
    CHECK(cell(0, ui::EventTableModel::KindColumn) == QStringLiteral("AMA"));
    CHECK(cell(0, ui::EventTableModel::ChannelColumn) == QStringLiteral("Forum"));
    CHECK(cell(0, ui::EventTableModel::ParticipantsColumn) == QStringLiteral("3"));
    CHECK(cell(0, ui::EventTableModel::TookPartColumn) == QStringLiteral("2"));
    CHECK(cell(0, ui::EventTableModel::FirstTimersColumn) ==
          QStringLiteral("1")); // Gracia; Adaline came before
    CHECK(cell(1, ui::EventTableModel::NameColumn) == QStringLiteral("April meetup"));

    // The filter keeps what matches any column.
    QTest::keyClicks(page.filterEdit(), QStringLiteral("april"));
    CHECK(page.filterModel()->rowCount() == 1);
    page.filterEdit()->clear();
    CHECK(page.filterModel()->rowCount() == 2);

    // Selecting an event lists its people, first-timers and their conversations marked.
    page.selectEvent(amaId);
    ui::ParticipantModel& participants = *page.participants();
    ModelChecks participantChecks(&participants);
    REQUIRE(participants.rowCount() == 3);
    const auto person = [&participants](int row, int column) {
        return participants.index(row, column).data().toString();
    };
    CHECK(person(0, ui::ParticipantModel::NameColumn) == QStringLiteral("Adaline Quorvex"));
    CHECK(person(0, ui::ParticipantModel::RoleColumn) == QStringLiteral("Spoke"));
    CHECK(person(0, ui::ParticipantModel::MarkColumn).isEmpty());
    CHECK(person(1, ui::ParticipantModel::NameColumn) == QStringLiteral("Gracia Vintermoor"));
    CHECK(person(1, ui::ParticipantModel::MarkColumn) == QStringLiteral("First time"));
    CHECK(person(1, ui::ParticipantModel::InteractionColumn).contains(QStringLiteral("Inbound")));
    CHECK(person(2, ui::ParticipantModel::RoleColumn) == QStringLiteral("Invited, did not show"));
    CHECK(person(2, ui::ParticipantModel::InteractionColumn) == QStringLiteral("None"));
    CHECK(child<QLabel>(page, "eventTitle")->text().contains(QStringLiteral("Maintainers AMA")));

    // Enter opens it, prefilled.
    auto visit = whenDialogOpens<EventDialog>([](EventDialog& dialog) {
        CHECK(child<QLineEdit>(dialog, "eventName")->text() == QStringLiteral("Maintainers AMA"));
        CHECK(child<QLineEdit>(dialog, "eventLink")->text() == QStringLiteral("https://forum.example/t/ama"));
        CHECK(child<QComboBox>(dialog, "eventChannel")->currentText() == QStringLiteral("Forum"));
        CHECK(dialog.participantTable()->rowCount() == 3);
        dialog.reject();
    });
    page.eventsView()->setFocus();
    QTest::keyClick(page.eventsView(), Qt::Key_Return);
    REQUIRE(visit->completed());

    // Enter on a person opens their page.
    page.participantsView()->setCurrentIndex(participants.index(1, ui::ParticipantModel::NameColumn));
    QTest::keyClick(page.participantsView(), Qt::Key_Return);
    CHECK(window->currentPage() == 1);
    CHECK(window->selectedContactId() == people.grace);
}

TEST_CASE("An event made by keyboard with three participants is one undo step", "[ui][events]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    const People people = addPeople(fixture.session().database());
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    const qint64 before = require(InteractionRepository(db).count());

    auto visit = whenDialogOpens<EventDialog>([&people](EventDialog& dialog) {
        QTest::keyClicks(child<QLineEdit>(dialog, "eventName"), QStringLiteral("Rust meetup"));
        QTest::keyClicks(child<QLineEdit>(dialog, "eventLink"),
                         QStringLiteral("https://meetup.example/rust/may"));
        // The first one from the picker's suggestions: type, wait for the list, Down, Enter.
        dialog.picker()->setFocus();
        QTest::keyClicks(dialog.picker(), QStringLiteral("Quorv"));
        QAbstractItemView* popup = dialog.picker()->completer()->popup();
        REQUIRE(QTest::qWaitFor([popup] { return popup->isVisible(); }));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        REQUIRE(QTest::qWaitFor([&dialog] { return dialog.picker()->text().isEmpty(); }));
        REQUIRE(dialog.participantTable()->rowCount() == 1);
        // The others typed whole, as an email and as a name; the second one speaks.
        auto* addAs = child<QComboBox>(dialog, "addAs");
        addAs->setCurrentIndex(addAs->findData(static_cast<int>(ParticipantRole::Spoke)));
        typeParticipant(dialog, QStringLiteral("gracia@vintermoor.example"));
        INFO(dialog.picker()->text().toStdString());
        REQUIRE(dialog.participantTable()->rowCount() == 2);
        addAs->setCurrentIndex(addAs->findData(static_cast<int>(ParticipantRole::Attended)));
        typeParticipant(dialog, QStringLiteral("Katrin Zellweg"));
        INFO(child<QLabel>(dialog, "eventError")->text().toStdString());
        REQUIRE(dialog.participantTable()->rowCount() == 3);
        UiFixture::saveScreenshot(dialog, QStringLiteral("event-dialog"));
        // The same person twice is refused with a message, not listed twice.
        typeParticipant(dialog, QStringLiteral("katrin@zellweg.example"));
        CHECK(dialog.participantTable()->rowCount() == 3);
        CHECK(child<QLabel>(dialog, "eventError")->text().contains(QStringLiteral("already in the list")));
        const QList<ParticipantEntry> entries = dialog.participants();
        CHECK(entries.at(0).contactId == people.ada);
        CHECK(entries.at(1).contactId == people.grace);
        CHECK(entries.at(1).role == ParticipantRole::Spoke);
        CHECK(entries.at(2).contactId == people.katherine);
        QTest::keyClick(&dialog, Qt::Key_Return, Qt::ControlModifier);
    });
    QTest::keyClick(window.get(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(visit->completed());
    CHECK(window->currentPage() == 5);

    const QList<ListedEvent> events = require(EventRepository(db).list());
    REQUIRE(events.size() == 1);
    const qint64 eventId = events.front().event.id;
    CHECK(events.front().event.name == QStringLiteral("Rust meetup"));
    CHECK(events.front().tookPart == 3);
    CHECK(require(InteractionRepository(db).count()) == before + 3);
    for (const qint64 contact : {people.ada, people.grace, people.katherine})
        CHECK(interactionsOf(db, contact) == 1);
    CHECK(window->findChild<rapport::ui::EventsPage*>()->currentEventId() == eventId);
    CHECK(window->findChild<rapport::ui::EventsPage*>()->participants()->rowCount() == 3);

    // One undo takes the event and its three conversations away; redo brings them back under their ids.
    QUndoStack& undo = *session.undoStack();
    CHECK(undo.undoText() == QStringLiteral("Create event Rust meetup"));
    undo.undo();
    QCoreApplication::processEvents();
    CHECK(eventCount(db) == 0);
    CHECK(require(InteractionRepository(db).count()) == before);
    CHECK(window->findChild<rapport::ui::EventsPage*>()->model()->rowCount() == 0);
    undo.redo();
    QCoreApplication::processEvents();
    const QList<ListedEvent> redone = require(EventRepository(db).list());
    REQUIRE(redone.size() == 1);
    CHECK(redone.front().event.id == eventId);
    CHECK(redone.front().tookPart == 3);
    CHECK(require(InteractionRepository(db).count()) == before + 3);
    CHECK(window->findChild<rapport::ui::EventsPage*>()->model()->rowCount() == 1);
}

TEST_CASE("Editing an event adds a late participant's conversation, changes roles and removes people",
          "[ui][events]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    const People people = addPeople(fixture.session().database());
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    ui::DatabaseSession& session = *window->session();
    Database& db = session.database();
    Event event;
    event.name = QStringLiteral("Release webinar");
    event.kind = EventKind::Webinar;
    event.occurredAt = testNow - 2 * daySeconds;
    const qint64 eventId = require(EventLog(db, session.engine())
                                       .create(event, {{people.ada, ParticipantRole::Organized},
                                                       {people.grace, ParticipantRole::Attended}}));
    window->showPage(5);
    EventsPage& page = *window->findChild<rapport::ui::EventsPage*>();
    page.refresh();
    page.selectEvent(eventId);
    REQUIRE(page.currentEventId() == eventId);

    // Linnea joined late: adding her logs her conversation, at the event's time.
    auto visit = whenDialogOpens<EventDialog>([](EventDialog& dialog) {
        typeParticipant(dialog, QStringLiteral("linnea@oxhaven.example"));
        REQUIRE(dialog.participantTable()->rowCount() == 3);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    });
    REQUIRE(page.openCurrentEvent());
    REQUIRE(visit->completed());
    const QList<Interaction> late = require(InteractionRepository(db).listForContact(people.linus));
    REQUIRE(late.size() == 1);
    CHECK(late.front().occurredAt == event.occurredAt);
    CHECK(late.front().summary == QStringLiteral("Webinar: Release webinar (attended)"));
    CHECK(page.participants()->rowCount() == 3);
    CHECK(session.undoStack()->undoText() == QStringLiteral("Add Linnea Oxhaven to the event"));
    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(interactionsOf(db, people.linus) == 0);
    CHECK(page.participants()->rowCount() == 2);

    // A role changed in the list: someone who did not show has no conversation, and undo brings it back.
    ui::ParticipantModel& participants = *page.participants();
    int graceRow = 0;
    while (participants.participantAt(graceRow)->participant.contactId != people.grace)
        ++graceRow;
    const qint64 gracesConversation =
        require(InteractionRepository(db).listForContact(people.grace)).front().id;
    REQUIRE(participants.setData(participants.index(graceRow, ui::ParticipantModel::RoleColumn),
                                 static_cast<int>(ParticipantRole::InvitedNoShow),
                                 ui::ParticipantModel::RoleValueRole));
    QCoreApplication::processEvents();
    CHECK(interactionsOf(db, people.grace) == 0);
    CHECK(require(EventRepository(db).listed(eventId)).invited == 1);
    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(interactionsOf(db, people.grace) == 1);
    // Under its own id, so that older steps naming that conversation still find it; a redo and another undo
    // keep it so.
    CHECK(require(InteractionRepository(db).listForContact(people.grace)).front().id == gracesConversation);
    session.undoStack()->redo();
    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(require(InteractionRepository(db).listForContact(people.grace)).front().id == gracesConversation);

    // Removing a person (Delete on them) takes them out with their conversation.
    page.participantsView()->setFocus();
    page.participantsView()->setCurrentIndex(participants.index(0, ui::ParticipantModel::NameColumn));
    const qint64 removed = page.currentContactId();
    REQUIRE(page.removeCurrentParticipant());
    QCoreApplication::processEvents();
    CHECK(interactionsOf(db, removed) == 0);
    CHECK(participants.rowCount() == 1);
    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(interactionsOf(db, removed) == 1);
    CHECK(participants.rowCount() == 2);

    // Deleting the event (Delete on it) asks, then deletes it with its conversations; undo brings it back.
    auto confirm = whenDialogOpens<QMessageBox>([](QMessageBox& box) {
        CHECK(box.text().contains(QStringLiteral("Release webinar")));
        box.button(QMessageBox::Yes)->click();
    });
    page.eventsView()->setFocus();
    REQUIRE(page.deleteCurrentEvent());
    REQUIRE(confirm->completed());
    CHECK(eventCount(db) == 0);
    CHECK(interactionsOf(db, people.ada) == 0);
    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(eventCount(db) == 1);
    CHECK(interactionsOf(db, people.ada) == 1);
    CHECK(page.currentEventId() == eventId);
}

TEST_CASE("A pasted list with an unknown line adds nobody and names the line", "[ui][events]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    const People people = addPeople(fixture.session().database());
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    Database& db = window->session()->database();
    const qint64 before = require(InteractionRepository(db).count());

    auto visit = whenDialogOpens<EventDialog>([&people](EventDialog& dialog) {
        QTest::keyClicks(child<QLineEdit>(dialog, "eventName"), QStringLiteral("Docs sprint"));
        QString problems;
        auto paste = whenDialogOpens<QDialog>([&problems](QDialog& pasteDialog) {
            REQUIRE(pasteDialog.objectName() == QStringLiteral("pasteList"));
            pasteDialog.findChild<QPlainTextEdit*>()->setPlainText(
                QStringLiteral("adaline@quorvex.example, gracia@vintermoor.example\nnobody@nowhere.example"));
            pasteDialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
            // Still open, saying which line is unknown.
            CHECK(pasteDialog.isVisible());
            problems = child<QLabel>(pasteDialog, "pasteProblems")->text();
            UiFixture::saveScreenshot(pasteDialog, QStringLiteral("event-paste-problem"));
            pasteDialog.reject();
        });
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text() == QStringLiteral("&Paste list…"))
                QTest::mouseClick(button, Qt::LeftButton);
        }
        REQUIRE(paste->completed());
        CHECK(problems.contains(QStringLiteral("line 2: contact: no contact")));
        CHECK(problems.contains(QStringLiteral("nobody@nowhere.example")));
        CHECK_FALSE(problems.contains(QStringLiteral("line 1")));
        CHECK(dialog.participantTable()->rowCount() == 0);

        // The same list without the unknown line adds both, in the role chosen.
        CHECK(
            dialog.addPasted(QStringLiteral("adaline@quorvex.example; gracia@vintermoor.example")).isEmpty());
        CHECK(dialog.participantTable()->rowCount() == 2);
        CHECK(dialog.participants().at(1).contactId == people.grace);
        dialog.reject();
    });
    window->findChild<rapport::ui::EventsPage*>()->newEvent();
    REQUIRE(visit->completed());
    CHECK(eventCount(db) == 0);
    CHECK(require(InteractionRepository(db).count()) == before);
}

TEST_CASE("The dashboard's participation chart counts first-timers and returning people per week",
          "[ui][events][dashboard]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    addWeeklyMeetups(fixture.session(), 12);
    const std::unique_ptr<MainWindow> window = fixture.openMainWindow();
    QTest::keyClick(window.get(), Qt::Key_2, Qt::ControlModifier);
    ui::DashboardPage& dashboard = *window->findChild<rapport::ui::DashboardPage*>();
    dashboard.computation()->waitForFinished();
    const DashboardData& data = dashboard.data();
    int first = 0;
    int returning = 0;
    for (const WeekParticipation& week : data.participation) {
        first += week.firstTimers;
        returning += week.returning;
    }
    // Twelve meetups: the regulars are new at the first one only; every meetup brings its newcomers.
    CHECK(first > 0);
    CHECK(returning > first);
    const QChart* chart = dashboard.chartView(ui::DashboardPage::ParticipationChart)->chart();
    const auto* series = qobject_cast<const QStackedBarSeries*>(chart->series().value(0));
    REQUIRE(series != nullptr);
    REQUIRE(series->count() == 2);
    const auto sum = [](const QBarSet* set) {
        double total = 0;
        for (int i = 0; i < set->count(); ++i)
            total += set->at(i);
        return total;
    };
    // The chart draws the whole weeks; all twelve meetups fall in them.
    CHECK(sum(series->barSets().at(0)) == returning);
    CHECK(sum(series->barSets().at(1)) == first);
    CHECK(chart->title().contains(QStringLiteral("%1 first-timers").arg(first)));
    window->resize(1280, 800);
    UiFixture::saveScreenshot(*dashboard.chartView(ui::DashboardPage::ParticipationChart),
                              QStringLiteral("participation"));

    // The Events page on the same data, for the README: an event selected with its people.
    window->showPage(5);
    EventsPage& page = *window->findChild<rapport::ui::EventsPage*>();
    page.refresh();
    page.selectEvent(page.model()->eventAt(1)->event.id);
    UiFixture::saveScreenshot(*window, QStringLiteral("events"));
}

TEST_CASE("An attendance file adds its people in their roles, or nobody when one is unknown", "[ui][events]")
{
    UiFixture fixture;
    removeDemoEvents(fixture);
    const People people = addPeople(fixture.session().database());
    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const auto write = [&folder](const QString& name, const QByteArray& bytes) {
        QFile file(folder.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return file.fileName();
    };
    const QString broken = write(QStringLiteral("broken.csv"),
                                 "Email,Role\nadaline@quorvex.example,speaker\nnobody@nowhere.example,\n");
    const QString good = write(QStringLiteral("attendance.csv"),
                               "Email,Role\nadaline@quorvex.example,speaker\ngracia@vintermoor.example,\n"
                               "katrin@zellweg.example,no-show\n");

    EventDialog dialog(fixture.session());
    const QString problems = dialog.addAttendanceFile(broken);
    CHECK(problems.contains(QStringLiteral("%1: line 3, column 'Email': no contact").arg(broken)));
    CHECK(dialog.participantTable()->rowCount() == 0);

    REQUIRE(dialog.addAttendanceFile(good).isEmpty());
    const QList<ParticipantEntry> entries = dialog.participants();
    REQUIRE(entries.size() == 3);
    CHECK(entries.at(0).contactId == people.ada);
    CHECK(entries.at(0).role == ParticipantRole::Spoke);
    CHECK(entries.at(1).role == ParticipantRole::Attended); // "Add as", for an empty role
    CHECK(entries.at(2).role == ParticipantRole::InvitedNoShow);
    CHECK(dialog.participantTable()->item(2, 1)->text() == QStringLiteral("Invited, did not show"));
    CHECK(child<QLabel>(dialog, "participantCount")->text().contains(QStringLiteral("2 taking part")));
}
