// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reachout/OverdueContactsModel.h"

#include "core/base/Clock.h"
#include "core/scoring/Attention.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QColor>
#include <algorithm>
#include <cmath>

namespace rapport::ui {

OverdueContactsModel::OverdueContactsModel(DatabaseSession& session, std::function<bool(qint64)> isArchived,
                                           QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_isArchived(std::move(isArchived))
    , m_rowCache(session, tr("Could not read the names of the overdue contacts: %1"))
{
    connect(&m_session, &DatabaseSession::contactChanged, this, &OverdueContactsModel::contactChanged);
}

OverdueContactsModel::~OverdueContactsModel() = default;

void OverdueContactsModel::refresh()
{
    const qint64 now = Clock::nowSeconds();
    const ScoringSettings& settings = m_session.engine().settings();
    const Result<QHash<qint64, ReachOutHold>> holds = ReachOutHoldRepository(m_session.database()).all();
    if (!holds)
        emit m_session.errorOccurred(
            tr("Could not read who is snoozed or dismissed: %1").arg(holds.error().message));
    std::optional<QSet<qint64>> tagged;
    if (m_filter.tagId) {
        Result<QSet<qint64>> carriers = ContactDirectory(m_session.database()).carrying(*m_filter.tagId);
        if (!carriers)
            emit m_session.errorOccurred(
                tr("Could not read who carries the tag: %1").arg(carriers.error().message));
        tagged = carriers ? std::move(*carriers) : QSet<qint64>();
    }
    std::vector<Row> rows;
    m_heldCount = 0;
    for (const ScoreBoard::Entry& entry : m_session.board().entries()) {
        if (!entry.state.hasHistory())
            continue;
        if (m_filter.ownerId && entry.ownerId.value_or(0) != *m_filter.ownerId)
            continue;
        if (tagged && !tagged->contains(entry.contactId))
            continue;
        RelationshipScore score = computeScore(entry.state, now, entry.context, settings);
        if (!isOverdue(score) || m_isArchived(entry.contactId))
            continue;
        if (holds) {
            const auto hold = holds->constFind(entry.contactId);
            if (hold != holds->cend() && hold->holds(now, std::llround(entry.state.tLast * secondsPerDay))) {
                ++m_heldCount;
                continue;
            }
        }
        rows.push_back({entry.contactId, score});
    }
    // Ties (equal ratios) in id order, so the list is the same every time.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.score.overdueRatio > b.score.overdueRatio; });
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

void OverdueContactsModel::setFilter(const OverdueFilter& filter)
{
    m_filter = filter;
    refresh();
}

void OverdueContactsModel::contactChanged(qint64 contactId)
{
    const auto found = m_rowOfContact.constFind(contactId);
    if (found == m_rowOfContact.cend())
        return;
    Row& row = m_rows[static_cast<size_t>(*found)];
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
    const Row& row = m_rows[static_cast<size_t>(index.row())];
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
