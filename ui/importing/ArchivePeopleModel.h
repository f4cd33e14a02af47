// SPDX-License-Identifier: GPL-3.0-or-later
// The people a dry run of a conversation import found, one row each — name, address or handle, new or
// matched, conversations, first and last — with a check box to leave someone out of the import.
#pragma once

#include "core/conversations/ConversationImport.h"

#include <QAbstractTableModel>

namespace rapport::ui {

class ArchivePeopleModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchivePeopleModel)

public:
    enum Column
    {
        NameColumn,
        AddressColumn,
        ContactColumn,
        ConversationsColumn,
        FirstColumn,
        LastColumn,
        ColumnCount
    };

    explicit ArchivePeopleModel(QObject* parent = nullptr);

    // Everyone ticked again.
    void setPeople(QList<ArchivePerson> people);
    // The keys of the people unticked, for ConversationImportOptions::leftOut.
    QSet<QString> leftOut() const { return m_leftOut; }
    qsizetype includedCount() const { return m_people.size() - m_leftOut.size(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void leftOutChanged();

private:
    QList<ArchivePerson> m_people;
    QSet<QString> m_leftOut;
};

} // namespace rapport::ui
