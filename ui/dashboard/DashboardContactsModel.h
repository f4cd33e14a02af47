// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard's list of one band's contacts (At risk unless a band was clicked), with the sentence
// that explains each score, as a table over the rows the aggregator computed.
#pragma once

#include "core/dashboard/DashboardData.h"
#include "ui/contacts/ContactTableModel.h"

#include <QAbstractTableModel>

namespace rapport::ui {

class DashboardContactsModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardContactsModel)

public:
    enum Column
    {
        NameColumn,
        OwnerColumn,
        BandColumn,
        ScoreColumn,
        DeltaColumn,
        ExplanationColumn,
        ColumnCount
    };
    static constexpr int ContactIdRole = ContactTableModel::ContactIdRole;
    static constexpr int BandRole = ContactTableModel::BandRole; // what BandChipDelegate paints

    using QAbstractTableModel::QAbstractTableModel;

    void setContacts(const BandContacts& contacts);
    const BandContacts& contacts() const { return m_contacts; }
    qint64 contactAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    BandContacts m_contacts;
};

} // namespace rapport::ui
