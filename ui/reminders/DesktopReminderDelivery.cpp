// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reminders/DesktopReminderDelivery.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>

namespace rapport::ui {

namespace {

const QString notificationService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationPath = QStringLiteral("/org/freedesktop/Notifications");
const QString openAction = QStringLiteral("open");
// The default action is what a click on the notification itself does.
const QString defaultAction = QStringLiteral("default");
// A service that does not answer in this time has failed: the tray shows the reminder.
constexpr int notifyTimeoutMs = 3000;
// Until the person closes it: a reminder that expires unseen is a reminder lost.
constexpr int neverExpires = 0;

} // namespace

DesktopReminderDelivery::DesktopReminderDelivery(const QDBusConnection& bus, QObject* parent)
    : ReminderDelivery(parent)
    , m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(notificationService, notificationPath, notificationService, QStringLiteral("ActionInvoked"),
                  this, SLOT(actionInvoked(uint, QString)));
    m_bus.connect(notificationService, notificationPath, notificationService,
                  QStringLiteral("NotificationClosed"), this, SLOT(notificationClosed(uint)));
}

DesktopReminderDelivery::~DesktopReminderDelivery() = default;

void DesktopReminderDelivery::setTrayIcon(QSystemTrayIcon* tray)
{
    disconnect(m_trayClicks);
    m_tray = tray;
    if (tray)
        m_trayClicks = connect(tray, &QSystemTrayIcon::messageClicked, this,
                               [this] { emit openRequested(m_trayFollowUpId); });
}

bool DesktopReminderDelivery::deliver(const Reminder& reminder)
{
    return notifyOverDBus(reminder) || showInTray(reminder);
}

bool DesktopReminderDelivery::notifyOverDBus(const Reminder& reminder)
{
    if (!m_bus.isConnected() || !m_bus.interface() ||
        !m_bus.interface()->isServiceRegistered(notificationService).value())
        return false;
    QDBusMessage notify = QDBusMessage::createMethodCall(notificationService, notificationPath,
                                                         notificationService, QStringLiteral("Notify"));
    const QString open = tr("Open");
    notify << QStringLiteral("Rapport") << uint(0) << QStringLiteral("rapport") << reminder.title
           << reminder.body << QStringList{defaultAction, open, openAction, open} << QVariantMap()
           << neverExpires;
    // Asynchronous: a slow service must not freeze the window. One that fails after all leaves the
    // reminder to the tray.
    auto* call = new QDBusPendingCallWatcher(m_bus.asyncCall(notify, notifyTimeoutMs), this);
    connect(call, &QDBusPendingCallWatcher::finished, this,
            [this, reminder](QDBusPendingCallWatcher* finished) {
                finished->deleteLater();
                const QDBusPendingReply<uint> shown = *finished;
                if (shown.isError())
                    showInTray(reminder);
                else
                    m_shown.insert(shown.value(), reminder.followUpId);
            });
    return true;
}

bool DesktopReminderDelivery::showInTray(const Reminder& reminder)
{
    if (!m_tray || !m_tray->isVisible() || !QSystemTrayIcon::supportsMessages())
        return false;
    m_trayFollowUpId = reminder.followUpId;
    m_tray->showMessage(reminder.title, reminder.body, QSystemTrayIcon::Information);
    return true;
}

void DesktopReminderDelivery::actionInvoked(uint notificationId, const QString& action)
{
    // The service tells every client of every action: only ours, and only opening, count.
    const auto shown = m_shown.constFind(notificationId);
    if (shown == m_shown.constEnd() || (action != openAction && action != defaultAction))
        return;
    emit openRequested(*shown);
}

void DesktopReminderDelivery::notificationClosed(uint notificationId)
{
    m_shown.remove(notificationId);
}

} // namespace rapport::ui
