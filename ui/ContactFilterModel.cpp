#include "ContactFilterModel.h"

#include "ContactTableModel.h"

namespace rapport::ui {

void ContactFilterModel::setMatchingContacts(std::optional<QSet<qint64>> contacts)
{
    m_matching = std::move(contacts);
    invalidateRowsFilter();
}

void ContactFilterModel::setBand(std::optional<Band> band)
{
    m_band = band;
    invalidateRowsFilter();
}

void ContactFilterModel::setOwner(std::optional<qint64> ownerId)
{
    m_owner = ownerId;
    invalidateRowsFilter();
}

void ContactFilterModel::setTag(std::optional<qint64> tagId)
{
    m_tag = tagId;
    invalidateRowsFilter();
}

void ContactFilterModel::setShowArchived(bool show)
{
    m_showArchived = show;
    invalidateRowsFilter();
}

void ContactFilterModel::sort(int column, Qt::SortOrder order)
{
    if (sourceModel())
        sourceModel()->sort(column, order);
}

bool ContactFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_matching && !m_matching->contains(index.data(ContactTableModel::ContactIdRole).toLongLong()))
        return false;
    if (!m_showArchived && index.data(ContactTableModel::ArchivedRole).toBool())
        return false;
    if (m_owner && index.data(ContactTableModel::OwnerIdRole).toLongLong() != *m_owner)
        return false;
    if (m_tag && !index.data(ContactTableModel::TagIdsRole).toList().contains(QVariant(*m_tag)))
        return false;
    if (m_band && index.data(ContactTableModel::BandRole).toInt() != static_cast<int>(*m_band))
        return false;
    return true;
}

} // namespace rapport::ui
