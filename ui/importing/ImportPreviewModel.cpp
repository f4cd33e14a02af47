// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportPreviewModel.h"

#include <QPalette>

namespace rapport::ui {

ImportPreviewModel::ImportPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ImportPreviewModel::reset(const QStringList& header, const QList<QStringList>& rows, bool fieldColumns)
{
    beginResetModel();
    m_header = header;
    m_rows = rows;
    m_fieldColumns = fieldColumns;
    m_fieldLabels.clear();
    endResetModel();
}

void ImportPreviewModel::setFieldLabels(const QStringList& labels)
{
    m_fieldLabels = labels;
    if (!m_header.isEmpty())
        emit headerDataChanged(Qt::Horizontal, 0, static_cast<int>(m_header.size()) - 1);
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_header.size());
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const QString value = m_rows.at(index.row()).value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        // Quoted line breaks would make rows of uneven height; the tooltip keeps the exact text.
        return value.simplified();
    case Qt::ToolTipRole:
        return value;
    case Qt::ForegroundRole:
        if (!m_fieldColumns && m_fieldLabels.value(index.column()).isEmpty())
            return QPalette().brush(QPalette::PlaceholderText);
        return {};
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1;
    const QString field = m_fieldLabels.value(section);
    return field.isEmpty() ? m_header.value(section)
                           : QStringLiteral("%1\n→ %2").arg(m_header.value(section), field);
}

} // namespace rapport::ui
