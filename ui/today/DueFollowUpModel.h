// SPDX-License-Identifier: GPL-3.0-or-later
// The open follow-ups Today lists as due: at most a day's worth, oldest first.
#pragma once

#include "core/storage/FollowUpRepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace rapport::ui {

class DueFollowUpModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DueFollowUpModel)

public:
    enum Column
    {
        DueColumn,
        NameColumn,
        KindColumn,
        TextColumn,
        OwnerColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setFollowUps(QList<ListedFollowUp> followUps, qint64 now);
    const ListedFollowUp* followUpAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    // Besides the display roles: ContactTableModel's ContactIdRole.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ListedFollowUp> m_followUps;
    qint64 m_now = 0;
};

} // namespace rapport::ui
