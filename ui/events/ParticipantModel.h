// SPDX-License-Identifier: GPL-3.0-or-later
// The people of one event by name: their role (editable: a change is one undo step), whether this was
// their first event or they are regulars, and the interaction their participation wrote.
#pragma once

#include "core/storage/EventRepository.h"
#include "ui/events/RoleDelegate.h"

#include <QAbstractTableModel>
#include <QList>

namespace rapport::ui {

class DatabaseSession;

class ParticipantModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ParticipantModel)

public:
    enum Column
    {
        NameColumn,
        RoleColumn,
        MarkColumn,
        InteractionColumn,
        ColumnCount
    };
    // On the role column: the role as its int, for the role editor.
    static constexpr int RoleValueRole = RoleDelegate::RoleValueRole;

    explicit ParticipantModel(DatabaseSession& session, QObject* parent = nullptr);
    ~ParticipantModel() override;

    // Lists this event's participants; 0 lists none.
    void setEvent(qint64 eventId);
    qint64 eventId() const { return m_eventId; }
    void reload();
    const ListedParticipant* participantAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // A new role (RoleValueRole or EditRole, as its int) is written as one undo step; false when refused.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DatabaseSession& m_session;
    qint64 m_eventId = 0;
    QList<ListedParticipant> m_participants;
};

// "First time", "Regular" or nothing, for a participant.
QString participantMark(const ListedParticipant& participant);

} // namespace rapport::ui
