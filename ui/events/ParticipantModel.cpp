// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/events/ParticipantModel.h"

#include "ui/session/DatabaseSession.h"
#include "ui/undo/EventCommands.h"
#include "ui/widgets/BandStyle.h"

#include <QCoreApplication>
#include <QFont>

namespace rapport::ui {

QString participantMark(const ListedParticipant& participant)
{
    if (participant.firstTimer())
        return QCoreApplication::translate("rapport::ui::ParticipantModel", "First time");
    if (participant.regular())
        return QCoreApplication::translate("rapport::ui::ParticipantModel", "Regular (%1 before)")
            .arg(participant.earlierEvents);
    return {};
}

ParticipantModel::ParticipantModel(DatabaseSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

ParticipantModel::~ParticipantModel() = default;

void ParticipantModel::setEvent(qint64 eventId)
{
    m_eventId = eventId;
    reload();
}

void ParticipantModel::reload()
{
    beginResetModel();
    Result<QList<ListedParticipant>> participants =
        m_eventId > 0 ? EventRepository(m_session.database()).listParticipants(m_eventId)
                      : Result<QList<ListedParticipant>>(QList<ListedParticipant>());
    m_participants = participants ? std::move(*participants) : QList<ListedParticipant>();
    endResetModel();
    // An event deleted meanwhile (by an undo, or elsewhere) simply has nobody left to list.
    if (!participants && participants.error().kind != ErrorKind::NotFound)
        emit m_session.errorOccurred(
            tr("Could not read the event's participants: %1").arg(participants.error().message));
}

const ListedParticipant* ParticipantModel::participantAt(int row) const
{
    return row >= 0 && row < m_participants.size() ? &m_participants[row] : nullptr;
}

int ParticipantModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_participants.size());
}

int ParticipantModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ParticipantModel::data(const QModelIndex& index, int role) const
{
    const ListedParticipant* listed = participantAt(index.row());
    if (!listed)
        return {};
    const EventParticipant& participant = listed->participant;
    if (index.column() == RoleColumn && role == RoleValueRole)
        return static_cast<int>(participant.role);
    if (index.column() == MarkColumn && role == Qt::FontRole && listed->firstTimer()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (index.column() == MarkColumn && role == Qt::ToolTipRole)
        return tr("Events they took part in before this one: %1").arg(listed->earlierEvents);
    if (index.column() == InteractionColumn && role == Qt::ToolTipRole)
        return participant.interactionId
                   ? tr("Logged in their timeline as conversation #%1").arg(*participant.interactionId)
                   : tr("Someone invited who did not show has no conversation logged");
    if (index.column() == RoleColumn && role == Qt::ToolTipRole)
        return tr("F2 or a double click changes the role");
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return listed->contactName;
    case RoleColumn:
        return participantRoleLabel(participant.role);
    case MarkColumn:
        return participantMark(*listed);
    case InteractionColumn: {
        const std::optional<Direction> direction = roleDirection(participant.role);
        if (!participant.interactionId || !direction)
            return tr("None");
        return direction == Direction::Inbound
                   ? tr("%1 Inbound conversation").arg(directionArrow(Direction::Inbound))
                   : tr("%1 Mutual conversation").arg(directionArrow(Direction::Mutual));
    }
    default:
        return {};
    }
}

bool ParticipantModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    const ListedParticipant* listed = participantAt(index.row());
    if (!listed || index.column() != RoleColumn || (role != Qt::EditRole && role != RoleValueRole))
        return false;
    bool isNumber = false;
    const int chosen = value.toInt(&isNumber);
    if (!isNumber || chosen < 0 || chosen >= participantRoleCount)
        return false;
    const auto newRole = static_cast<ParticipantRole>(chosen);
    if (newRole == listed->participant.role)
        return false;
    // The command's write reloads this model through the session's signals, which drops `listed`.
    const EventParticipant participant = listed->participant;
    return DatabaseCommand::push(m_session, std::make_unique<ChangeParticipantRoleCommand>(
                                                m_session, participant.eventId, participant.contactId,
                                                newRole, listed->contactName))
        .ok();
}

Qt::ItemFlags ParticipantModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == RoleColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant ParticipantModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case MarkColumn:
        return tr("First time or regular");
    case InteractionColumn:
        return tr("Interaction");
    default:
        return {};
    }
}

} // namespace rapport::ui
