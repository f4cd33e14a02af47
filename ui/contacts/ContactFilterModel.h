// SPDX-License-Identifier: GPL-3.0-or-later
// Filters the contact table by full-text search, band, owner, tag and archive state. Sorting is
// forwarded to the source model, which sorts 100k rows from its in-memory keys far faster than a
// proxy comparing row data would.
#pragma once

#include "core/scoring/RelationshipScore.h"

#include <QSet>
#include <QSortFilterProxyModel>
#include <optional>

namespace rapport::ui {

class ContactTableModel;

class ContactFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactFilterModel)

public:
    explicit ContactFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* model) override;

    // Only these contacts (search results); nullopt shows every contact.
    void setMatchingContacts(std::optional<QSet<qint64>> contacts);
    void setBand(std::optional<Band> band);
    // 0 shows contacts nobody owns; nullopt shows every owner's.
    void setOwner(std::optional<qint64> ownerId);
    void setTag(std::optional<qint64> tagId);
    void setShowArchived(bool show);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ContactTableModel* m_contacts = nullptr;
    std::optional<QSet<qint64>> m_matching;
    std::optional<Band> m_band;
    std::optional<qint64> m_owner;
    std::optional<qint64> m_tag;
    bool m_showArchived = false;
};

} // namespace rapport::ui
