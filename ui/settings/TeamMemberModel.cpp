// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settings/TeamMemberModel.h"

#include "core/storage/TeamMemberRepository.h"
#include "ui/session/DatabaseSession.h"

namespace rapport::ui {

TeamMemberModel::TeamMemberModel(DatabaseSession& session, QObject* parent)
    : QAbstractListModel(parent)
    , m_session(session)
{}

TeamMemberModel::~TeamMemberModel() = default;

int TeamMemberModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_members.size());
}

QVariant TeamMemberModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size())
        return {};
    const TeamMember& member = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return member.name;
    case Qt::ToolTipRole:
        return member.email;
    case MemberIdRole:
        return member.id;
    default:
        return {};
    }
}

Qt::ItemFlags TeamMemberModel::flags(const QModelIndex& index) const
{
    return QAbstractListModel::flags(index) | (index.isValid() ? Qt::ItemIsEditable : Qt::NoItemFlags);
}

bool TeamMemberModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_members.size())
        return false;
    TeamMember& member = m_members[index.row()];
    const QString name = value.toString().trimmed();
    if (name == member.name)
        return false;
    if (Status renamed = TeamMemberRepository(m_session.database()).rename(member.id, name); !renamed) {
        emit errorOccurred(renamed.error().message);
        return false;
    }
    member.name = name;
    emit dataChanged(index, index);
    emit memberRenamed(member.id);
    return true;
}

Status TeamMemberModel::reload()
{
    Result<QList<TeamMember>> members = TeamMemberRepository(m_session.database()).list();
    if (!members)
        return members.error();
    beginResetModel();
    m_members = std::move(*members);
    endResetModel();
    return {};
}

int TeamMemberModel::rowOf(qint64 memberId) const
{
    for (int row = 0; row < m_members.size(); ++row) {
        if (m_members.at(row).id == memberId)
            return row;
    }
    return -1;
}

qint64 TeamMemberModel::memberIdAt(int row) const
{
    return row >= 0 && row < m_members.size() ? m_members.at(row).id : 0;
}

} // namespace rapport::ui
