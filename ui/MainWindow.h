// SPDX-License-Identifier: GPL-3.0-or-later
// The main window: the navigation, the menus and shortcuts, Edit > Undo and Redo over the open database's
// stack, opening or creating database files (each shown by a DatabaseView that replaces the last), the
// dialogs the menus open, and the tray icon of follow-up reminders.
#pragma once

#include "core/storage/Database.h"

#include <QMainWindow>
#include <memory>

class QHBoxLayout;
class QListWidget;
class QMenu;
class QUndoGroup;

namespace rapport::ui {

class DatabaseSession;
class DatabaseView;
class DesktopReminderDelivery;
class ReminderTrayIcon;
class UndoActions;

class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(std::unique_ptr<Database> database, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The open database's session; null only when the first one could not be opened.
    DatabaseSession* session() const;
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

    QListWidget* m_navigation = nullptr;
    QHBoxLayout* m_centralLayout = nullptr;
    DatabaseView* m_view = nullptr; // the open database's pages, session and reminder
    QMenu* m_recentMenu = nullptr;
    QMenu* m_editMenu = nullptr;
    QMenu* m_selectionMenu = nullptr;
    QUndoGroup* m_undoGroup;
    UndoActions* m_undoActions = nullptr;
    DesktopReminderDelivery* m_delivery = nullptr;
    ReminderTrayIcon* m_tray = nullptr;
};

} // namespace rapport::ui
