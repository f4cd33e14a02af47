// SPDX-License-Identifier: GPL-3.0-or-later
// Every contact as a table row: the order and filter index are in memory, scores come from the score
// board, and the displayed text of a row is fetched from the database in batches when a view asks.
#pragma once

#include "core/scoring/RelationshipScore.h"
#include "core/storage/ContactDirectory.h"
#include "ui/widgets/ContactRowCache.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace rapport::ui {

class DatabaseSession;

class ContactTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactTableModel)

public:
    enum Column
    {
        NameColumn,
        OrganizationColumn,
        OwnerColumn,
        TagsColumn,
        ScoreColumn,
        BandColumn,
        LastContactColumn,
        CadenceColumn,
        TrustColumn,
        ColumnCount
    };
    enum Role
    {
        ContactIdRole = Qt::UserRole + 1,
        BandRole,        // int, rapport::Band
        OverdueRole,     // double; -1 without history
        ExplanationRole, // QString
        OwnerIdRole,     // qint64
        TagIdsRole,      // QList<qint64> as QVariantList
        ArchivedRole     // bool
    };

    explicit ContactTableModel(DatabaseSession& session, QObject* parent = nullptr);
    ~ContactTableModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex indexOfContact(qint64 contactId) const;
    qint64 contactAt(int row) const;
    // The filter index entry of a row, without going through QVariant: filters test every row.
    const ContactIndexEntry& entryAtRow(int row) const
    {
        return m_index[m_indexOfRow[static_cast<size_t>(row)]];
    }
    bool isArchived(qint64 contactId) const
    {
        const ContactIndexEntry* entry = indexEntry(contactId);
        return entry && entry->archived;
    }
    // The band shown for a row.
    Band bandAtRow(int row) const { return scoreOf(contactAt(row)).band; }

private:
    void reload();
    void contactChanged(qint64 contactId);
    // Every contact in the ascending order of `column`.
    Result<std::vector<qint64>> orderedBy(int column) const;
    void rebuildRowLookup();
    const ContactRow* rowData(int row) const;
    const ContactIndexEntry* indexEntry(qint64 contactId) const;
    RelationshipScore scoreOf(qint64 contactId) const;

    DatabaseSession& m_session;
    std::vector<qint64> m_order;
    QHash<qint64, int> m_rowOfContact;
    std::vector<ContactIndexEntry> m_index; // id order
    QHash<qint64, qsizetype> m_indexPosition;
    std::vector<size_t> m_indexOfRow; // position in m_index of each row of m_order
    mutable ContactRowCache m_rowCache;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_orderCurrent = false; // m_order follows m_sortColumn/m_sortOrder
};

} // namespace rapport::ui
