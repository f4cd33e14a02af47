// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/storage/ContactDirectory.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/AboutDialog.h"
#include "ui/DatabaseView.h"
#include "ui/ShortcutsDialog.h"
#include "ui/contacts/ContactDetailPanel.h"
#include "ui/contacts/ContactEditDialog.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/ContactsPage.h"
#include "ui/contacts/LinkActions.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/contacts/PersonActions.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/events/EventsPage.h"
#include "ui/exporting/ExportDialog.h"
#include "ui/followups/FollowUpDialog.h"
#include "ui/importing/ArchiveImportWizard.h"
#include "ui/importing/ArchiveResultPage.h"
#include "ui/importing/ImportResultPage.h"
#include "ui/importing/ImportWizard.h"
#include "ui/reachout/ReachOutPage.h"
#include "ui/reminders/DesktopReminderDelivery.h"
#include "ui/reminders/FollowUpReminder.h"
#include "ui/reminders/ReminderPreferences.h"
#include "ui/reminders/ReminderTrayIcon.h"
#include "ui/session/DatabaseSession.h"
#include "ui/settings/SettingsDialog.h"
#include "ui/today/TodayPage.h"
#include "ui/trustnotes/TrustNoteDialog.h"
#include "ui/trustnotes/TrustNotesPage.h"
#include "ui/undo/CommandSequence.h"
#include "ui/undo/ContactCommands.h"
#include "ui/undo/ConversationCommands.h"
#include "ui/undo/FollowUpCommands.h"
#include "ui/undo/TrustNoteCommands.h"
#include "ui/undo/UndoActions.h"
#include "ui/widgets/FilterChoices.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>

namespace rapport::ui {

namespace {

const QString recentFilesKey = QStringLiteral("recentFiles");
constexpr int recentFileCount = 8;
using Page = DatabaseView::Page;

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget* parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_undoGroup(new QUndoGroup(this))
    // The offscreen platform (tests, scripted screenshots) has no desktop to notify.
    , m_delivery(new DesktopReminderDelivery(QGuiApplication::platformName() == QLatin1String("offscreen")
                                                 ? QDBusConnection(QString())
                                                 : QDBusConnection::sessionBus(),
                                             this))
{
    m_navigation->addItem(tr("Today"));
    m_navigation->addItem(tr("Contacts"));
    m_navigation->addItem(tr("Dashboard"));
    m_navigation->addItem(tr("Reach out"));
    m_navigation->addItem(tr("Trust notes"));
    m_navigation->addItem(tr("Events"));
    m_navigation->setFixedWidth(m_navigation->fontMetrics().horizontalAdvance(QStringLiteral("Trust notes")) +
                                48);
    m_navigation->setCurrentRow(Page::ContactsPageIndex);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    auto* central = new QWidget(this);
    m_centralLayout = new QHBoxLayout(central);
    m_centralLayout->setContentsMargins(0, 0, 0, 0);
    m_centralLayout->addWidget(m_navigation);
    setCentralWidget(central);
    createActions();
    resize(1280, 800);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    setDatabase(std::move(database));
}

MainWindow::~MainWindow() = default;

DatabaseSession* MainWindow::session() const
{
    return m_view ? &m_view->session() : nullptr;
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, &MainWindow::newDatabase);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::openDatabase);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    fillRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+Shift+I")), this, &MainWindow::importFile);
    file->addAction(tr("Import &Conversations from an Archive…"), QKeySequence(tr("Ctrl+Alt+I")), this,
                    &MainWindow::importArchive);
    file->addAction(tr("&Export…"), QKeySequence(tr("Ctrl+Shift+E")), this, &MainWindow::exportReport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoActions = new UndoActions(*m_undoGroup, *this);
    m_editMenu->addAction(m_undoActions->undoAction());
    m_editMenu->addAction(m_undoActions->redoAction());
    QAction* find = m_editMenu->addAction(tr("&Find contact"), QKeySequence::Find, this, [this] {
        showPage(Page::ContactsPageIndex);
        m_view->contacts().focusSearch();
    });
    find->setShortcutContext(Qt::ApplicationShortcut);

    QMenu* relationship = menuBar()->addMenu(tr("&Relationship"));
    QAction* log = relationship->addAction(QIcon(QStringLiteral(":/icons/channel-chat.svg")),
                                           tr("&Log conversation…"), QKeySequence(tr("Ctrl+L")), this,
                                           [this] { logConversation(selectedContactId()); });
    log->setShortcutContext(Qt::ApplicationShortcut);
    QAction* note = relationship->addAction(tr("Add &trust note…"), QKeySequence(tr("Ctrl+T")), this,
                                            [this] { addTrustNote(selectedContactId()); });
    relationship->addAction(tr("Add &follow-up…"), QKeySequence(tr("Ctrl+Shift+F")), this,
                            [this] { addFollowUp(selectedContactId()); });
    relationship->addAction(tr("Introduced &by…"), this,
                            [this] { LinkActions(*session(), this).chooseIntroducer(selectedContactId()); });
    relationship->addAction(tr("&Knows…"), this, [this] {
        LinkActions(*session(), this).chooseAcquaintance(selectedContactId());
    });

    relationship->addAction(tr("New e&vent…"), QKeySequence(tr("Ctrl+Shift+L")), this, [this] {
        showPage(Page::EventsPageIndex);
        m_view->events().newEvent();
    });

    relationship->addSeparator();
    QAction* newContact = relationship->addAction(tr("&New contact…"), QKeySequence(tr("Ctrl+Shift+N")), this,
                                                  [this] { editContact(0); });
    relationship->addAction(tr("&Edit contact…"), QKeySequence(tr("Ctrl+E")), this,
                            [this] { editContact(selectedContactId()); });
    m_selectionMenu = relationship->addMenu(tr("&Selected contacts"));
    relationship->addAction(tr("E&xport this person…"), this, [this] {
        const QString message = PersonActions(*session(), this).exportPerson(selectedContactId());
        if (!message.isEmpty())
            statusBar()->showMessage(message, 8000);
    });
    relationship->addAction(tr("&Forget this person…"), this, [this] {
        const QString message = PersonActions(*session(), this).forgetPerson(selectedContactId());
        if (!message.isEmpty())
            statusBar()->showMessage(message, 8000);
    });
    relationship->addAction(tr("Find possible &duplicates…"), QKeySequence(tr("Ctrl+Shift+D")), this, [this] {
        showPage(Page::ContactsPageIndex);
        m_view->contacts().findDuplicates();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("T&oday"), QKeySequence(tr("Ctrl+0")), this,
                    [this] { showPage(Page::TodayPageIndex); });
    view->addAction(tr("&Contacts"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { showPage(Page::ContactsPageIndex); });
    view->addAction(tr("&Dashboard"), QKeySequence(tr("Ctrl+2")), this,
                    [this] { showPage(Page::DashboardPageIndex); });
    view->addAction(tr("&Reach out"), QKeySequence(tr("Ctrl+3")), this,
                    [this] { showPage(Page::ReachOutPageIndex); });
    view->addAction(tr("&Trust notes"), QKeySequence(tr("Ctrl+4")), this,
                    [this] { showPage(Page::TrustNotesPageIndex); });
    view->addAction(tr("&Events"), QKeySequence(tr("Ctrl+5")), this,
                    [this] { showPage(Page::EventsPageIndex); });
    view->addSeparator();
    view->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, [this] {
        if (m_view)
            session()->everythingTouched();
    });
    // What the command line, an import or a teammate on a shared file commits shows up by itself; not
    // under an open dialog, which may be holding rows of the list.
    auto* outsideChanges = new QTimer(this);
    outsideChanges->setInterval(2000);
    connect(outsideChanges, &QTimer::timeout, this, [this] {
        if (m_view && !QApplication::activeModalWidget())
            session()->checkForOutsideChanges();
    });
    outsideChanges->start();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(tr("Ctrl+/")), this,
                    [this] { ShortcutsDialog(*menuBar(), this).exec(); });
    help->addSeparator();
    help->addAction(tr("&About Rapport"), this, [this] { AboutDialog(this).exec(); });

    QToolBar* toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(log);
    toolbar->addAction(note);
    toolbar->addAction(newContact);
    m_editMenu->addSeparator();
    m_editMenu->addAction(tr("&Settings…"), QKeySequence(tr("Ctrl+,")), this, &MainWindow::openSettings);
}

void MainWindow::setDatabase(std::unique_ptr<Database> database)
{
    const QString path = database->path();
    Result<std::unique_ptr<DatabaseSession>> session = DatabaseSession::open(std::move(database));
    if (!session) {
        showError(session.error().message);
        return;
    }
    // The old file's pages, reminder, session and undo stack go together.
    delete m_view;
    m_view = new DatabaseView(std::move(*session), *m_delivery, centralWidget());
    m_centralLayout->addWidget(m_view, 1);
    DatabaseSession& opened = m_view->session();
    // Queued: models report from data() and views from paint events, where a modal box must not open.
    connect(&opened, &DatabaseSession::errorOccurred, this, &MainWindow::showError, Qt::QueuedConnection);
    connect(&opened, &DatabaseSession::undone, this, [this](const QString& text) {
        statusBar()->showMessage(
            tr("Undone: %1. Redo with %2.")
                .arg(text, QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)),
            8000);
    });
    connect(&opened, &DatabaseSession::redone, this,
            [this](const QString& text) { statusBar()->showMessage(tr("Redone: %1.").arg(text), 8000); });
    m_undoActions->setSession(opened);
    m_selectionMenu->clear();
    m_selectionMenu->addActions(m_view->contacts().bulkActions());

    connect(m_view, &DatabaseView::pageShown, this, [this](int page) {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(page);
    });
    connect(m_view, &DatabaseView::statusChanged, this, &MainWindow::updateStatus);
    connect(m_view, &DatabaseView::logConversationRequested, this, &MainWindow::logConversation);
    connect(m_view, &DatabaseView::trustNoteRequested, this, &MainWindow::addTrustNote);
    connect(m_view, &DatabaseView::followUpRequested, this, &MainWindow::addFollowUp);
    connect(m_view, &DatabaseView::editContactRequested, this, &MainWindow::editContact);
    connect(m_view, &DatabaseView::deleteConversationRequested, this, &MainWindow::deleteConversation);
    FollowUpReminder& reminder = m_view->reminder();
    connect(&reminder, &FollowUpReminder::openRequested, this, &MainWindow::showFromReminder);
    connect(&reminder, &FollowUpReminder::dueTodayCounted, this, [this](int count) {
        if (m_tray)
            m_tray->setDueToday(count);
    });

    setWindowTitle(tr("%1 — Rapport").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    rememberRecent(path);
    applyReminderPreferences();
    showPage(Page::TodayPageIndex);
    updateStatus();
}

void MainWindow::applyReminderPreferences()
{
    const ReminderPreferences preferences = ReminderPreferences::load();
    const bool tray = preferences.trayIcon && QSystemTrayIcon::isSystemTrayAvailable();
    if (tray && !m_tray) {
        m_tray = new ReminderTrayIcon(this);
        connect(m_tray, &ReminderTrayIcon::showRequested, this, &MainWindow::raiseWindow);
        connect(m_tray, &ReminderTrayIcon::todayRequested, this, [this] { showFromReminder(0); });
        connect(m_tray, &ReminderTrayIcon::quitRequested, this, &QWidget::close);
        m_tray->trayIcon()->show();
    } else if (!tray && m_tray) {
        delete m_tray;
        m_tray = nullptr;
    }
    m_delivery->setTrayIcon(m_tray ? m_tray->trayIcon() : nullptr);
    if (m_view) {
        m_view->reminder().setNotifying(preferences.remind);
        // Also the count of a tray icon just made, and the follow-ups of who the user now says they are.
        m_view->reminder().check();
    }
}

void MainWindow::raiseWindow()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::showFromReminder(qint64 contactId)
{
    if (!m_view)
        return;
    raiseWindow();
    if (contactId > 0)
        m_view->showContact(contactId);
    else
        showPage(Page::TodayPageIndex);
}

void MainWindow::showPage(int page)
{
    if (!m_view)
        return;
    m_view->showPage(page);
}

qint64 MainWindow::selectedContactId() const
{
    return m_view ? m_view->selectedContactId() : 0;
}

int MainWindow::currentPage() const
{
    return m_view ? m_view->currentIndex() : -1;
}

bool MainWindow::logConversation(qint64 contactId)
{
    if (!m_view)
        return false;
    LogConversationDialog dialog(*session(), contactId, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Interaction interaction = dialog.interaction();
    auto log = std::make_unique<AddRemoveConversationCommand>(*session(), interaction,
                                                              AddRemoveConversationCommand::Action::Log);
    const std::optional<FollowUp> followUp = dialog.followUp();
    if (followUp) {
        std::vector<std::unique_ptr<DatabaseCommand>> steps;
        steps.push_back(std::move(log));
        steps.push_back(
            std::make_unique<AddFollowUpCommand>(*session(), *followUp, contactName(interaction.contactId)));
        if (!DatabaseCommand::push(
                *session(),
                std::make_unique<CommandSequence>(
                    *session(),
                    tr("Log conversation with %1 and follow up").arg(contactName(interaction.contactId)),
                    std::move(steps))))
            return false;
    } else if (!DatabaseCommand::push(*session(), std::move(log))) {
        return false;
    }
    m_view->contacts().selectContact(interaction.contactId);
    QString message = tr("Logged. %1").arg(m_view->contacts().detailPanel()->explanationText());
    if (followUp)
        message += tr(" Follow-up due %1.").arg(followUpDayText(followUp->dueAt));
    statusBar()->showMessage(message, 8000);
    return true;
}

bool MainWindow::addFollowUp(qint64 contactId, const QString& text)
{
    if (!m_view)
        return false;
    FollowUpDialog dialog(*session(), contactId, text, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const FollowUp followUp = dialog.followUp();
    if (!DatabaseCommand::push(*session(), std::make_unique<AddFollowUpCommand>(
                                               *session(), followUp, contactName(followUp.contactId))))
        return false;
    statusBar()->showMessage(tr("Follow-up with %1 due %2: it shows on Today (Ctrl+0) that day.")
                                 .arg(contactName(followUp.contactId), followUpDayText(followUp.dueAt)),
                             8000);
    return true;
}

QString MainWindow::contactName(qint64 contactId) const
{
    const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(session()->database()).rows({contactId});
    return rows ? rows->value(contactId).name : QString();
}

bool MainWindow::addTrustNote(qint64 contactId)
{
    if (!m_view)
        return false;
    if (contactId <= 0) {
        statusBar()->showMessage(tr("Select a contact first, then add a trust note (Ctrl+T)."), 5000);
        return false;
    }
    TrustNoteDialog dialog(contactId, contactName(contactId), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    TrustNote trustNote = dialog.note();
    if (session()->currentMemberId() > 0)
        trustNote.authorId = session()->currentMemberId();
    if (!DatabaseCommand::push(
            *session(), std::make_unique<AddRemoveTrustNoteCommand>(*session(), trustNote,
                                                                    AddRemoveTrustNoteCommand::Action::Add)))
        return false;
    m_view->contacts().selectContact(contactId);
    // Trust is out of the score by default; say so, or the note seems to do nothing.
    QString effect;
    if (session()->engine().settings().trustWeight <= 0)
        effect = tr("Trust levels count toward the score only when their weight is set (Edit > Settings…).");
    else if (!trustNote.trustLevel)
        effect = tr("It has no trust level, so the score is unchanged.");
    else
        effect = m_view->contacts().detailPanel()->explanationText();
    statusBar()->showMessage(tr("Trust note added. %1").arg(effect), 8000);
    return true;
}

bool MainWindow::editContact(qint64 contactId)
{
    if (!m_view)
        return false;
    Contact before;
    if (contactId > 0) {
        const Result<Contact> existing = ContactRepository(session()->database()).get(contactId);
        if (!existing) {
            showError(existing.error().message);
            return false;
        }
        before = *existing;
    }
    ContactEditDialog dialog(*session(), before, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (contactId > 0)
        return DatabaseCommand::push(
                   *session(), std::make_unique<EditContactCommand>(*session(), before, dialog.contact()))
            .ok();
    const Result<const CreateContactCommand*> created = DatabaseCommand::push(
        *session(), std::make_unique<CreateContactCommand>(*session(), dialog.contact()));
    if (!created)
        return false;
    m_view->showContact((*created)->contactId());
    return true;
}

bool MainWindow::openSettings()
{
    if (!m_view)
        return false;
    if (SettingsDialog(*session(), selectedContactId(), this).exec() != QDialog::Accepted)
        return false;
    applyReminderPreferences();
    return true;
}

void MainWindow::deleteConversation(qint64 interactionId)
{
    if (!m_view)
        return;
    const Result<Interaction> interaction = InteractionRepository(session()->database()).get(interactionId);
    if (!interaction) {
        showError(interaction.error().message);
        return;
    }
    if (!DatabaseCommand::push(*session(),
                               std::make_unique<AddRemoveConversationCommand>(
                                   *session(), *interaction, AddRemoveConversationCommand::Action::Delete)))
        return;
    statusBar()->showMessage(tr("Conversation deleted. Undo with %1.")
                                 .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                             6000);
}

void MainWindow::importFile()
{
    if (!m_view)
        return;
    ImportWizard wizard(*session(), this);
    wizard.exec();
    if (wizard.resultPage()->written())
        statusBar()->showMessage(tr("Imported: %1").arg(wizard.outcome()->value().summary()), 8000);
}

void MainWindow::importArchive()
{
    if (!m_view)
        return;
    ArchiveImportWizard wizard(*session(), this);
    wizard.exec();
    if (wizard.resultPage()->written())
        statusBar()->showMessage(
            tr("Imported %n conversations", nullptr, static_cast<int>(wizard.outcome()->value().created)),
            8000);
}

void MainWindow::exportReport()
{
    if (!m_view)
        return;
    // From the dashboard, the export covers what it shows: its owner, tag and period.
    const bool fromDashboard = currentPage() == Page::DashboardPageIndex;
    const DashboardPage& dashboard = m_view->dashboard();
    const ContactsPage& contacts = m_view->contacts();
    ExportDialog dialog(*session(),
                        fromDashboard ? chosenName(*dashboard.ownerFilter()) : contacts.ownerFilterName(),
                        fromDashboard ? chosenName(*dashboard.tagFilter()) : contacts.tagFilterName(), this);
    if (fromDashboard) {
        const DashboardFilter shown = dashboard.filter();
        dialog.setPeriod(QDateTime::fromSecsSinceEpoch(shown.start, QTimeZone::utc()).date(),
                         QDateTime::fromSecsSinceEpoch(shown.end - 1, QTimeZone::utc()).date());
    }
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(dialog.resultMessage(), 8000);
}

void MainWindow::openDatabase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(windowFilePath()).absolutePath(),
                                     tr("Rapport databases (*.sqlite3 *.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

void MainWindow::newDatabase()
{
    QString path =
        QFileDialog::getSaveFileName(this, tr("New database"), QFileInfo(windowFilePath()).absolutePath(),
                                     tr("Rapport databases (*.sqlite3)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".sqlite3");
    if (QFileInfo::exists(path)) {
        showError(tr("'%1' already exists; open it with File > Open database.").arg(path));
        return;
    }
    openPath(path);
}

void MainWindow::openPath(const QString& path)
{
    Result<std::unique_ptr<Database>> database = Database::open(path);
    if (!database) {
        showError(database.error().message);
        return;
    }
    setDatabase(std::move(*database));
}

void MainWindow::rememberRecent(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(recentFilesKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(recentFilesKey, QStringList(recent.mid(0, recentFileCount)));
    fillRecentMenu();
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(recentFilesKey).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openPath(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::showError(const QString& message)
{
    QMessageBox::warning(this, tr("Rapport"), message);
}

void MainWindow::updateStatus()
{
    if (!m_view)
        return;
    statusBar()->showMessage(
        tr("%1 contacts · %2").arg(m_view->contacts().tableModel()->rowCount()).arg(session()->path()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // An edit, or its undo, finishes what it started: the undo stack must say what the database holds.
    if (m_view)
        session()->waitForJob();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace rapport::ui
