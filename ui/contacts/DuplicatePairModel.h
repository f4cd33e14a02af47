// SPDX-License-Identifier: GPL-3.0-or-later
// The pairs the duplicate finder proposes, one row each: both names, why, and how sure.
#pragma once

#include "core/services/DuplicateFinder.h"

#include <QAbstractTableModel>
#include <vector>

namespace rapport::ui {

class DuplicatePairModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatePairModel)

public:
    enum Column
    {
        FirstColumn,
        SecondColumn,
        ReasonColumn,
        ConfidenceColumn,
        ColumnCount
    };

    explicit DuplicatePairModel(std::vector<DuplicatePair> pairs, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const DuplicatePair& pairAt(int row) const { return m_pairs.at(static_cast<size_t>(row)); }
    // Drops the pair on this row (marked not the same person).
    void removePair(int row);
    // Drops every pair with one of these contacts (merged away, or merged into another record).
    void removeContacts(const QList<qint64>& contactIds);

    static QString reasonText(const DuplicatePair& pair);

private:
    std::vector<DuplicatePair> m_pairs;
};

} // namespace rapport::ui
