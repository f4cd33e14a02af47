// SPDX-License-Identifier: GPL-3.0-or-later
// Reminders as desktop notifications: through the freedesktop notification service over D-Bus, with an
// "Open" action, or, when no service answers, as a balloon of the tray icon; neither shows nothing and
// says so to the caller, never to the person.
#pragma once

#include "ui/reminders/ReminderDelivery.h"

#include <QDBusConnection>
#include <QHash>
#include <QPointer>

class QSystemTrayIcon;

namespace rapport::ui {

class DesktopReminderDelivery : public ReminderDelivery
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopReminderDelivery)

public:
    // `bus` carries the notifications (the session bus; a test passes one that is not connected).
    explicit DesktopReminderDelivery(const QDBusConnection& bus, QObject* parent = nullptr);
    ~DesktopReminderDelivery() override;

    // The fallback when no notification service answers; null when there is no tray icon.
    void setTrayIcon(QSystemTrayIcon* tray);
    bool deliver(const Reminder& reminder) override;

private slots:
    void actionInvoked(uint notificationId, const QString& action);
    void notificationClosed(uint notificationId);

private:
    bool notifyOverDBus(const Reminder& reminder);
    bool showInTray(const Reminder& reminder);

    QDBusConnection m_bus;
    QHash<uint, qint64> m_shown; // notification id → follow-up, while the notification is on screen
    QPointer<QSystemTrayIcon> m_tray;
    QMetaObject::Connection m_trayClicks;
    qint64 m_trayFollowUpId = 0; // what the tray's last balloon was about: a click opens it
};

} // namespace rapport::ui
