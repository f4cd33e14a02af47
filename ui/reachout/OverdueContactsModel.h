// SPDX-License-Identifier: GPL-3.0-or-later
// The contacts past their usual cadence, most overdue first, read from the score board: the rows of
// the "Reach out" page, for one owner or tag when filtered. A snapshot taken by refresh(), so the list
// does not reorder under the cursor; a row whose contact was reached since stays, marked, and leaves
// the live count.
#pragma once

#include "core/services/ReachOutList.h"
#include "core/storage/ContactDirectory.h"
#include "ui/widgets/ContactRowCache.h"

#include <QAbstractTableModel>
#include <QHash>
#include <optional>
#include <vector>

namespace rapport::ui {

class DatabaseSession;

class OverdueContactsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverdueContactsModel)

public:
    enum Column
    {
        NameColumn,
        OrganizationColumn,
        OwnerColumn,
        OverdueColumn,
        LastContactColumn,
        CadenceColumn,
        ScoreColumn,
        BandColumn,
        ColumnCount
    };

    explicit OverdueContactsModel(DatabaseSession& session, QObject* parent = nullptr);
    ~OverdueContactsModel() override;

    // Takes a new snapshot of the Reach out list (core/services/ReachOutList); when it cannot be read,
    // says so and keeps the rows it had.
    void refresh();
    void setFilter(const ReachOutFilter& filter);
    // How many overdue contacts the last refresh left out for a hold.
    qint64 heldCount() const { return m_heldCount; }
    // The listed contacts still overdue now: a conversation logged since takes its row out of the count.
    qint64 stillOverdueCount() const { return m_stillOverdue; }
    qint64 contactAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Besides the display roles: ContactTableModel's ContactIdRole, BandRole and OverdueRole.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void stillOverdueCountChanged();

private:
    void contactChanged(qint64 contactId);
    const ContactRow* rowData(int row) const;

    DatabaseSession& m_session;
    ReachOutFilter m_filter;
    qint64 m_stillOverdue = 0;
    std::vector<ReachOutEntry> m_rows;
    QHash<qint64, int> m_rowOfContact;
    qint64 m_heldCount = 0;
    mutable ContactRowCache m_rowCache;
};

} // namespace rapport::ui
