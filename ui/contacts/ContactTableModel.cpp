// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/ContactTableModel.h"

#include "core/base/Clock.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace rapport::ui {

ContactTableModel::ContactTableModel(DatabaseSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_rowCache(session, tr("Could not read the contacts' names: %1"))
{
    connect(&m_session, &DatabaseSession::contactChanged, this, &ContactTableModel::contactChanged);
    connect(&m_session, &DatabaseSession::contactsReset, this, &ContactTableModel::reload);
    connect(&m_session, &DatabaseSession::scoresLoaded, this, [this] {
        if (m_sortColumn >= ScoreColumn) {
            m_orderCurrent = false;
            sort(m_sortColumn, m_sortOrder);
        }
        if (!m_order.empty())
            emit dataChanged(index(0, ScoreColumn), index(rowCount() - 1, TrustColumn));
    });
    reload();
}

ContactTableModel::~ContactTableModel() = default;

void ContactTableModel::reload()
{
    Result<std::vector<ContactIndexEntry>> index = ContactDirectory(m_session.database()).index();
    if (!index) {
        // An empty table would read as "no contacts": the rows read last stay, and the window says why.
        emit m_session.errorOccurred(
            tr("Could not read the contact list: %1; it shows the contacts as they were.")
                .arg(index.error().message));
        return;
    }
    beginResetModel();
    m_rowCache.clear();
    m_index = std::move(*index);
    m_order.clear();
    m_order.reserve(m_index.size());
    m_indexPosition.clear();
    m_indexPosition.reserve(static_cast<qsizetype>(m_index.size()));
    for (const ContactIndexEntry& entry : m_index) {
        m_indexPosition.insert(entry.id, static_cast<qsizetype>(m_order.size()));
        m_order.push_back(entry.id);
    }
    rebuildRowLookup();
    m_orderCurrent = false;
    endResetModel();
    sort(m_sortColumn, m_sortOrder);
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 ContactTableModel::contactAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_order[static_cast<size_t>(row)] : 0;
}

QModelIndex ContactTableModel::indexOfContact(qint64 contactId) const
{
    const auto found = m_rowOfContact.constFind(contactId);
    return found == m_rowOfContact.cend() ? QModelIndex() : index(*found, 0);
}

const ContactIndexEntry* ContactTableModel::indexEntry(qint64 contactId) const
{
    const auto found = m_indexPosition.constFind(contactId);
    return found == m_indexPosition.cend() ? nullptr : &m_index[static_cast<size_t>(*found)];
}

RelationshipScore ContactTableModel::scoreOf(qint64 contactId) const
{
    const ScoreBoard::Entry* entry = m_session.board().find(contactId);
    if (!entry)
        return {};
    return computeScore(entry->state, Clock::nowSeconds(), entry->context, m_session.engine().settings());
}

const ContactRow* ContactTableModel::rowData(int row) const
{
    return m_rowCache.row(row, rowCount(), [this](int r) { return contactAt(r); });
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const qint64 id = contactAt(index.row());
    switch (role) {
    case ContactIdRole:
        return id;
    case BandRole:
        return static_cast<int>(scoreOf(id).band);
    case OverdueRole: {
        const RelationshipScore score = scoreOf(id);
        return score.hasHistory ? score.overdueRatio : -1.0;
    }
    case ExplanationRole:
        return explainScore(scoreOf(id), std::nullopt);
    case OwnerIdRole: {
        const ContactIndexEntry* entry = indexEntry(id);
        return entry ? entry->ownerId : 0;
    }
    case TagIdsRole: {
        QVariantList tags;
        if (const ContactIndexEntry* entry = indexEntry(id)) {
            for (const qint64 tag : entry->tagIds)
                tags << tag;
        }
        return tags;
    }
    case ArchivedRole: {
        const ContactIndexEntry* entry = indexEntry(id);
        return entry && entry->archived;
    }
    case Qt::ToolTipRole:
        if (index.column() == TrustColumn) {
            const ScoreBoard::Entry* entry = m_session.board().find(id);
            if (!entry || !entry->context.trustLevel)
                return tr("No trust level yet: add a trust note with a level (Ctrl+T).");
            const int level = *entry->context.trustLevel;
            return tr("Trust %1 (%2 of 5), from the latest trust note with a level")
                .arg(QString(level, QChar(0x2605)) + QString(5 - level, QChar(0x2606)))
                .arg(level);
        }
        if (index.column() >= ScoreColumn)
            return explainScore(scoreOf(id), std::nullopt);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ScoreColumn || index.column() == CadenceColumn || index.column() == TrustColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (index.column() == BandColumn)
            return bandIcon(scoreOf(id).band);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    if (index.column() >= ScoreColumn && !m_session.scoresReady())
        return QStringLiteral("\u2026");
    switch (index.column()) {
    case NameColumn:
    case OrganizationColumn:
    case OwnerColumn:
    case TagsColumn: {
        const ContactRow* row = rowData(index.row());
        if (!row)
            return {};
        const std::array<const QString*, 4> texts{&row->name, &row->organization, &row->owner, &row->tags};
        return *texts[static_cast<size_t>(index.column())];
    }
    case ScoreColumn: {
        const RelationshipScore score = scoreOf(id);
        return score.hasHistory ? QVariant(static_cast<int>(std::lround(score.score)))
                                : QVariant(QStringLiteral("—"));
    }
    case BandColumn:
        return bandName(scoreOf(id).band);
    case LastContactColumn: {
        const ScoreBoard::Entry* entry = m_session.board().find(id);
        if (!entry || !entry->state.hasHistory())
            return tr("never");
        const QDateTime last =
            QDateTime::fromSecsSinceEpoch(std::llround(entry->state.tLast * 86400.0), Qt::UTC).toLocalTime();
        return QLocale().toString(last.date(), QLocale::ShortFormat);
    }
    case CadenceColumn: {
        const RelationshipScore score = scoreOf(id);
        return tr("%1 d").arg(std::lround(score.cadenceDays));
    }
    case TrustColumn: {
        const ScoreBoard::Entry* entry = m_session.board().find(id);
        if (!entry || !entry->context.trustLevel)
            return QString();
        // Compact, so that five stars never end in "…"; the stars are in the tooltip.
        return tr("%1/5").arg(*entry->context.trustLevel);
    }
    default:
        return {};
    }
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case TagsColumn:
        return tr("Tags");
    case ScoreColumn:
        return tr("Score");
    case BandColumn:
        return tr("Band");
    case LastContactColumn:
        return tr("Last contact");
    case CadenceColumn:
        return tr("Usual cadence");
    case TrustColumn:
        return tr("Trust");
    default:
        return {};
    }
}

void ContactTableModel::sort(int column, Qt::SortOrder order)
{
    // Views ask again for the order they already have (e.g. when sorting is enabled): 100k rows are
    // not worth sorting twice.
    if (m_orderCurrent && column == m_sortColumn && order == m_sortOrder)
        return;
    if (column < 0 || column >= ColumnCount)
        return;
    Result<std::vector<qint64>> sorted = orderedBy(column);
    if (!sorted) {
        // The rows stay in the order they had, and the sort asked for is not taken as current, so
        // that asking again retries it.
        emit m_session.errorOccurred(tr("Could not sort the contact list: %1; it keeps its previous order.")
                                         .arg(sorted.error().message));
        return;
    }
    m_orderCurrent = true;
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> contactsBefore;
    for (const QModelIndex& index : before)
        contactsBefore << contactAt(index.row());

    m_order = std::move(*sorted);
    if (order == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
    rebuildRowLookup();

    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QModelIndex moved = indexOfContact(contactsBefore[i]);
        after << (moved.isValid() ? index(moved.row(), before[i].column()) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

Result<std::vector<qint64>> ContactTableModel::orderedBy(int column) const
{
    const std::array<std::optional<ContactOrder>, ColumnCount> sqlOrders{
        ContactOrder::Name,  ContactOrder::Organization,
        ContactOrder::Owner, ContactOrder::Tags,
        std::nullopt,        std::nullopt,
        std::nullopt,        std::nullopt,
        std::nullopt};
    if (const std::optional<ContactOrder> sqlOrder = sqlOrders[static_cast<size_t>(column)])
        return ContactDirectory(m_session.database()).idsInOrder(*sqlOrder);
    // Scores are in memory: sort by a key computed once per contact, ties by id for stability.
    std::vector<std::pair<double, qint64>> keyed;
    keyed.reserve(m_index.size());
    const ScoringSettings& settings = m_session.engine().settings();
    const qint64 now = Clock::nowSeconds();
    for (const ContactIndexEntry& entry : m_index) {
        const ScoreBoard::Entry* board = m_session.board().find(entry.id);
        double key = -1;
        if (board) {
            const RelationshipScore score = computeScore(board->state, now, board->context, settings);
            switch (column) {
            case ScoreColumn:
                key = score.hasHistory ? score.score : -1;
                break;
            case BandColumn:
                key = static_cast<double>(score.band);
                break;
            case LastContactColumn:
                key = board->state.hasHistory() ? board->state.tLast : -1;
                break;
            case CadenceColumn:
                key = score.cadenceDays;
                break;
            default:
                key = board->context.trustLevel.value_or(0);
                break;
            }
        }
        keyed.emplace_back(key, entry.id);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<qint64> ids;
    ids.reserve(keyed.size());
    for (const auto& [key, id] : keyed)
        ids.push_back(id);
    return ids;
}

void ContactTableModel::rebuildRowLookup()
{
    m_rowOfContact.clear();
    m_rowOfContact.reserve(static_cast<qsizetype>(m_order.size()));
    m_indexOfRow.assign(m_order.size(), 0);
    for (size_t row = 0; row < m_order.size(); ++row) {
        m_rowOfContact.insert(m_order[row], static_cast<int>(row));
        m_indexOfRow[row] = static_cast<size_t>(m_indexPosition.value(m_order[row]));
    }
}

void ContactTableModel::contactChanged(qint64 contactId)
{
    m_rowCache.forget(contactId);
    const Result<std::optional<ContactIndexEntry>> entry =
        ContactDirectory(m_session.database()).indexEntry(contactId);
    if (!entry) {
        // A failed read says nothing about whether the contact still exists: its row stays.
        emit m_session.errorOccurred(
            tr("Could not read contact %1 again: %2; its row shows what was read before.")
                .arg(contactId)
                .arg(entry.error().message));
        return;
    }
    const bool exists = entry->has_value();
    const QModelIndex current = indexOfContact(contactId);
    if (exists && current.isValid()) {
        if (const auto position = m_indexPosition.constFind(contactId); position != m_indexPosition.cend())
            m_index[static_cast<size_t>(*position)] = **entry;
        emit dataChanged(index(current.row(), 0), index(current.row(), ColumnCount - 1));
        return;
    }
    // A contact appeared or disappeared: rows shift, so the model resets (rare next to logging).
    reload();
}

} // namespace rapport::ui
