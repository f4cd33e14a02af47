// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/DashboardContactsModel.h"

#include "core/scoring/ScoreCalculator.h"

#include <cmath>

namespace rapport::ui {

void DashboardContactsModel::setContacts(const BandContacts& contacts)
{
    beginResetModel();
    m_contacts = contacts;
    endResetModel();
}

qint64 DashboardContactsModel::contactAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_contacts.contacts[static_cast<size_t>(row)].contactId : 0;
}

int DashboardContactsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_contacts.contacts.size());
}

int DashboardContactsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DashboardContactsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const BandContact& row = m_contacts.contacts[static_cast<size_t>(index.row())];
    if (role == ContactIdRole)
        return row.contactId;
    if (role == BandRole)
        return static_cast<int>(row.score.band);
    if (role == Qt::ToolTipRole && index.column() == ExplanationColumn)
        return row.explanation;
    if (role == Qt::TextAlignmentRole && (index.column() == ScoreColumn || index.column() == DeltaColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.name;
    case OwnerColumn:
        return row.owner;
    case BandColumn:
        return bandName(row.score.band);
    case ScoreColumn:
        return row.score.hasHistory ? QVariant(static_cast<int>(std::lround(row.score.score))) : QVariant();
    case DeltaColumn:
        return row.delta30 ? formatScoreDelta(*row.delta30) : QString();
    case ExplanationColumn:
        return row.explanation;
    default:
        return {};
    }
}

QVariant DashboardContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OwnerColumn:
        return tr("Owner");
    case BandColumn:
        return tr("Band");
    case ScoreColumn:
        return tr("Score");
    case DeltaColumn:
        return tr("Δ30");
    case ExplanationColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace rapport::ui
