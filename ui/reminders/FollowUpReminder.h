// SPDX-License-Identifier: GPL-3.0-or-later
// Reminds of follow-ups as they fall due while the app runs: the open follow-ups of the team member the
// user is ("I am" in Settings) and those nobody owns — all of them while the user has not said who they
// are — each once on this desktop (NotifiedFollowUps). The timer is set for the next due moment, or the
// end of the day when that comes first (the count of today's follow-ups changes then), never further
// than an hour ahead (a machine that slept wakes its timers late), and set again when the database
// changes.
#pragma once

#include "core/storage/FollowUpRepository.h"

#include <QObject>
#include <optional>

class QTimer;

namespace rapport::ui {

class DatabaseSession;
class ReminderDelivery;

class FollowUpReminder : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpReminder)

public:
    // More follow-ups falling due at once than this come as one reminder that opens Today.
    static constexpr int separateReminders = 3;

    FollowUpReminder(DatabaseSession& session, ReminderDelivery& delivery, QObject* parent = nullptr);
    ~FollowUpReminder() override;

    // Off, nothing is shown; today's follow-ups are still counted for the tray icon.
    void setNotifying(bool notifying);
    bool isNotifying() const { return m_notifying; }
    // Reminds of what fell due, counts today's follow-ups and sets the timer: what the timer and every
    // change to the database run.
    void check();
    // When the timer checks next (seconds since the epoch); nullopt before the first check.
    std::optional<qint64> nextCheckAt() const { return m_nextCheckAt; }
    const QTimer* timer() const { return m_timer; }

signals:
    void dueTodayCounted(int count);
    // Open this contact's page; 0: the Today page (after a reminder of several follow-ups).
    void openRequested(qint64 contactId);

private:
    // `open`: every open follow-up, for forgetting the reminders of those closed since.
    void remind(const QList<ListedFollowUp>& due, const QList<ListedFollowUp>& open);
    void open(qint64 followUpId);
    void report(const Error& error);

    DatabaseSession& m_session;
    ReminderDelivery& m_delivery;
    QTimer* m_timer = nullptr;
    QTimer* m_changed = nullptr; // coalesces a burst of changes into one check
    bool m_notifying = true;
    std::optional<qint64> m_nextCheckAt;
    QString m_reportedFailure; // told once, not at every check
};

} // namespace rapport::ui
