// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/today/DueFollowUpModel.h"

#include "ui/contacts/ContactTableModel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

namespace {

QString kindText(FollowUpKind kind)
{
    switch (kind) {
    case FollowUpKind::ReachOut:
        return DueFollowUpModel::tr("Reach out");
    case FollowUpKind::OurCommitment:
        return DueFollowUpModel::tr("Our promise");
    case FollowUpKind::TheirCommitment:
        return DueFollowUpModel::tr("Their promise");
    }
    return {};
}

} // namespace

void DueFollowUpModel::setFollowUps(QList<ListedFollowUp> followUps, qint64 now)
{
    beginResetModel();
    m_followUps = std::move(followUps);
    m_now = now;
    endResetModel();
}

const ListedFollowUp* DueFollowUpModel::followUpAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_followUps[row] : nullptr;
}

int DueFollowUpModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_followUps.size());
}

int DueFollowUpModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DueFollowUpModel::data(const QModelIndex& index, int role) const
{
    const ListedFollowUp* listed = followUpAt(index.row());
    if (!index.isValid() || !listed)
        return {};
    const FollowUp& followUp = listed->followUp;
    if (role == ContactTableModel::ContactIdRole)
        return followUp.contactId;
    if (role == Qt::ForegroundRole && index.column() == DueColumn && followUp.dueAt < m_now)
        return QColor(0xb3, 0x26, 0x1e); // overdue, in the At risk band's red
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case DueColumn: {
        const QDate due = QDateTime::fromSecsSinceEpoch(followUp.dueAt).date();
        const QDate today = QDateTime::fromSecsSinceEpoch(m_now).date();
        if (due == today)
            return tr("Today");
        const qint64 late = due.daysTo(today);
        return late == 1 ? tr("Yesterday") : tr("%1 days late").arg(late);
    }
    case NameColumn:
        return listed->contactName;
    case KindColumn:
        return kindText(followUp.kind);
    case TextColumn:
        return followUp.text;
    case OwnerColumn:
        return listed->ownerName.isEmpty() ? tr("Nobody") : listed->ownerName;
    default:
        return {};
    }
}

QVariant DueFollowUpModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TextColumn:
        return tr("What");
    case OwnerColumn:
        return tr("Owner");
    default:
        return {};
    }
}

} // namespace rapport::ui
