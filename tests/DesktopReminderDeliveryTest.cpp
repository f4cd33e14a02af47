// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop delivery of reminders against a notification service of the test's own, on a private
// D-Bus daemon: Notify carries the reminder and an "Open" action, and the service's ActionInvoked for it
// asks to open the follow-up; other notifications' actions do not. Without a service or tray it shows
// nothing and says so.
#include "ui/reminders/DesktopReminderDelivery.h"

#include "tests/support/TestSupport.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>
#include <catch2/catch.hpp>
#include <functional>

using namespace rapport;

namespace {

const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");

// What a desktop's notification daemon does, as far as Rapport uses it.
class FakeNotificationService : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown
    {
        QString summary;
        QString body;
        QStringList actions;
        int timeout = -1;
    };

    explicit FakeNotificationService(QDBusConnection bus)
        : m_bus(std::move(bus))
    {}

    void invoke(uint id, const QString& action)
    {
        QDBusMessage signal = QDBusMessage::createSignal(path, service, QStringLiteral("ActionInvoked"));
        signal << id << action;
        m_bus.send(signal);
    }

    QList<Shown> shown;

public slots:
    uint Notify(const QString& appName, uint replacesId, const QString& icon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(hints)
        shown << Shown{summary, body, actions, timeout};
        return static_cast<uint>(100 + shown.size());
    }

private:
    QDBusConnection m_bus;
};

// A dbus-daemon of this test's own, so that no real desktop is notified.
class PrivateBus
{
public:
    PrivateBus()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return;
        m_daemon.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                QStringLiteral("--print-address")});
        if (!m_daemon.waitForStarted(5000) || !m_daemon.waitForReadyRead(5000))
            return;
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        for (const QString& name : m_names)
            QDBusConnection::disconnectFromBus(name);
        m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }
    PrivateBus(const PrivateBus&) = delete;
    PrivateBus& operator=(const PrivateBus&) = delete;

    bool isRunning() const { return !m_address.isEmpty(); }
    QDBusConnection connect(const QString& name)
    {
        m_names << name;
        return QDBusConnection::connectToBus(m_address, name);
    }

private:
    QProcess m_daemon;
    QString m_address;
    QStringList m_names;
};

bool waitFor(const std::function<bool()>& condition)
{
    QElapsedTimer waited;
    waited.start();
    while (!condition() && waited.elapsed() < 5000)
        QTest::qWait(10);
    return condition();
}

} // namespace

TEST_CASE("A reminder goes to the notification service with an Open action that opens its follow-up",
          "[ui][reminders][dbus]")
{
    PrivateBus bus;
    if (!bus.isRunning()) {
        WARN("no dbus-daemon to run a private bus on: the D-Bus delivery is not tested here");
        return;
    }
    QDBusConnection serviceBus = bus.connect(QStringLiteral("rapport-test-notifications"));
    REQUIRE(serviceBus.isConnected());
    FakeNotificationService notifications(serviceBus);
    REQUIRE(serviceBus.registerObject(path, &notifications, QDBusConnection::ExportAllSlots));
    REQUIRE(serviceBus.registerService(service));

    ui::DesktopReminderDelivery delivery(bus.connect(QStringLiteral("rapport-test-client")));
    QSignalSpy opened(&delivery, &ui::ReminderDelivery::openRequested);
    CHECK(delivery.deliver({42, QStringLiteral("Follow up with Ada"), QStringLiteral("Send the slides")}));
    REQUIRE(waitFor([&] { return notifications.shown.size() == 1; }));
    const FakeNotificationService::Shown shown = notifications.shown.front();
    CHECK(shown.summary == QStringLiteral("Follow up with Ada"));
    CHECK(shown.body == QStringLiteral("Send the slides"));
    CHECK(shown.actions == QStringList{QStringLiteral("default"), QStringLiteral("Open"),
                                       QStringLiteral("open"), QStringLiteral("Open")});
    CHECK(shown.timeout == 0);
    // Let the reply (the notification's id) reach the delivery before the person clicks.
    QTest::qWait(50);

    // Another client's notification, or another action, opens nothing.
    notifications.invoke(7, QStringLiteral("open"));
    notifications.invoke(101, QStringLiteral("snooze"));
    notifications.invoke(101, QStringLiteral("open"));
    REQUIRE(waitFor([&] { return opened.size() == 1; }));
    QTest::qWait(50);
    REQUIRE(opened.size() == 1);
    CHECK(opened.front().front().toLongLong() == 42);
}

TEST_CASE("The desktop delivery without a notification service or tray shows nothing and says so",
          "[ui][reminders]")
{
    ui::DesktopReminderDelivery delivery{QDBusConnection(QStringLiteral("rapport-no-bus"))};
    CHECK_FALSE(
        delivery.deliver({1, QStringLiteral("Follow up with Ada"), QStringLiteral("Send the slides")}));
    // A tray icon that is not shown (the offscreen platform has no tray) does not show balloons either.
    QSystemTrayIcon hidden;
    delivery.setTrayIcon(&hidden);
    CHECK_FALSE(
        delivery.deliver({1, QStringLiteral("Follow up with Ada"), QStringLiteral("Send the slides")}));
}

#include "DesktopReminderDeliveryTest.moc"
