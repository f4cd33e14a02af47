// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/ContactFilterModel.h"

#include "ui/contacts/ContactTableModel.h"

namespace rapport::ui {

ContactFilterModel::ContactFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    // Rows are filtered when a filter changes, not on every score update: a logged conversation must not
    // make the row under the user's cursor vanish, and re-testing 100k rows per update would stall.
    setDynamicSortFilter(false);
}

void ContactFilterModel::setSourceModel(QAbstractItemModel* model)
{
    m_contacts = qobject_cast<ContactTableModel*>(model);
    Q_ASSERT(m_contacts || !model);
    QSortFilterProxyModel::setSourceModel(model);
}

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

bool ContactFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const ContactIndexEntry& entry = m_contacts->entryAtRow(sourceRow);
    if (m_matching && !m_matching->contains(entry.id))
        return false;
    if (!m_showArchived && entry.archived)
        return false;
    if (m_owner && entry.ownerId != *m_owner)
        return false;
    if (m_tag && !entry.tagIds.contains(*m_tag))
        return false;
    if (m_band && m_contacts->bandAtRow(sourceRow) != *m_band)
        return false;
    return true;
}

} // namespace rapport::ui
