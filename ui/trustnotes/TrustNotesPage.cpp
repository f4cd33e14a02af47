// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trustnotes/TrustNotesPage.h"

#include "ui/trustnotes/RecentNotesModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace rapport::ui {

TrustNotesPage::TrustNotesPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_model(new RecentNotesModel(session, this))
    , m_kind(new QComboBox(this))
    , m_table(new QTableView(this))
{
    m_kind->addItem(tr("All kinds"), -1);
    for (int kind = 0; kind < trustKindCount; ++kind)
        m_kind->addItem(trustKindLabel(static_cast<TrustKind>(kind)), kind);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int kind = m_kind->currentData().toInt();
        m_model->setKind(kind < 0 ? std::nullopt : std::optional<TrustKind>(static_cast<TrustKind>(kind)));
    });

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    const std::array<int, RecentNotesModel::ColumnCount> widths{130, 170, 150, 80, 120, 300};
    for (int column = 0; column < RecentNotesModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, widths[static_cast<size_t>(column)]);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit contactRequested(index.data(RecentNotesModel::ContactIdRole).toLongLong());
    });

    auto* filters = new QHBoxLayout;
    filters->addWidget(
        new QLabel(tr("The %1 newest trust notes across all contacts. Enter opens the contact.")
                       .arg(RecentNotesModel::shownNotes),
                   this),
        1);
    filters->addWidget(m_kind);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
}

TrustNotesPage::~TrustNotesPage() = default;

qint64 TrustNotesPage::currentContactId() const
{
    return m_table->currentIndex().data(RecentNotesModel::ContactIdRole).toLongLong();
}

} // namespace rapport::ui
