// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reminders/ReminderPreferences.h"

#include <QSettings>

namespace rapport::ui {

namespace {

const QString remindKey = QStringLiteral("reminders/remind");
const QString trayIconKey = QStringLiteral("reminders/trayIcon");

} // namespace

ReminderPreferences ReminderPreferences::load()
{
    const QSettings settings;
    const ReminderPreferences defaults;
    return {settings.value(remindKey, defaults.remind).toBool(),
            settings.value(trayIconKey, defaults.trayIcon).toBool()};
}

void ReminderPreferences::save() const
{
    QSettings settings;
    settings.setValue(remindKey, remind);
    settings.setValue(trayIconKey, trayIcon);
}

} // namespace rapport::ui
