// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/events/EventTableModel.h"

#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

EventTableModel::EventTableModel(DatabaseSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    reload();
}

EventTableModel::~EventTableModel() = default;

void EventTableModel::reload()
{
    beginResetModel();
    Result<QList<ListedEvent>> events = EventRepository(m_session.database()).list();
    m_events = events ? std::move(*events) : QList<ListedEvent>();
    endResetModel();
    if (!events)
        emit m_session.errorOccurred(tr("Could not read the events: %1").arg(events.error().message));
}

const ListedEvent* EventTableModel::eventAt(int row) const
{
    return row >= 0 && row < m_events.size() ? &m_events[row] : nullptr;
}

int EventTableModel::rowOf(qint64 eventId) const
{
    for (qsizetype row = 0; row < m_events.size(); ++row) {
        if (m_events[row].event.id == eventId)
            return static_cast<int>(row);
    }
    return -1;
}

int EventTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex& index, int role) const
{
    const ListedEvent* listed = eventAt(index.row());
    if (!listed)
        return {};
    const Event& event = listed->event;
    if (role == EventIdRole)
        return event.id;
    if (role == Qt::DecorationRole && index.column() == ChannelColumn)
        return channelIcon(event.channel);
    if (role == Qt::TextAlignmentRole && index.column() >= ParticipantsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == NameColumn && !event.link.isEmpty())
        return event.link;
    if (role == Qt::ToolTipRole && index.column() == ParticipantsColumn && listed->invited > 0)
        return tr("%1 took part; %2 invited did not show").arg(listed->tookPart).arg(listed->invited);
    if (role == SortRole) {
        switch (index.column()) {
        case WhenColumn:
            return event.occurredAt;
        case ParticipantsColumn:
            return listed->tookPart + listed->invited;
        case TookPartColumn:
            return listed->tookPart;
        case FirstTimersColumn:
            return listed->firstTimers;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(event.occurredAt).toLocalTime(),
                                  QLocale::ShortFormat);
    case KindColumn:
        return eventKindLabel(event.kind);
    case NameColumn:
        return event.name;
    case ChannelColumn:
        return channelLabel(event.channel);
    case ParticipantsColumn:
        return listed->tookPart + listed->invited;
    case TookPartColumn:
        return listed->tookPart;
    case FirstTimersColumn:
        return listed->firstTimers;
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case KindColumn:
        return tr("Kind");
    case NameColumn:
        return tr("Name");
    case ChannelColumn:
        return tr("Channel");
    case ParticipantsColumn:
        return tr("Participants");
    case TookPartColumn:
        return tr("Took part");
    case FirstTimersColumn:
        return tr("First-timers");
    default:
        return {};
    }
}

} // namespace rapport::ui
