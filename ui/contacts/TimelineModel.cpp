// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/TimelineModel.h"

#include "core/storage/InteractionRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>

namespace rapport::ui {

namespace {

qint64 timeOf(const TimelineModel::Entry& entry)
{
    return std::visit(
        [](const auto& value) {
            if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Interaction>)
                return value.occurredAt;
            else
                return value.createdAt;
        },
        entry);
}

QString localTime(qint64 seconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toLocalTime(),
                              QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

TimelineModel::TimelineModel(DatabaseSession& session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
{
    connect(&m_session, &DatabaseSession::contactChanged, this, [this](qint64 contactId) {
        if (contactId == m_contactId)
            reload();
    });
    connect(&m_session, &DatabaseSession::contactsReset, this, &TimelineModel::reload);
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setContact(qint64 contactId)
{
    m_contactId = contactId;
    reload();
}

void TimelineModel::reload()
{
    beginResetModel();
    m_entries.clear();
    if (m_contactId > 0) {
        const Result<QList<Interaction>> interactions =
            InteractionRepository(m_session.database()).listForContact(m_contactId);
        const Result<QList<TrustNote>> notes =
            TrustNoteRepository(m_session.database()).listForContact(m_contactId);
        if (interactions) {
            for (const Interaction& interaction : *interactions)
                m_entries << Entry(interaction);
        }
        if (notes) {
            for (const TrustNote& note : *notes)
                m_entries << Entry(note);
        }
        std::stable_sort(m_entries.begin(), m_entries.end(),
                         [](const Entry& a, const Entry& b) { return timeOf(a) > timeOf(b); });
    }
    endResetModel();
}

const TimelineModel::Entry* TimelineModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    const Entry* entry = entryAt(index.row());
    if (!entry)
        return {};
    if (const auto* interaction = std::get_if<Interaction>(entry)) {
        switch (role) {
        case Qt::DisplayRole: {
            QString text =
                QStringLiteral("%1   %2 %3")
                    .arg(localTime(interaction->occurredAt), directionArrow(interaction->direction),
                         channelName(interaction->channel));
            if (!interaction->summary.isEmpty())
                text += QStringLiteral(" — ") + interaction->summary;
            return text;
        }
        case Qt::DecorationRole:
            return channelIcon(interaction->channel);
        case Qt::ToolTipRole:
            return tr("%1, %2").arg(channelName(interaction->channel), directionName(interaction->direction));
        case IsInteractionRole:
            return true;
        default:
            return {};
        }
    }
    const auto& note = std::get<TrustNote>(*entry);
    switch (role) {
    case Qt::DisplayRole: {
        QString text = QStringLiteral("%1   %2").arg(localTime(note.createdAt), trustKindLabel(note.kind));
        if (note.trustLevel)
            text += QStringLiteral(" ") + QString(*note.trustLevel, QChar(0x2605));
        if (!note.text.isEmpty())
            text += QStringLiteral(" — ") + note.text;
        return text;
    }
    case Qt::ForegroundRole:
        return QColor(0x6a, 0x1b, 0x9a);
    case IsInteractionRole:
        return false;
    default:
        return {};
    }
}

} // namespace rapport::ui
