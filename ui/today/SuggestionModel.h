// SPDX-License-Identifier: GPL-3.0-or-later
// The people Today suggests reaching out to (or rekindling): a capped list the plan chose, with why.
#pragma once

#include "core/services/TodayPlan.h"

#include <QAbstractTableModel>
#include <vector>

namespace rapport::ui {

class SuggestionModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SuggestionModel)

public:
    enum Column
    {
        NameColumn,
        OwnerColumn,
        BandColumn,
        ScoreColumn,
        ReasonColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setSuggestions(std::vector<ReachOutSuggestion> suggestions);
    // The suggestion on `row`, or nullptr.
    const ReachOutSuggestion* suggestionAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Besides the display roles: ContactTableModel's ContactIdRole and BandRole.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ReachOutSuggestion> m_suggestions;
};

} // namespace rapport::ui
