// SPDX-License-Identifier: GPL-3.0-or-later
// Where a follow-up reminder goes: the desktop's notifications in the app, a recording fake in tests.
#pragma once

#include <QObject>
#include <QString>

namespace rapport::ui {

// One notification: a follow-up that fell due, or (followUpId 0) a summary of several.
struct Reminder
{
    qint64 followUpId = 0;
    QString title;
    QString body;
};

class ReminderDelivery : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReminderDelivery)

public:
    using QObject::QObject;
    ~ReminderDelivery() override = default;

    // Shows the reminder, or hands it to what shows it; false when nothing can (no notification service,
    // no tray), so that it is not remembered as shown.
    virtual bool deliver(const Reminder& reminder) = 0;

signals:
    // The person asked to open what a reminder was about (its "Open" action, or a click on it).
    void openRequested(qint64 followUpId);
};

} // namespace rapport::ui
