// SPDX-License-Identifier: GPL-3.0-or-later
// The events, newest first, with how many people each had and how many of them came for the first time.
#pragma once

#include "core/storage/EventRepository.h"

#include <QAbstractTableModel>
#include <QList>

namespace rapport::ui {

class DatabaseSession;

class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableModel)

public:
    enum Column
    {
        WhenColumn,
        KindColumn,
        NameColumn,
        ChannelColumn,
        ParticipantsColumn,
        TookPartColumn,
        FirstTimersColumn,
        ColumnCount
    };
    static constexpr int EventIdRole = Qt::UserRole + 1;
    // What the columns sort by: the moment, and numbers as numbers.
    static constexpr int SortRole = Qt::UserRole + 2;

    explicit EventTableModel(DatabaseSession& session, QObject* parent = nullptr);
    ~EventTableModel() override;

    // Reads the events again; a failure is reported through the session and leaves the list empty.
    void reload();
    const ListedEvent* eventAt(int row) const;
    int rowOf(qint64 eventId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DatabaseSession& m_session;
    QList<ListedEvent> m_events;
};

} // namespace rapport::ui
