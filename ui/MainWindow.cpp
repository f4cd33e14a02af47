// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "core/storage/ContactDirectory.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "ui/AboutDialog.h"
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
#include <QStackedWidget>
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
enum Page
{
    TodayPageIndex = 0,
    ContactsPageIndex = 1,
    DashboardPageIndex = 2,
    ReachOutPageIndex = 3,
    TrustNotesPageIndex = 4,
    EventsPageIndex = 5
};

} // namespace

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget* parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
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
    m_navigation->setCurrentRow(ContactsPageIndex);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    createActions();
    resize(1280, 800);
    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    setDatabase(std::move(database));
}

MainWindow::~MainWindow()
{
    // Pages and the reminder hold references into the session: they go first.
    delete m_reminder;
    delete m_today;
    delete m_contacts;
    delete m_dashboard;
    delete m_reachOut;
    delete m_trustNotes;
    delete m_events;
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
        showPage(ContactsPageIndex);
        m_contacts->focusSearch();
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
                            [this] { LinkActions(*m_session, this).chooseIntroducer(selectedContactId()); });
    relationship->addAction(tr("&Knows…"), this, [this] {
        LinkActions(*m_session, this).chooseAcquaintance(selectedContactId());
    });

    relationship->addAction(tr("New e&vent…"), QKeySequence(tr("Ctrl+Shift+L")), this, [this] {
        showPage(EventsPageIndex);
        m_events->newEvent();
    });

    relationship->addSeparator();
    QAction* newContact = relationship->addAction(tr("&New contact…"), QKeySequence(tr("Ctrl+Shift+N")), this,
                                                  [this] { editContact(0); });
    relationship->addAction(tr("&Edit contact…"), QKeySequence(tr("Ctrl+E")), this,
                            [this] { editContact(selectedContactId()); });
    m_selectionMenu = relationship->addMenu(tr("&Selected contacts"));
    relationship->addAction(tr("E&xport this person…"), this, [this] {
        const QString message = PersonActions(*m_session, this).exportPerson(selectedContactId());
        if (!message.isEmpty())
            statusBar()->showMessage(message, 8000);
    });
    relationship->addAction(tr("&Forget this person…"), this, [this] {
        const QString message = PersonActions(*m_session, this).forgetPerson(selectedContactId());
        if (!message.isEmpty())
            statusBar()->showMessage(message, 8000);
    });
    relationship->addAction(tr("Find possible &duplicates…"), QKeySequence(tr("Ctrl+Shift+D")), this, [this] {
        showPage(ContactsPageIndex);
        m_contacts->findDuplicates();
    });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("T&oday"), QKeySequence(tr("Ctrl+0")), this, [this] { showPage(TodayPageIndex); });
    view->addAction(tr("&Contacts"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { showPage(ContactsPageIndex); });
    view->addAction(tr("&Dashboard"), QKeySequence(tr("Ctrl+2")), this,
                    [this] { showPage(DashboardPageIndex); });
    view->addAction(tr("&Reach out"), QKeySequence(tr("Ctrl+3")), this,
                    [this] { showPage(ReachOutPageIndex); });
    view->addAction(tr("&Trust notes"), QKeySequence(tr("Ctrl+4")), this,
                    [this] { showPage(TrustNotesPageIndex); });
    view->addAction(tr("&Events"), QKeySequence(tr("Ctrl+5")), this, [this] { showPage(EventsPageIndex); });
    view->addSeparator();
    view->addAction(tr("Re&fresh"), QKeySequence::Refresh, this, [this] {
        if (m_session)
            m_session->everythingTouched();
    });
    // What the command line, an import or a teammate on a shared file commits shows up by itself; not
    // under an open dialog, which may be holding rows of the list.
    auto* outsideChanges = new QTimer(this);
    outsideChanges->setInterval(2000);
    connect(outsideChanges, &QTimer::timeout, this, [this] {
        if (m_session && !QApplication::activeModalWidget())
            m_session->checkForOutsideChanges();
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
    delete m_reminder;
    delete m_today;
    delete m_contacts;
    delete m_dashboard;
    delete m_reachOut;
    delete m_trustNotes;
    delete m_events;
    m_session = std::move(*session);
    // Queued: models report from data() and views from paint events, where a modal box must not open.
    connect(m_session.get(), &DatabaseSession::errorOccurred, this, &MainWindow::showError,
            Qt::QueuedConnection);

    m_contacts = new ContactsPage(*m_session, m_pages);
    m_selectionMenu->clear();
    m_selectionMenu->addActions(m_contacts->bulkActions());
    m_reachOut = new ReachOutPage(*m_session, m_pages);
    m_today = new TodayPage(*m_session, m_pages);
    m_pages->insertWidget(TodayPageIndex, m_today);
    m_pages->insertWidget(ContactsPageIndex, m_contacts);
    m_dashboard = new DashboardPage(*m_session, m_pages);
    m_pages->insertWidget(DashboardPageIndex, m_dashboard);
    m_pages->insertWidget(ReachOutPageIndex, m_reachOut);
    m_trustNotes = new TrustNotesPage(*m_session, m_pages);
    m_pages->insertWidget(TrustNotesPageIndex, m_trustNotes);
    connect(m_trustNotes, &TrustNotesPage::contactRequested, this, [this](qint64 contactId) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(contactId);
    });
    m_events = new EventsPage(*m_session, m_pages);
    m_pages->insertWidget(EventsPageIndex, m_events);
    connect(m_events, &EventsPage::contactRequested, this, [this](qint64 contactId) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(contactId);
    });
    connect(m_contacts, &ContactsPage::logConversationRequested, this, &MainWindow::logConversation);
    connect(m_dashboard, &DashboardPage::logConversationRequested, this, &MainWindow::logConversation);
    connect(m_dashboard, &DashboardPage::contactRequested, this, [this](qint64 contactId) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(contactId);
    });
    connect(m_contacts, &ContactsPage::trustNoteRequested, this, &MainWindow::addTrustNote);
    connect(m_contacts, &ContactsPage::followUpRequested, this, &MainWindow::addFollowUp);
    connect(m_contacts, &ContactsPage::editContactRequested, this, &MainWindow::editContact);
    connect(m_contacts, &ContactsPage::deleteConversationRequested, this, &MainWindow::deleteConversation);
    connect(m_reachOut, &ReachOutPage::logConversationRequested, this, &MainWindow::logConversation);
    connect(m_today, &TodayPage::logConversationRequested, this, &MainWindow::logConversation);
    connect(m_today, &TodayPage::contactRequested, this, [this](qint64 contactId) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(contactId);
    });
    connect(m_session.get(), &DatabaseSession::contactChanged, this, &MainWindow::updateStatus);
    connect(m_session.get(), &DatabaseSession::scoresLoaded, this, [this] {
        if (currentPage() == ReachOutPageIndex)
            m_reachOut->refresh();
        m_contacts->detailPanel()->showContact(m_contacts->currentContactId());
        updateStatus();
    });

    connect(m_session.get(), &DatabaseSession::undone, this, [this](const QString& text) {
        statusBar()->showMessage(
            tr("Undone: %1. Redo with %2.")
                .arg(text, QKeySequence(QKeySequence::Redo).toString(QKeySequence::NativeText)),
            8000);
    });
    connect(m_session.get(), &DatabaseSession::redone, this,
            [this](const QString& text) { statusBar()->showMessage(tr("Redone: %1.").arg(text), 8000); });
    m_undoActions->setSession(*m_session);

    setWindowTitle(tr("%1 — Rapport").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    rememberRecent(path);
    m_reminder = new FollowUpReminder(*m_session, *m_delivery, this);
    connect(m_reminder, &FollowUpReminder::openRequested, this, &MainWindow::showFromReminder);
    connect(m_reminder, &FollowUpReminder::dueTodayCounted, this, [this](int count) {
        if (m_tray)
            m_tray->setDueToday(count);
    });
    applyReminderPreferences();
    showPage(TodayPageIndex);
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
    if (m_reminder) {
        m_reminder->setNotifying(preferences.remind);
        // Also the count of a tray icon just made, and the follow-ups of who the user now says they are.
        m_reminder->check();
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
    raiseWindow();
    if (contactId > 0) {
        showPage(ContactsPageIndex);
        m_contacts->selectContact(contactId);
    } else {
        showPage(TodayPageIndex);
    }
}

void MainWindow::showPage(int page)
{
    if (page == ReachOutPageIndex && m_reachOut)
        m_reachOut->refresh();
    if (page == TodayPageIndex && m_today)
        m_today->refresh();
    m_pages->setCurrentIndex(page);
    const QSignalBlocker blocker(m_navigation);
    m_navigation->setCurrentRow(page);
}

qint64 MainWindow::selectedContactId() const
{
    if (!m_session)
        return 0;
    switch (currentPage()) {
    case DashboardPageIndex:
        return m_dashboard->currentContactId();
    case TodayPageIndex:
        return m_today->currentContactId();
    case ReachOutPageIndex:
        return m_reachOut->currentContactId();
    case TrustNotesPageIndex:
        return m_trustNotes->currentContactId();
    case EventsPageIndex:
        return m_events->currentContactId();
    default:
        return m_contacts->currentContactId();
    }
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

bool MainWindow::logConversation(qint64 contactId)
{
    if (!m_session)
        return false;
    LogConversationDialog dialog(*m_session, contactId, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Interaction interaction = dialog.interaction();
    auto log = std::make_unique<AddRemoveConversationCommand>(*m_session, interaction,
                                                              AddRemoveConversationCommand::Action::Log);
    const std::optional<FollowUp> followUp = dialog.followUp();
    if (followUp) {
        std::vector<std::unique_ptr<DatabaseCommand>> steps;
        steps.push_back(std::move(log));
        steps.push_back(
            std::make_unique<AddFollowUpCommand>(*m_session, *followUp, contactName(interaction.contactId)));
        if (!DatabaseCommand::push(
                *m_session,
                std::make_unique<CommandSequence>(
                    *m_session,
                    tr("Log conversation with %1 and follow up").arg(contactName(interaction.contactId)),
                    std::move(steps))))
            return false;
    } else if (!DatabaseCommand::push(*m_session, std::move(log))) {
        return false;
    }
    m_contacts->selectContact(interaction.contactId);
    QString message = tr("Logged. %1").arg(m_contacts->detailPanel()->explanationText());
    if (followUp)
        message += tr(" Follow-up due %1.").arg(followUpDayText(followUp->dueAt));
    statusBar()->showMessage(message, 8000);
    return true;
}

bool MainWindow::addFollowUp(qint64 contactId, const QString& text)
{
    if (!m_session)
        return false;
    FollowUpDialog dialog(*m_session, contactId, text, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const FollowUp followUp = dialog.followUp();
    if (!DatabaseCommand::push(*m_session, std::make_unique<AddFollowUpCommand>(
                                               *m_session, followUp, contactName(followUp.contactId))))
        return false;
    statusBar()->showMessage(tr("Follow-up with %1 due %2: it shows on Today (Ctrl+0) that day.")
                                 .arg(contactName(followUp.contactId), followUpDayText(followUp.dueAt)),
                             8000);
    return true;
}

QString MainWindow::contactName(qint64 contactId) const
{
    const Result<QHash<qint64, ContactRow>> rows = ContactDirectory(m_session->database()).rows({contactId});
    return rows ? rows->value(contactId).name : QString();
}

bool MainWindow::addTrustNote(qint64 contactId)
{
    if (!m_session)
        return false;
    if (contactId <= 0) {
        statusBar()->showMessage(tr("Select a contact first, then add a trust note (Ctrl+T)."), 5000);
        return false;
    }
    TrustNoteDialog dialog(contactId, contactName(contactId), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    TrustNote trustNote = dialog.note();
    if (m_session->currentMemberId() > 0)
        trustNote.authorId = m_session->currentMemberId();
    if (!DatabaseCommand::push(
            *m_session, std::make_unique<AddRemoveTrustNoteCommand>(*m_session, trustNote,
                                                                    AddRemoveTrustNoteCommand::Action::Add)))
        return false;
    m_contacts->selectContact(contactId);
    // Trust is out of the score by default; say so, or the note seems to do nothing.
    QString effect;
    if (m_session->engine().settings().trustWeight <= 0)
        effect = tr("Trust levels count toward the score only when their weight is set (Edit > Settings…).");
    else if (!trustNote.trustLevel)
        effect = tr("It has no trust level, so the score is unchanged.");
    else
        effect = m_contacts->detailPanel()->explanationText();
    statusBar()->showMessage(tr("Trust note added. %1").arg(effect), 8000);
    return true;
}

bool MainWindow::editContact(qint64 contactId)
{
    if (!m_session)
        return false;
    Contact before;
    if (contactId > 0) {
        const Result<Contact> existing = ContactRepository(m_session->database()).get(contactId);
        if (!existing) {
            showError(existing.error().message);
            return false;
        }
        before = *existing;
    }
    ContactEditDialog dialog(*m_session, before, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (contactId > 0)
        return DatabaseCommand::push(
                   *m_session, std::make_unique<EditContactCommand>(*m_session, before, dialog.contact()))
            .ok();
    const Result<const CreateContactCommand*> created = DatabaseCommand::push(
        *m_session, std::make_unique<CreateContactCommand>(*m_session, dialog.contact()));
    if (!created)
        return false;
    showPage(ContactsPageIndex);
    m_contacts->selectContact((*created)->contactId());
    return true;
}

bool MainWindow::openSettings()
{
    if (!m_session)
        return false;
    if (SettingsDialog(*m_session, selectedContactId(), this).exec() != QDialog::Accepted)
        return false;
    applyReminderPreferences();
    return true;
}

void MainWindow::deleteConversation(qint64 interactionId)
{
    const Result<Interaction> interaction = InteractionRepository(m_session->database()).get(interactionId);
    if (!interaction) {
        showError(interaction.error().message);
        return;
    }
    if (!DatabaseCommand::push(*m_session,
                               std::make_unique<AddRemoveConversationCommand>(
                                   *m_session, *interaction, AddRemoveConversationCommand::Action::Delete)))
        return;
    statusBar()->showMessage(tr("Conversation deleted. Undo with %1.")
                                 .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                             6000);
}

void MainWindow::importFile()
{
    if (!m_session)
        return;
    ImportWizard wizard(*m_session, this);
    wizard.exec();
    if (wizard.resultPage()->written())
        statusBar()->showMessage(tr("Imported: %1").arg(wizard.outcome()->value().summary()), 8000);
}

void MainWindow::importArchive()
{
    if (!m_session)
        return;
    ArchiveImportWizard wizard(*m_session, this);
    wizard.exec();
    if (wizard.resultPage()->written())
        statusBar()->showMessage(
            tr("Imported %n conversations", nullptr, static_cast<int>(wizard.outcome()->value().created)),
            8000);
}

void MainWindow::exportReport()
{
    if (!m_session)
        return;
    // From the dashboard, the export covers what it shows: its owner, tag and period.
    const bool fromDashboard = currentPage() == DashboardPageIndex;
    ExportDialog dialog(
        *m_session, fromDashboard ? chosenName(*m_dashboard->ownerFilter()) : m_contacts->ownerFilterName(),
        fromDashboard ? chosenName(*m_dashboard->tagFilter()) : m_contacts->tagFilterName(), this);
    if (fromDashboard) {
        const DashboardFilter shown = m_dashboard->filter();
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
    if (!m_session)
        return;
    statusBar()->showMessage(
        tr("%1 contacts · %2").arg(m_contacts->tableModel()->rowCount()).arg(m_session->path()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

} // namespace rapport::ui
