// SPDX-License-Identifier: GPL-3.0-or-later
// Rapport in the system tray: the icon with a badge and a tooltip counting the follow-ups due today, and
// a menu to show the window, open Today or quit. Made only where the desktop has a tray.
#pragma once

#include <QObject>
#include <memory>

class QMenu;
class QSystemTrayIcon;

namespace rapport::ui {

class ReminderTrayIcon : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReminderTrayIcon)

public:
    explicit ReminderTrayIcon(QObject* parent = nullptr);
    ~ReminderTrayIcon() override;

    QSystemTrayIcon* trayIcon() const { return m_tray; }
    QMenu* menu() const { return m_menu.get(); }
    void setDueToday(int count);
    int dueToday() const { return m_dueToday; }
    QString toolTip() const;

signals:
    void showRequested();
    void todayRequested();
    void quitRequested();

private:
    std::unique_ptr<QMenu> m_menu; // a menu has no QObject parent to die with
    QSystemTrayIcon* m_tray = nullptr;
    int m_dueToday = -1;
};

} // namespace rapport::ui
