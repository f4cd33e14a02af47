// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/TimelineModel.h"

#include "core/storage/ContactChangeLog.h"
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
            using Value = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<Value, Interaction>)
                return value.occurredAt;
            else if constexpr (std::is_same_v<Value, ContactChange>)
                return value.changedAt;
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

void TimelineModel::setKindShown(Kind kind, bool shown)
{
    if (shown == isKindShown(kind))
        return;
    if (shown)
        m_hidden.remove(static_cast<int>(kind));
    else
        m_hidden.insert(static_cast<int>(kind));
    reload();
}

void TimelineModel::reload()
{
    beginResetModel();
    m_entries.clear();
    if (m_contactId > 0) {
        Database& db = m_session.database();
        if (isKindShown(Kind::Conversation)) {
            if (const Result<QList<Interaction>> interactions =
                    InteractionRepository(db).listForContact(m_contactId)) {
                for (const Interaction& interaction : *interactions)
                    m_entries << Entry(interaction);
            }
        }
        if (isKindShown(Kind::TrustNote)) {
            if (const Result<QList<TrustNote>> notes = TrustNoteRepository(db).listForContact(m_contactId)) {
                for (const TrustNote& note : *notes)
                    m_entries << Entry(note);
            }
        }
        if (isKindShown(Kind::Change)) {
            if (const Result<QList<ContactChange>> changes =
                    ContactChangeLog(db).listForContact(m_contactId)) {
                for (const ContactChange& change : *changes)
                    m_entries << Entry(change);
            }
        }
        // Stable: entries of one moment keep their own order (a change's entries, newest first).
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
    if (role == KindRole)
        return static_cast<int>(entry->index());
    if (const auto* change = std::get_if<ContactChange>(entry))
        return changeData(*change, role);
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

QVariant TimelineModel::changeData(const ContactChange& change, int role) const
{
    switch (role) {
    case Qt::DisplayRole: {
        QString text =
            QStringLiteral("%1   %2").arg(localTime(change.changedAt), describeContactChange(change));
        // An edit in this window is the usual case; anything else says where the change came from.
        if (change.source != ChangeSource::Edit)
            text += QStringLiteral("  (%1)").arg(changeSourceLabel(change.source));
        return text;
    }
    case Qt::DecorationRole:
        return QIcon(QStringLiteral(":/icons/change.svg"));
    case Qt::ForegroundRole:
        return QColor(0x54, 0x5f, 0x66);
    case Qt::ToolTipRole:
        return change.authorName.isEmpty() ? tr("Changed by an unknown team member")
                                           : tr("Changed by %1").arg(change.authorName);
    case IsInteractionRole:
        return false;
    default:
        return {};
    }
}

QString TimelineModel::changeSourceLabel(ChangeSource source)
{
    switch (source) {
    case ChangeSource::Edit:
        return tr("edit");
    case ChangeSource::CommandLine:
        return tr("command line");
    case ChangeSource::Import:
        return tr("import");
    case ChangeSource::Merge:
        return tr("merge");
    case ChangeSource::BulkEdit:
        return tr("bulk edit");
    case ChangeSource::Undo:
        return tr("undo");
    case ChangeSource::Redo:
        return tr("redo");
    }
    return {};
}

} // namespace rapport::ui
