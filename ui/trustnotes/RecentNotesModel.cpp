// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trustnotes/RecentNotesModel.h"

#include "ui/session/DatabaseSession.h"

#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

RecentNotesModel::RecentNotesModel(DatabaseSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
    connect(&m_session, &DatabaseSession::contactChanged, this, &RecentNotesModel::reload);
    connect(&m_session, &DatabaseSession::contactsReset, this, &RecentNotesModel::reload);
    reload();
}

RecentNotesModel::~RecentNotesModel() = default;

void RecentNotesModel::setKind(std::optional<TrustKind> kind)
{
    m_kind = kind;
    reload();
}

void RecentNotesModel::reload()
{
    beginResetModel();
    Result<QList<ListedTrustNote>> notes =
        TrustNoteRepository(m_session.database()).listRecent(shownNotes, m_kind);
    m_notes = notes ? std::move(*notes) : QList<ListedTrustNote>();
    endResetModel();
}

int RecentNotesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_notes.size());
}

int RecentNotesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecentNotesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_notes.size())
        return {};
    const ListedTrustNote& listed = m_notes[index.row()];
    if (role == ContactIdRole)
        return listed.note.contactId;
    if (role == Qt::ToolTipRole && index.column() == TextColumn)
        return listed.note.text;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(listed.note.createdAt, Qt::UTC).toLocalTime(),
                                  QLocale::ShortFormat);
    case ContactColumn:
        return listed.contactName;
    case KindColumn:
        return trustKindLabel(listed.note.kind);
    case LevelColumn:
        return listed.note.trustLevel ? QString(*listed.note.trustLevel, QChar(0x2605)) : QString();
    case AuthorColumn:
        return listed.authorName;
    case TextColumn:
        return listed.note.text;
    default:
        return {};
    }
}

QVariant RecentNotesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case ContactColumn:
        return tr("Contact");
    case KindColumn:
        return tr("Kind");
    case LevelColumn:
        return tr("Trust");
    case AuthorColumn:
        return tr("Author");
    case TextColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace rapport::ui
