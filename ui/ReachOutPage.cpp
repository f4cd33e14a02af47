#include "ReachOutPage.h"

#include "BandStyle.h"
#include "ContactTableModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport::ui {

OverdueFilterModel::OverdueFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ContactTableModel::OverdueRole);
}

bool OverdueFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return !index.data(ContactTableModel::ArchivedRole).toBool() &&
           index.data(ContactTableModel::OverdueRole).toDouble() > 1.0;
}

bool OverdueFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    return left.data(ContactTableModel::OverdueRole).toDouble() <
           right.data(ContactTableModel::OverdueRole).toDouble();
}

ReachOutPage::ReachOutPage(ContactTableModel* contacts, QWidget* parent)
    : QWidget(parent)
    , m_contacts(contacts)
    , m_overdue(new OverdueFilterModel(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    m_overdue->setDynamicSortFilter(false);
    m_table->setModel(m_overdue);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* log = new QPushButton(tr("&Log conversation with the selected contact"), this);
    const auto logSelected = [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            emit logConversationRequested(current.data(ContactTableModel::ContactIdRole).toLongLong());
    };
    connect(log, &QPushButton::clicked, this, logSelected);
    connect(m_table, &QTableView::activated, this, logSelected);
    // The list is a snapshot taken when the page is shown: a logged conversation updates its row but does
    // not reorder the list under the user's cursor.
    connect(contacts, &QAbstractItemModel::modelReset, this, [this] {
        if (isVisible())
            refresh();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(log, 0, Qt::AlignLeft);
}

ReachOutPage::~ReachOutPage() = default;

qint64 ReachOutPage::currentContactId() const
{
    return m_table->currentIndex().data(ContactTableModel::ContactIdRole).toLongLong();
}

void ReachOutPage::refresh()
{
    // Connected on first use: filtering every contact by its overdue ratio is work a start-up that
    // opens on the contact list should not pay for.
    if (!m_overdue->sourceModel()) {
        m_overdue->setSourceModel(m_contacts);
        m_table->setItemDelegateForColumn(ContactTableModel::BandColumn, new BandChipDelegate(m_table));
        for (int column :
             {ContactTableModel::OwnerColumn, ContactTableModel::TagsColumn, ContactTableModel::TrustColumn})
            m_table->hideColumn(column);
        m_table->setColumnWidth(ContactTableModel::NameColumn, 200);
        m_table->setColumnWidth(ContactTableModel::OrganizationColumn, 180);
        m_table->setColumnWidth(ContactTableModel::BandColumn, 110);
    }
    m_overdue->invalidate();
    m_overdue->sort(0, Qt::DescendingOrder);
    m_summary->setText(
        tr("<b>%1 people</b> are past their usual cadence, most overdue first. Press Enter on one "
           "to log the conversation that brings them back.")
            .arg(m_overdue->rowCount()));
    if (m_overdue->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_overdue->index(0, 0));
}

} // namespace rapport::ui
