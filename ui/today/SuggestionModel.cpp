// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/SuggestionModel.h"

#include "ui/contacts/ContactTableModel.h"

#include <cmath>

namespace rapport::ui {

void SuggestionModel::setSuggestions(std::vector<ReachOutSuggestion> suggestions)
{
    beginResetModel();
    m_suggestions = std::move(suggestions);
    endResetModel();
}

const ReachOutSuggestion* SuggestionModel::suggestionAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_suggestions[static_cast<size_t>(row)] : nullptr;
}

int SuggestionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_suggestions.size());
}

int SuggestionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SuggestionModel::data(const QModelIndex& index, int role) const
{
    const ReachOutSuggestion* suggestion = suggestionAt(index.row());
    if (!index.isValid() || !suggestion)
        return {};
    switch (role) {
    case ContactTableModel::ContactIdRole:
        return suggestion->contactId;
    case ContactTableModel::BandRole:
        return static_cast<int>(suggestion->score.band);
    case Qt::ToolTipRole:
        return suggestion->reason;
    case Qt::TextAlignmentRole:
        return index.column() == ScoreColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return suggestion->name;
    case OwnerColumn:
        return suggestion->ownerName.isEmpty() ? tr("Nobody") : suggestion->ownerName;
    case BandColumn:
        return bandName(suggestion->score.band);
    case ScoreColumn:
        return static_cast<int>(std::lround(suggestion->score.score));
    case ReasonColumn:
        return suggestion->reason;
    default:
        return {};
    }
}

QVariant SuggestionModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace rapport::ui
