// "Reach out": the contacts most overdue against their cadence, most overdue first, each one Enter
// away from logging the conversation that brings it back — a community manager's daily to-do list.
#pragma once

#include <QSortFilterProxyModel>
#include <QWidget>

class QLabel;
class QTableView;

namespace rapport::ui {

class ContactTableModel;

// Keeps contacts past their usual cadence, most overdue first.
class OverdueFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverdueFilterModel)

public:
    explicit OverdueFilterModel(QObject* parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

class ReachOutPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReachOutPage)

public:
    ReachOutPage(ContactTableModel* contacts, QWidget* parent = nullptr);
    ~ReachOutPage() override;

    OverdueFilterModel* model() const { return m_overdue; }
    QTableView* tableView() const { return m_table; }
    void refresh();
    // The contact selected in the list, or 0.
    qint64 currentContactId() const;

signals:
    void logConversationRequested(qint64 contactId);

private:
    ContactTableModel* m_contacts = nullptr;
    OverdueFilterModel* m_overdue = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
};

} // namespace rapport::ui
