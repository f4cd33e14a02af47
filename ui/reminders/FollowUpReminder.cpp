// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reminders/FollowUpReminder.h"

#include "core/base/Clock.h"
#include "ui/followups/FollowUpDialog.h"
#include "ui/reminders/NotifiedFollowUps.h"
#include "ui/reminders/ReminderDelivery.h"
#include "ui/session/DatabaseSession.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

namespace rapport::ui {

namespace {

constexpr qint64 longestWaitSeconds = 3600;
constexpr int namesInSummary = 4;

qint64 endOfLocalDay(qint64 now)
{
    const QDate today = QDateTime::fromSecsSinceEpoch(now).date();
    return QDateTime(today.addDays(1), QTime(0, 0)).toSecsSinceEpoch();
}

// The user's own follow-ups and those nobody owns; everyone's while the user has not said who they are.
bool remindsMe(const FollowUp& followUp, qint64 me)
{
    return me <= 0 || !followUp.ownerId || *followUp.ownerId == me;
}

Reminder reminderOf(const ListedFollowUp& listed)
{
    const FollowUp& followUp = listed.followUp;
    QString title;
    switch (followUp.kind) {
    case FollowUpKind::OurCommitment:
        title = FollowUpReminder::tr("Promise to %1 due").arg(listed.contactName);
        break;
    case FollowUpKind::TheirCommitment:
        title = FollowUpReminder::tr("Promise by %1 due").arg(listed.contactName);
        break;
    case FollowUpKind::ReachOut:
        title = FollowUpReminder::tr("Follow up with %1").arg(listed.contactName);
        break;
    }
    return {followUp.id, title,
            FollowUpReminder::tr("%1 — due %2").arg(followUp.text, followUpDayText(followUp.dueAt))};
}

Reminder summaryOf(const QList<ListedFollowUp>& due)
{
    QStringList names;
    for (const ListedFollowUp& listed : due.first(std::min<qsizetype>(due.size(), namesInSummary)))
        names << listed.contactName;
    QString body = names.join(QStringLiteral(", "));
    if (due.size() > namesInSummary)
        body = FollowUpReminder::tr("%1 and %n more", nullptr, int(due.size() - namesInSummary)).arg(body);
    return {0, FollowUpReminder::tr("%n follow-ups due", nullptr, int(due.size())),
            FollowUpReminder::tr("%1 — they are on Today.").arg(body)};
}

} // namespace

FollowUpReminder::FollowUpReminder(DatabaseSession& session, ReminderDelivery& delivery, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_delivery(delivery)
    , m_timer(new QTimer(this))
    , m_changed(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &FollowUpReminder::check);
    m_changed->setSingleShot(true);
    m_changed->setInterval(0);
    connect(m_changed, &QTimer::timeout, this, &FollowUpReminder::check);
    // A follow-up added, closed or undone touches its contact; the command line or a teammate's
    // Rapport resets the contacts.
    connect(&session, &DatabaseSession::contactChanged, m_changed, qOverload<>(&QTimer::start));
    connect(&session, &DatabaseSession::contactsReset, m_changed, qOverload<>(&QTimer::start));
    connect(&delivery, &ReminderDelivery::openRequested, this, &FollowUpReminder::open);
}

FollowUpReminder::~FollowUpReminder() = default;

void FollowUpReminder::setNotifying(bool notifying)
{
    m_notifying = notifying;
}

void FollowUpReminder::check()
{
    m_changed->stop();
    const qint64 now = Clock::nowSeconds();
    const qint64 endOfToday = endOfLocalDay(now);
    const Result<QList<ListedFollowUp>> open = FollowUpRepository(m_session.database()).listOpen();
    if (!open) {
        report(open.error());
        return;
    }
    m_reportedFailure.clear();
    const qint64 me = m_session.currentMemberId();
    QList<ListedFollowUp> due;
    int dueToday = 0;
    qint64 next = endOfToday;
    for (const ListedFollowUp& listed : *open) {
        if (!remindsMe(listed.followUp, me))
            continue;
        const qint64 dueAt = listed.followUp.dueAt;
        if (dueAt <= now)
            due << listed;
        else
            next = std::min(next, dueAt);
        if (dueAt < endOfToday)
            ++dueToday;
    }
    if (m_notifying)
        remind(due, *open);
    emit dueTodayCounted(dueToday);
    const qint64 wait = std::clamp<qint64>(next - now, 0, longestWaitSeconds);
    m_nextCheckAt = now + wait;
    m_timer->start(static_cast<int>(wait * 1000));
}

void FollowUpReminder::remind(const QList<ListedFollowUp>& due, const QList<ListedFollowUp>& open)
{
    NotifiedFollowUps notified(m_session.path());
    QList<FollowUp> stillOpen;
    for (const ListedFollowUp& listed : open)
        stillOpen << listed.followUp;
    notified.keepOnly(stillOpen);
    QList<ListedFollowUp> fresh;
    for (const ListedFollowUp& listed : due) {
        if (!notified.contains(listed.followUp))
            fresh << listed;
    }
    if (fresh.size() > separateReminders) {
        // Nobody reads a stack of notifications: one says how many and opens Today.
        if (!m_delivery.deliver(summaryOf(fresh)))
            return;
        for (const ListedFollowUp& listed : std::as_const(fresh))
            notified.insert(listed.followUp);
        return;
    }
    // Remembered only once shown: without a notification service or tray, it waits for one.
    for (const ListedFollowUp& listed : std::as_const(fresh)) {
        if (m_delivery.deliver(reminderOf(listed)))
            notified.insert(listed.followUp);
    }
}

void FollowUpReminder::open(qint64 followUpId)
{
    if (followUpId <= 0) {
        emit openRequested(0);
        return;
    }
    // A follow-up deleted since (by an undo) leaves Today, which shows what is due.
    const Result<FollowUp> followUp = FollowUpRepository(m_session.database()).get(followUpId);
    emit openRequested(followUp ? followUp->contactId : 0);
}

void FollowUpReminder::report(const Error& error)
{
    const QString message = tr("Could not read the follow-ups to remind you of: %1").arg(error.message);
    if (message != m_reportedFailure)
        emit m_session.errorOccurred(message);
    m_reportedFailure = message;
    // The next change to the database tries again; so does the hour.
    m_nextCheckAt = Clock::nowSeconds() + longestWaitSeconds;
    m_timer->start(static_cast<int>(longestWaitSeconds * 1000));
}

} // namespace rapport::ui
