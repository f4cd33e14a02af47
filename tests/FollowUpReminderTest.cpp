// SPDX-License-Identifier: GPL-3.0-or-later
// Reminders of follow-ups with a recording delivery, the clock pinned and the timer driven by hand: a
// follow-up due in the past reminds once, also across a restart; one due later reminds when its moment
// comes; closed ones and other members' do not; many at once make one reminder; "Open" says what to open.
// The tray counts today's; Settings > Desktop keeps the preferences.
#include "ui/reminders/FollowUpReminder.h"

#include "core/base/Clock.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/MainWindow.h"
#include "ui/reminders/ReminderDelivery.h"
#include "ui/reminders/ReminderPreferences.h"
#include "ui/reminders/ReminderTrayIcon.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/undo/FollowUpCommands.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;

namespace {

class RecordingDelivery : public ui::ReminderDelivery
{
public:
    bool deliver(const ui::Reminder& reminder) override
    {
        if (!available)
            return false;
        delivered << reminder;
        return true;
    }
    void open(qint64 followUpId) { emit openRequested(followUpId); }

    bool available = true;
    QList<ui::Reminder> delivered;
};

// QSettings of this test in a folder of its own, not the user's configuration.
class TemporarySettings
{
public:
    TemporarySettings()
    {
        REQUIRE(m_dir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    }
    ~TemporarySettings()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
    }
    TemporarySettings(const TemporarySettings&) = delete;
    TemporarySettings& operator=(const TemporarySettings&) = delete;

private:
    QTemporaryDir m_dir;
};

// The fixture without the demo's follow-ups: each test's are the only ones.
struct ReminderFixture
{
    ReminderFixture()
    {
        requireOk(fixture.session().database().execute(QStringLiteral("DELETE FROM follow_ups")));
    }

    qint64 add(qint64 contactId, qint64 dueAt, std::optional<qint64> ownerId = std::nullopt)
    {
        FollowUp followUp;
        followUp.contactId = contactId;
        followUp.text = QStringLiteral("Send the slides");
        followUp.dueAt = dueAt;
        followUp.ownerId = ownerId;
        followUp.createdAt = testNow - 10 * daySeconds;
        return require(FollowUpRepository(fixture.session().database()).add(followUp));
    }

    QString nameOf(qint64 contactId)
    {
        return require(ContactRepository(fixture.session().database()).get(contactId)).effectiveDisplayName();
    }

    TemporarySettings settings;
    UiFixture fixture{30, 300};
    RecordingDelivery delivery;
};

} // namespace

TEST_CASE("A follow-up due in the past reminds once, and not again after a restart", "[ui][reminders]")
{
    ReminderFixture f;
    const qint64 id = f.add(3, testNow - 2 * daySeconds);
    {
        ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
        reminder.check();
        REQUIRE(f.delivery.delivered.size() == 1);
        CHECK(f.delivery.delivered.front().followUpId == id);
        CHECK(f.delivery.delivered.front().title == QStringLiteral("Follow up with %1").arg(f.nameOf(3)));
        CHECK(f.delivery.delivered.front().body.startsWith(QStringLiteral("Send the slides — due ")));
        reminder.check();
        CHECK(f.delivery.delivered.size() == 1);
    }
    RecordingDelivery afterRestart;
    ui::FollowUpReminder restarted(f.fixture.session(), afterRestart);
    restarted.check();
    CHECK(afterRestart.delivered.isEmpty());

    // Remembered on this desktop under the database file's path, not in the database.
    const QVariantMap notified = QSettings().value(QStringLiteral("reminders/notified")).toMap();
    CHECK(notified.keys() == QStringList{QFileInfo(f.fixture.path()).absoluteFilePath()});
}

TEST_CASE("A follow-up due later reminds when the timer reaches its moment", "[ui][reminders]")
{
    ReminderFixture f;
    const qint64 dueAt = testNow + 5 * 3600 + 17;
    const qint64 id = f.add(4, dueAt);
    ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
    reminder.check();
    CHECK(f.delivery.delivered.isEmpty());
    // Driven by hand: each time the clock is moved to the moment the timer was set for and the check it
    // runs is run. The timer waits for the due moment (or the end of the day), at most an hour at a time.
    int checks = 0;
    while (f.delivery.delivered.isEmpty() && checks < 10) {
        REQUIRE(reminder.nextCheckAt());
        const qint64 next = *reminder.nextCheckAt();
        CHECK(next > Clock::nowSeconds());
        CHECK(next <= std::min(dueAt, Clock::nowSeconds() + 3600));
        REQUIRE(reminder.timer()->isActive());
        CHECK(reminder.timer()->interval() == (next - Clock::nowSeconds()) * 1000);
        Clock::pin(next);
        reminder.check();
        if (Clock::nowSeconds() < dueAt)
            CHECK(f.delivery.delivered.isEmpty());
        ++checks;
    }
    REQUIRE(f.delivery.delivered.size() == 1);
    CHECK(Clock::nowSeconds() == dueAt);
    CHECK(f.delivery.delivered.front().followUpId == id);
    CHECK(checks >= 6); // five hours and a bit, an hour at a time
}

TEST_CASE("Closed follow-ups and other members' do not remind, the unowned and my own do", "[ui][reminders]")
{
    ReminderFixture f;
    Database& db = f.fixture.session().database();
    const qint64 me = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam")));
    const qint64 colleague = require(TeamMemberRepository(db).ensure(QStringLiteral("Kim")));
    f.fixture.session().setCurrentMemberId(me);
    const qint64 closed = f.add(3, testNow - daySeconds);
    require(FollowUpRepository(db).close(closed, FollowUpStatus::Done, testNow - 3600));
    f.add(4, testNow - daySeconds, colleague);
    const qint64 mine = f.add(5, testNow - daySeconds, me);
    const qint64 unowned = f.add(6, testNow - 2 * daySeconds);

    ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
    QSignalSpy counted(&reminder, &ui::FollowUpReminder::dueTodayCounted);
    reminder.check();
    QList<qint64> reminded;
    for (const ui::Reminder& shown : std::as_const(f.delivery.delivered))
        reminded << shown.followUpId;
    CHECK(reminded == QList<qint64>{unowned, mine});
    REQUIRE(counted.size() == 1);
    CHECK(counted.front().front().toInt() == 2);
    f.fixture.session().setCurrentMemberId(0);
}

TEST_CASE(
    "A follow-up added through the undo stack re-arms the reminder, undone and redone, it is not shown twice",
    "[ui][reminders]")
{
    ReminderFixture f;
    ui::DatabaseSession& session = f.fixture.session();
    ui::FollowUpReminder reminder(session, f.delivery);
    reminder.check();
    CHECK(f.delivery.delivered.isEmpty());
    FollowUp followUp;
    followUp.contactId = 7;
    followUp.kind = FollowUpKind::OurCommitment;
    followUp.text = QStringLiteral("Review the draft");
    followUp.dueAt = testNow - 60;
    require(ui::DatabaseCommand::push(
        session, std::make_unique<ui::AddFollowUpCommand>(session, followUp, f.nameOf(7))));
    QCoreApplication::processEvents(); // the change's check
    REQUIRE(f.delivery.delivered.size() == 1);
    CHECK(f.delivery.delivered.front().title == QStringLiteral("Promise to %1 due").arg(f.nameOf(7)));
    // Undo and redo before the next check (they coalesce into one): the same follow-up, already shown.
    session.undoStack()->undo();
    session.undoStack()->redo();
    QCoreApplication::processEvents();
    CHECK(f.delivery.delivered.size() == 1);
    reminder.check();
    CHECK(f.delivery.delivered.size() == 1);
}

TEST_CASE("Without a way to show it a reminder waits, many at once make one that opens Today",
          "[ui][reminders]")
{
    ReminderFixture f;
    f.delivery.available = false;
    for (const qint64 contact : {3, 4, 5, 6, 7})
        f.add(contact, testNow - daySeconds);
    ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
    QSignalSpy opened(&reminder, &ui::FollowUpReminder::openRequested);
    reminder.check();
    CHECK(f.delivery.delivered.isEmpty());

    f.delivery.available = true;
    reminder.check();
    REQUIRE(f.delivery.delivered.size() == 1);
    const ui::Reminder summary = f.delivery.delivered.front();
    CHECK(summary.followUpId == 0);
    CHECK(summary.title == QStringLiteral("5 follow-ups due"));
    CHECK(summary.body.endsWith(QStringLiteral("and 1 more — they are on Today.")));
    reminder.check();
    CHECK(f.delivery.delivered.size() == 1);
    f.delivery.open(0);
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().front().toLongLong() == 0);
}

TEST_CASE("The Open action of a reminder asks for its contact", "[ui][reminders]")
{
    ReminderFixture f;
    f.add(8, testNow - daySeconds);
    ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
    QSignalSpy opened(&reminder, &ui::FollowUpReminder::openRequested);
    reminder.check();
    REQUIRE(f.delivery.delivered.size() == 1);
    f.delivery.open(f.delivery.delivered.front().followUpId);
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().front().toLongLong() == 8);

    // In the window: the contact's page comes up.
    const std::unique_ptr<ui::MainWindow> window = f.fixture.openMainWindow();
    emit window->findChild<rapport::ui::FollowUpReminder*>()->openRequested(8);
    CHECK(window->currentPage() == 1);
    CHECK(window->selectedContactId() == 8);
    emit window->findChild<rapport::ui::FollowUpReminder*>()->openRequested(0);
    CHECK(window->currentPage() == 0);
}

TEST_CASE("The tray icon counts today's follow-ups and its menu shows Rapport, Today and Quit",
          "[ui][reminders]")
{
    ui::ReminderTrayIcon tray;
    CHECK(tray.toolTip() == QStringLiteral("Rapport — no follow-ups due today"));
    tray.setDueToday(3);
    CHECK(tray.trayIcon()->toolTip() == QStringLiteral("Rapport — 3 follow-up(s) due today"));
    CHECK_FALSE(tray.trayIcon()->icon().isNull());
    QStringList entries;
    for (const QAction* action : tray.menu()->actions()) {
        if (!action->isSeparator())
            entries << action->text();
    }
    CHECK(entries ==
          QStringList{QStringLiteral("&Show Rapport"), QStringLiteral("&Today"), QStringLiteral("&Quit")});
    QSignalSpy today(&tray, &ui::ReminderTrayIcon::todayRequested);
    tray.menu()->actions().at(1)->trigger();
    CHECK(today.size() == 1);
}

TEST_CASE("Settings > Desktop keeps the reminder and tray icon preferences", "[ui][reminders][settings]")
{
    ReminderFixture f;
    CHECK(ui::ReminderPreferences::load().remind);
    CHECK(ui::ReminderPreferences::load().trayIcon);
    ui::SettingsDialog dialog(f.fixture.session(), 3);
    auto* remind = dialog.findChild<QCheckBox*>(QStringLiteral("remindFollowUps"));
    REQUIRE(remind);
    CHECK(remind->isChecked());
    auto* tabs = dialog.findChild<QTabWidget*>();
    REQUIRE(tabs);
    tabs->setCurrentIndex(tabs->count() - 1);
    CHECK(tabs->tabText(tabs->currentIndex()) == QStringLiteral("&Desktop"));
    dialog.show();
    UiFixture::saveScreenshot(dialog, QStringLiteral("settings-desktop"));
    remind->setChecked(false);
    dialog.accept();
    CHECK_FALSE(ui::ReminderPreferences::load().remind);
    CHECK(ui::ReminderPreferences::load().trayIcon);

    // A reminder turned off shows nothing, and still counts for the tray.
    f.add(3, testNow - daySeconds);
    ui::FollowUpReminder reminder(f.fixture.session(), f.delivery);
    reminder.setNotifying(false);
    QSignalSpy counted(&reminder, &ui::FollowUpReminder::dueTodayCounted);
    reminder.check();
    CHECK(f.delivery.delivered.isEmpty());
    REQUIRE(counted.size() == 1);
    CHECK(counted.front().front().toInt() == 1);
}
