// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: navigation between the contacts, dashboard, reach-out, trust-note and event pages, the
// menus and shortcuts, the undo stack, opening or creating database files, and the reminders of follow-ups
// with the tray icon.
#pragma once

#include "core/storage/Database.h"

#include <QMainWindow>
#include <memory>

class QListWidget;
class QMenu;
class QStackedWidget;
class QUndoGroup;

namespace rapport::ui {

class ContactsPage;
class DashboardPage;
class DatabaseSession;
class DesktopReminderDelivery;
class EventsPage;
class FollowUpReminder;
class ReminderTrayIcon;
class ReachOutPage;
class TodayPage;
class TrustNotesPage;
class UndoActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(std::unique_ptr<Database> database, QWidget* parent = nullptr);
    ~MainWindow() override;

    DatabaseSession* session() const { return m_session.get(); }
    ContactsPage* contactsPage() const { return m_contacts; }
    DashboardPage* dashboardPage() const { return m_dashboard; }
    ReachOutPage* reachOutPage() const { return m_reachOut; }
    TodayPage* todayPage() const { return m_today; }
    TrustNotesPage* trustNotesPage() const { return m_trustNotes; }
    EventsPage* eventsPage() const { return m_events; }
    FollowUpReminder* reminder() const { return m_reminder; }
    // Null where the desktop has no tray or Settings turned it off.
    ReminderTrayIcon* trayIcon() const { return m_tray; }
    void showPage(int page);
    // The contact selected on the page in view: what Ctrl+L, Ctrl+T and Ctrl+E act on.
    qint64 selectedContactId() const;
    int currentPage() const;

    // Opens the log dialog, preselecting `contactId` when it is not 0; returns whether it was logged.
    bool logConversation(qint64 contactId);
    bool addTrustNote(qint64 contactId);
    // `text` prefills what to do, e.g. from the conversation it follows.
    bool addFollowUp(qint64 contactId, const QString& text = {});
    // Opens the contact dialog on an existing contact, or on a new one when `contactId` is 0.
    bool editContact(qint64 contactId);
    // Edit > Settings: scoring parameters previewed on the selected contact, who am I, the team.
    bool openSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    QString contactName(qint64 contactId) const;
    void setDatabase(std::unique_ptr<Database> database);
    void openDatabase();
    void newDatabase();
    void openPath(const QString& path);
    void rememberRecent(const QString& path);
    void fillRecentMenu();
    void deleteConversation(qint64 interactionId);
    void importFile();
    void importArchive();
    void exportReport();
    void showError(const QString& message);
    void updateStatus();
    // Turns reminders and the tray icon on or off as Settings > Desktop say.
    void applyReminderPreferences();
    void raiseWindow();
    // Brings the window up from a reminder or the tray: the contact's page, or Today for 0.
    void showFromReminder(qint64 contactId);

    std::unique_ptr<DatabaseSession> m_session;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    ContactsPage* m_contacts = nullptr;
    DashboardPage* m_dashboard = nullptr;
    ReachOutPage* m_reachOut = nullptr;
    TodayPage* m_today = nullptr;
    TrustNotesPage* m_trustNotes = nullptr;
    EventsPage* m_events = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_selectionMenu = nullptr;
    QUndoGroup* m_undoGroup;
    UndoActions* m_undoActions = nullptr;
    DesktopReminderDelivery* m_delivery = nullptr;
    FollowUpReminder* m_reminder = nullptr; // of the open database
    ReminderTrayIcon* m_tray = nullptr;
};

} // namespace rapport::ui
