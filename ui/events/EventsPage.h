// SPDX-License-Identifier: GPL-3.0-or-later
// Events: every meetup, AMA, webinar, survey, poll, podcast, live chat or forum thread, newest first, with
// how many took part and how many came for the first time; below, the selected event's people with
// first-timers and regulars marked, their roles (changed in place) and the conversation each has in the
// log. New, open, delete, a role changed and a participant removed are each one undo step.
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace rapport::ui {

class DeferredRefresh;

class DatabaseSession;
class EventTableModel;
class ParticipantModel;

class EventsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventsPage)

public:
    explicit EventsPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~EventsPage() override;

    // Reads the events and the selected one's participants again, staying on the selected event.
    void refresh();
    // Opens the event dialog on a new event; true when one was created.
    bool newEvent();
    // Opens the event dialog on the selected event; true when a change was saved.
    bool openCurrentEvent();
    // Deletes the selected event after a confirmation; true when deleted.
    bool deleteCurrentEvent();
    // Takes the selected participant out of the selected event; true when done.
    bool removeCurrentParticipant();
    void selectEvent(qint64 eventId);
    qint64 currentEventId() const;
    // The selected participant, or 0: what Ctrl+L and the other contact actions act on here.
    qint64 currentContactId() const;

    EventTableModel* model() const { return m_model; }
    ParticipantModel* participants() const { return m_participants; }
    QSortFilterProxyModel* filterModel() const { return m_filter; }
    QLineEdit* filterEdit() const { return m_filterEdit; }
    QTableView* eventsView() const { return m_eventsView; }
    QTableView* participantsView() const { return m_participantsView; }

signals:
    void contactRequested(qint64 contactId);

private:
    void showParticipants();
    void updateActions();

    DatabaseSession& m_session;
    EventTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    ParticipantModel* m_participants = nullptr;
    QLineEdit* m_filterEdit = nullptr;
    QStackedWidget* m_stack = nullptr; // the lists, or the empty state
    QTableView* m_eventsView = nullptr;
    QTableView* m_participantsView = nullptr;
    QLabel* m_eventTitle = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_removeParticipant = nullptr;
    DeferredRefresh* m_deferredRefresh = nullptr;
};

} // namespace rapport::ui
