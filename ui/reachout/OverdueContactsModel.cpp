// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reachout/OverdueContactsModel.h"

#include "core/base/Clock.h"
#include "core/scoring/Attention.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QColor>
#include <cmath>

namespace rapport::ui {

OverdueContactsModel::OverdueContactsModel(DatabaseSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_rowCache(session, tr("Could not read the names of the overdue contacts: %1"))
{
    connect(&m_session, &DatabaseSession::contactChanged, this, &OverdueContactsModel::contactChanged);
}

OverdueContactsModel::~OverdueContactsModel() = default;

void OverdueContactsModel::refresh()
{
    Result<ReachOutList> list = listReachOut(m_session.database(), m_session.board(),
                                             m_session.engine().settings(), m_filter, Clock::nowSeconds());
    if (!list) {
        emit m_session.errorOccurred(tr("Could not list whom to reach out to: %1").arg(list.error().message));
        return;
    }
    std::vector<ReachOutEntry> rows = std::move(list->entries);
    m_heldCount = list->heldCount;
    beginResetModel();
    m_rows = std::move(rows);
    m_rowOfContact.clear();
    m_rowOfContact.reserve(static_cast<qsizetype>(m_rows.size()));
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowOfContact.insert(m_rows[row].contactId, static_cast<int>(row));
    m_rowCache.clear();
    m_stillOverdue = static_cast<qint64>(m_rows.size());
    endResetModel();
    emit stillOverdueCountChanged();
}

void OverdueContactsModel::setFilter(const ReachOutFilter& filter)
{
    m_filter = filter;
    refresh();
}

void OverdueContactsModel::contactChanged(qint64 contactId)
{
    const auto found = m_rowOfContact.constFind(contactId);
    if (found == m_rowOfContact.cend())
        return;
    ReachOutEntry& row = m_rows[static_cast<size_t>(*found)];
    const bool wasOverdue = isOverdue(row.score);
    if (const ScoreBoard::Entry* entry = m_session.board().find(contactId))
        row.score =
            computeScore(entry->state, Clock::nowSeconds(), entry->context, m_session.engine().settings());
    m_rowCache.forget(contactId);
    emit dataChanged(index(*found, 0), index(*found, ColumnCount - 1));
    if (wasOverdue != isOverdue(row.score)) {
        m_stillOverdue += wasOverdue ? -1 : 1;
        emit stillOverdueCountChanged();
    }
}

qint64 OverdueContactsModel::contactAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].contactId : 0;
}

int OverdueContactsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OverdueContactsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ContactRow* OverdueContactsModel::rowData(int row) const
{
    return m_rowCache.row(row, rowCount(), [this](int r) { return contactAt(r); });
}

QVariant OverdueContactsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const ReachOutEntry& row = m_rows[static_cast<size_t>(index.row())];
    const RelationshipScore& score = row.score;
    switch (role) {
    case ContactTableModel::ContactIdRole:
        return row.contactId;
    case ContactTableModel::BandRole:
        return static_cast<int>(score.band);
    case ContactTableModel::OverdueRole:
        return score.overdueRatio;
    case Qt::ToolTipRole:
        return explainScore(score, std::nullopt);
    case Qt::ForegroundRole:
        // Reached since the list was made: it stays in place, greyed, until the next refresh.
        return isOverdue(score) ? QVariant() : QVariant(QColor(Qt::gray));
    case Qt::TextAlignmentRole:
        if (index.column() == OverdueColumn || index.column() == ScoreColumn ||
            index.column() == CadenceColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
    case OrganizationColumn:
    case OwnerColumn: {
        const ContactRow* contact = rowData(index.row());
        if (!contact)
            return {};
        if (index.column() == OwnerColumn)
            return contact->owner;
        return index.column() == NameColumn ? contact->name : contact->organization;
    }
    case OverdueColumn:
        return isOverdue(score) ? tr("%1×").arg(score.overdueRatio, 0, 'f', 1) : tr("reached");
    case LastContactColumn:
        return tr("%1 days ago").arg(std::lround(score.daysSinceLast));
    case CadenceColumn:
        return tr("every %1 d").arg(std::lround(score.cadenceDays));
    case ScoreColumn:
        return static_cast<int>(std::lround(score.score));
    case BandColumn:
        return bandName(score.band);
    default:
        return {};
    }
}

QVariant OverdueContactsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case OrganizationColumn:
        return tr("Organization");
    case OwnerColumn:
        return tr("Owner");
    case OverdueColumn:
        return tr("× overdue");
    case LastContactColumn:
        return tr("Last contact");
    case CadenceColumn:
        return tr("Usual cadence");
    case ScoreColumn:
        return tr("Score");
    case BandColumn:
        return tr("Band");
    default:
        return {};
    }
}

} // namespace rapport::ui
