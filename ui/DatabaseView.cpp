// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DatabaseView.h"

#include "ui/contacts/ContactsPage.h"
#include "ui/dashboard/DashboardPage.h"
#include "ui/events/EventsPage.h"
#include "ui/reachout/ReachOutPage.h"
#include "ui/reminders/DesktopReminderDelivery.h"
#include "ui/reminders/FollowUpReminder.h"
#include "ui/session/DatabaseSession.h"
#include "ui/today/TodayPage.h"
#include "ui/trustnotes/TrustNotesPage.h"

namespace rapport::ui {

DatabaseView::DatabaseView(std::unique_ptr<DatabaseSession> session, DesktopReminderDelivery& delivery,
                           QWidget* parent)
    : QStackedWidget(parent)
    , m_session(std::move(session))
    , m_contacts(new ContactsPage(*m_session, this))
    , m_reachOut(new ReachOutPage(*m_session, this))
    , m_today(new TodayPage(*m_session, this))
    , m_dashboard(new DashboardPage(*m_session, this))
    , m_trustNotes(new TrustNotesPage(*m_session, this))
    , m_events(new EventsPage(*m_session, this))
    , m_reminder(new FollowUpReminder(*m_session, delivery, this))
{
    insertWidget(TodayPageIndex, m_today);
    insertWidget(ContactsPageIndex, m_contacts);
    insertWidget(DashboardPageIndex, m_dashboard);
    insertWidget(ReachOutPageIndex, m_reachOut);
    insertWidget(TrustNotesPageIndex, m_trustNotes);
    insertWidget(EventsPageIndex, m_events);

    connect(m_today, &TodayPage::contactRequested, this, &DatabaseView::showContact);
    connect(m_dashboard, &DashboardPage::contactRequested, this, &DatabaseView::showContact);
    connect(m_trustNotes, &TrustNotesPage::contactRequested, this, &DatabaseView::showContact);
    connect(m_events, &EventsPage::contactRequested, this, &DatabaseView::showContact);

    connect(m_contacts, &ContactsPage::logConversationRequested, this,
            &DatabaseView::logConversationRequested);
    connect(m_dashboard, &DashboardPage::logConversationRequested, this,
            &DatabaseView::logConversationRequested);
    connect(m_reachOut, &ReachOutPage::logConversationRequested, this,
            &DatabaseView::logConversationRequested);
    connect(m_today, &TodayPage::logConversationRequested, this, &DatabaseView::logConversationRequested);
    connect(m_contacts, &ContactsPage::trustNoteRequested, this, &DatabaseView::trustNoteRequested);
    connect(m_contacts, &ContactsPage::followUpRequested, this, &DatabaseView::followUpRequested);
    connect(m_contacts, &ContactsPage::editContactRequested, this, &DatabaseView::editContactRequested);
    connect(m_contacts, &ContactsPage::deleteConversationRequested, this,
            &DatabaseView::deleteConversationRequested);

    connect(m_session.get(), &DatabaseSession::contactChanged, this, &DatabaseView::statusChanged);
    connect(m_session.get(), &DatabaseSession::scoresLoaded, this, [this] {
        if (currentIndex() == ReachOutPageIndex)
            m_reachOut->refresh();
        emit statusChanged();
    });
}

DatabaseView::~DatabaseView()
{
    delete m_reminder;
    while (QWidget* page = widget(0))
        delete page;
}

void DatabaseView::showPage(int page)
{
    if (page == ReachOutPageIndex)
        m_reachOut->refresh();
    if (page == TodayPageIndex)
        m_today->refresh();
    setCurrentIndex(page);
    emit pageShown(page);
}

void DatabaseView::showContact(qint64 contactId)
{
    showPage(ContactsPageIndex);
    m_contacts->selectContact(contactId);
}

qint64 DatabaseView::selectedContactId() const
{
    switch (currentIndex()) {
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

} // namespace rapport::ui
