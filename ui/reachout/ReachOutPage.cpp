// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reachout/ReachOutPage.h"

#include "ui/contacts/ContactTableModel.h"
#include "ui/reachout/OverdueContactsModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport::ui {

ReachOutPage::ReachOutPage(DatabaseSession& session, const ContactTableModel* contacts, QWidget* parent)
    : QWidget(parent)
    , m_overdue(new OverdueContactsModel(
          session, [contacts](qint64 contactId) { return contacts->isArchived(contactId); }, this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    m_table->setModel(m_overdue);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(OverdueContactsModel::BandColumn, new BandChipDelegate(m_table));
    const std::array<int, OverdueContactsModel::ColumnCount> widths{220, 200, 90, 110, 110, 60, 110};
    for (int column = 0; column < OverdueContactsModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, widths[static_cast<size_t>(column)]);

    auto* log = new QPushButton(tr("&Log conversation with the selected contact"), this);
    const auto logSelected = [this] {
        if (const qint64 contactId = currentContactId(); contactId > 0)
            emit logConversationRequested(contactId);
    };
    connect(log, &QPushButton::clicked, this, logSelected);
    connect(m_table, &QTableView::activated, this, logSelected);
    // A logged conversation updates its row but does not reorder the list under the user's cursor; a
    // change to many contacts (settings, bulk edits) takes a new snapshot.
    connect(&session, &DatabaseSession::contactsReset, this, [this] {
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
    return m_overdue->contactAt(m_table->currentIndex().row());
}

void ReachOutPage::refresh()
{
    m_overdue->refresh();
    QString summary =
        tr("<b>%1 people</b> are past their usual cadence, most overdue first. Press Enter on one "
           "to log the conversation that brings them back.")
            .arg(m_overdue->rowCount());
    if (m_overdue->heldCount() > 0)
        summary += tr(" %1 more are snoozed or dismissed on Today.").arg(m_overdue->heldCount());
    m_summary->setText(summary);
    if (m_overdue->rowCount() > 0)
        m_table->setCurrentIndex(m_overdue->index(0, 0));
}

} // namespace rapport::ui
