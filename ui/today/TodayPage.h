// SPDX-License-Identifier: GPL-3.0-or-later
// Today: the follow-ups due, then the few people most worth reaching out to now, then people silent for
// over a year — for the "I am" member, another owner or everyone. Each row says why it is there, and is
// one key away from logging the conversation, closing the follow-up, or snoozing or dismissing the person;
// every change is one undo step and the lists follow it at once.
#pragma once

#include "core/services/TodayPlan.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QToolButton;

namespace rapport::ui {

class DeferredRefresh;

class DatabaseSession;
class DueFollowUpModel;
class SuggestionModel;

class TodayPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TodayPage)

public:
    explicit TodayPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~TodayPage() override;

    // Plans the day again from the score board; shows the error instead when that fails.
    void refresh();

    DueFollowUpModel* followUps() const { return m_dueModel; }
    SuggestionModel* reachOut() const { return m_reachOutModel; }
    SuggestionModel* rekindle() const { return m_rekindleModel; }
    QTableView* reachOutView() const { return m_reachOutTable; }
    // The contact of the current row of the list that last had the focus, or 0.
    qint64 currentContactId() const;

    // The actions on the current rows, for the buttons and for tests; false when nothing happened.
    bool closeCurrentFollowUp(FollowUpStatus status);
    bool snoozeCurrent(qint64 until);
    bool dismissCurrent();

signals:
    void logConversationRequested(qint64 contactId);
    void contactRequested(qint64 contactId);

private:
    QTableView* suggestionTable(SuggestionModel* model, const QString& name);
    const ReachOutSuggestion* currentSuggestion() const;
    void fillOwners();
    void updateActions();
    std::optional<qint64> chosenOwner() const;

    DatabaseSession& m_session;
    DueFollowUpModel* m_dueModel = nullptr;
    SuggestionModel* m_reachOutModel = nullptr;
    SuggestionModel* m_rekindleModel = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_dueSummary = nullptr;
    QLabel* m_reachOutSummary = nullptr;
    QLabel* m_rekindleSummary = nullptr;
    QComboBox* m_owner = nullptr;
    QSpinBox* m_limit = nullptr;
    QTableView* m_dueTable = nullptr;
    QTableView* m_reachOutTable = nullptr;
    QTableView* m_rekindleTable = nullptr;
    QTableView* m_lastTable = nullptr; // the suggestion list the actions apply to
    QPushButton* m_done = nullptr;
    QPushButton* m_kept = nullptr;
    QPushButton* m_broken = nullptr;
    QPushButton* m_drop = nullptr;
    QPushButton* m_log = nullptr;
    QToolButton* m_snooze = nullptr;
    QPushButton* m_dismiss = nullptr;
    DeferredRefresh* m_deferredRefresh = nullptr;
};

} // namespace rapport::ui
