// SPDX-License-Identifier: GPL-3.0-or-later
// "Reach out": the contacts most overdue against their cadence, most overdue first, each one Enter
// away from logging the conversation that brings it back — a community manager's daily to-do list.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace rapport::ui {

class DatabaseSession;
class OverdueContactsModel;

class ReachOutPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachOutPage)

public:
    explicit ReachOutPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~ReachOutPage() override;

    OverdueContactsModel* model() const { return m_overdue; }
    QTableView* tableView() const { return m_table; }
    // Takes a new snapshot of the overdue contacts from the score board.
    void refresh();
    // The contact selected in the list, or 0.
    qint64 currentContactId() const;

signals:
    void logConversationRequested(qint64 contactId);

private:
    void applyFilter();
    void showSummary();

    DatabaseSession& m_session;
    OverdueContactsModel* m_overdue = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_tag = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace rapport::ui
