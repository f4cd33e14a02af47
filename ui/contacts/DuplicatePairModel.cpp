// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/DuplicatePairModel.h"

#include <QLocale>
#include <algorithm>

namespace rapport::ui {

DuplicatePairModel::DuplicatePairModel(std::vector<DuplicatePair> pairs, QObject* parent)
    : QAbstractTableModel(parent)
    , m_pairs(std::move(pairs))
{}

int DuplicatePairModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_pairs.size());
}

int DuplicatePairModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DuplicatePairModel::reasonText(const DuplicatePair& pair)
{
    switch (pair.reason) {
    case DuplicateReason::SameEmail:
        return tr("Same email %1").arg(pair.detail);
    case DuplicateReason::SamePhone:
        return tr("Same phone %1").arg(pair.detail);
    case DuplicateReason::SameHandle:
        return tr("Same handle %1").arg(pair.detail);
    case DuplicateReason::SameNameAndOrganization:
        return tr("Same name and organization (%1)").arg(pair.detail);
    case DuplicateReason::SimilarName:
        return tr("Similar names, both with %1").arg(pair.detail);
    }
    return {};
}

QVariant DuplicatePairModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const DuplicatePair& pair = pairAt(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case FirstColumn:
            return tr("%1 (#%2)").arg(pair.firstName).arg(pair.firstId);
        case SecondColumn:
            return tr("%1 (#%2)").arg(pair.secondName).arg(pair.secondId);
        case ReasonColumn:
            return reasonText(pair);
        case ConfidenceColumn:
            return QLocale().toString(pair.confidence * 100, 'f', 0) + QLatin1Char('%');
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == ConfidenceColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant DuplicatePairModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FirstColumn:
        return tr("Contact");
    case SecondColumn:
        return tr("Possibly the same as");
    case ReasonColumn:
        return tr("Why");
    case ConfidenceColumn:
        return tr("Confidence");
    default:
        return {};
    }
}

void DuplicatePairModel::removePair(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_pairs.erase(m_pairs.begin() + row);
    endRemoveRows();
}

void DuplicatePairModel::removeContacts(const QList<qint64>& contactIds)
{
    for (int row = rowCount() - 1; row >= 0; --row) {
        const DuplicatePair& pair = pairAt(row);
        if (contactIds.contains(pair.firstId) || contactIds.contains(pair.secondId))
            removePair(row);
    }
}

} // namespace rapport::ui
