// SPDX-License-Identifier: GPL-3.0-or-later
// One contact at a glance: the score with its three components, band, trend and the sentence that
// explains it, then the timeline of conversations, trust notes and changes to the record, each kind
// shown or hidden with a check box.
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace rapport::ui {

class DatabaseSession;
class PeopleSection;
class SparklineWidget;
class TimelineModel;

class ContactDetailPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactDetailPanel)

public:
    explicit ContactDetailPanel(DatabaseSession& session, QWidget* parent = nullptr);
    ~ContactDetailPanel() override;

    void showContact(qint64 contactId);
    qint64 contactId() const { return m_contactId; }
    QString explanationText() const;
    QListView* timelineView() const { return m_timeline; }
    QString peopleText() const;
    PeopleSection* peopleSection() const { return m_people; }
    // Opens the selected timeline entry (conversation or trust note) in its dialog, prefilled; saving
    // pushes an undoable edit. Returns whether it was changed; a change to the record is not edited.
    bool editSelectedEntry();
    // A conversation goes through deleteEntryRequested; a trust note is deleted here (undoable); a change
    // to the record is never deleted.
    void deleteSelectedEntry();

signals:
    void logConversationRequested(qint64 contactId);
    void editContactRequested(qint64 contactId);
    void trustNoteRequested(qint64 contactId);
    // `text` prefills what to do: the conversation followed up on, when asked from the timeline.
    void followUpRequested(qint64 contactId, const QString& text);
    void deleteEntryRequested(qint64 interactionId);
    // A person named in the People section was clicked.
    void contactLinkActivated(qint64 contactId);

private:
    void refresh();
    void showOpenFollowUps();
    void followUpSelectedEntry();

    DatabaseSession& m_session;
    qint64 m_contactId = 0;
    QLabel* m_name = nullptr;
    QLabel* m_details = nullptr;
    QLabel* m_score = nullptr;
    QLabel* m_band = nullptr;
    QLabel* m_delta = nullptr;
    QProgressBar* m_recency = nullptr;
    QProgressBar* m_frequency = nullptr;
    QProgressBar* m_reciprocity = nullptr;
    SparklineWidget* m_trend = nullptr;
    QLabel* m_explanation = nullptr;
    PeopleSection* m_people = nullptr; // who introduced this person, whom they introduced and know
    QPushButton* m_log = nullptr;
    QPushButton* m_note = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_followUp = nullptr;
    QLabel* m_followUps = nullptr;
    QListView* m_timeline = nullptr;
    TimelineModel* m_timelineModel = nullptr;
};

} // namespace rapport::ui
