// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reachout/ReachOutPage.h"

#include "ui/reachout/OverdueContactsModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/FilterChoices.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport::ui {

ReachOutPage::ReachOutPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_overdue(new OverdueContactsModel(session, this))
    , m_owner(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    m_owner->setObjectName(QStringLiteral("reachOutOwner"));
    m_tag->setObjectName(QStringLiteral("reachOutTag"));
    for (QComboBox* box : {m_owner, m_tag}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        connect(box, &QComboBox::currentIndexChanged, this, &ReachOutPage::applyFilter);
    }
    connect(m_overdue, &OverdueContactsModel::stillOverdueCountChanged, this, &ReachOutPage::showSummary);
    m_summary->setWordWrap(true);
    m_table->setModel(m_overdue);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setItemDelegateForColumn(OverdueContactsModel::BandColumn, new BandChipDelegate(m_table));
    const std::array<int, OverdueContactsModel::ColumnCount> widths{220, 190, 140, 90, 110, 110, 60, 110};
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

    auto* filters = new QHBoxLayout;
    auto* ownerLabel = new QLabel(tr("&Owner:"), this);
    ownerLabel->setBuddy(m_owner);
    auto* tagLabel = new QLabel(tr("T&ag:"), this);
    tagLabel->setBuddy(m_tag);
    filters->addWidget(m_summary, 1);
    filters->addWidget(ownerLabel);
    filters->addWidget(m_owner);
    filters->addWidget(tagLabel);
    filters->addWidget(m_tag);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
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
    // The team and the tags may have changed while the page was hidden.
    fillOwnerAndTagChoices(m_session.database(), *m_owner, *m_tag);
    applyFilter();
}

void ReachOutPage::applyFilter()
{
    m_overdue->setFilter({chosenId(*m_owner), chosenId(*m_tag)});
    if (m_overdue->rowCount() > 0)
        m_table->setCurrentIndex(m_overdue->index(0, 0));
}

void ReachOutPage::showSummary()
{
    const qint64 listed = m_overdue->rowCount();
    const qint64 still = m_overdue->stillOverdueCount();
    QString summary = still == 1 ? tr("<b>1 person</b> is past their usual cadence")
                                 : tr("<b>%1 people</b> are past their usual cadence").arg(still);
    if (chosenId(*m_owner) || chosenId(*m_tag))
        summary += tr(" with this owner and tag");
    summary += tr(", most overdue first.");
    if (listed > still)
        summary += tr(" Reached since this list was made (grey): %1.").arg(listed - still);
    if (m_overdue->heldCount() > 0)
        summary += tr(" Snoozed or dismissed on Today: %1.").arg(m_overdue->heldCount());
    summary += tr(" Enter logs the conversation.");
    m_summary->setText(summary);
}

} // namespace rapport::ui
