// SPDX-License-Identifier: GPL-3.0-or-later
// One open database's widgets: its session (connection, scores, undo stack), the pages — Today,
// Contacts, Dashboard, Reach out, Trust notes, Events — and the follow-up reminder. The main window holds
// one; opening another database replaces it whole, so nothing of the old file lingers in a page.
#pragma once

#include <QStackedWidget>
#include <memory>

namespace rapport::ui {

class ContactsPage;
class DashboardPage;
class DatabaseSession;
class DesktopReminderDelivery;
class EventsPage;
class FollowUpReminder;
class ReachOutPage;
class TodayPage;
class TrustNotesPage;

class DatabaseView : public QStackedWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseView)

public:
    // In the order of the window's navigation and of View > Ctrl+0…Ctrl+5.
    enum Page
    {
        TodayPageIndex = 0,
        ContactsPageIndex,
        DashboardPageIndex,
        ReachOutPageIndex,
        TrustNotesPageIndex,
        EventsPageIndex
    };

    DatabaseView(std::unique_ptr<DatabaseSession> session, DesktopReminderDelivery& delivery,
                 QWidget* parent = nullptr);
    // The pages and the reminder hold references into the session: they go first.
    ~DatabaseView() override;

    DatabaseSession& session() const { return *m_session; }
    ContactsPage& contacts() const { return *m_contacts; }
    DashboardPage& dashboard() const { return *m_dashboard; }
    EventsPage& events() const { return *m_events; }
    FollowUpReminder& reminder() const { return *m_reminder; }

    // Refreshes what a page computes when shown (Today's plan, Reach out) and shows it.
    void showPage(int page);
    // The Contacts page with that contact selected.
    void showContact(qint64 contactId);
    // The contact selected on the page in view: what Ctrl+L, Ctrl+T and Ctrl+E act on.
    qint64 selectedContactId() const;

signals:
    void pageShown(int page);
    void logConversationRequested(qint64 contactId);
    void trustNoteRequested(qint64 contactId);
    void followUpRequested(qint64 contactId, const QString& text);
    void editContactRequested(qint64 contactId);
    void deleteConversationRequested(qint64 interactionId);
    // The number of contacts or the scores changed: the window's status line.
    void statusChanged();

private:
    std::unique_ptr<DatabaseSession> m_session;
    ContactsPage* m_contacts;
    ReachOutPage* m_reachOut;
    TodayPage* m_today;
    DashboardPage* m_dashboard;
    TrustNotesPage* m_trustNotes;
    EventsPage* m_events;
    FollowUpReminder* m_reminder;
};

} // namespace rapport::ui
