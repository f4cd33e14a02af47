// SPDX-License-Identifier: GPL-3.0-or-later
// Settings > Desktop: whether Rapport reminds of follow-ups as they fall due and shows a tray icon,
// kept in QSettings for this user on this computer.
#pragma once

namespace rapport::ui {

struct ReminderPreferences
{
    bool remind = true;
    bool trayIcon = true;

    static ReminderPreferences load();
    void save() const;
};

} // namespace rapport::ui
