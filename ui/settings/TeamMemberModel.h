// SPDX-License-Identifier: GPL-3.0-or-later
// The team members of the open database as a list model over TeamMemberRepository; editing a name
// renames the member.
#pragma once

#include "core/base/Result.h"
#include "core/model/TeamMember.h"

#include <QAbstractListModel>
#include <QList>

namespace rapport::ui {

class DatabaseSession;

class TeamMemberModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamMemberModel)

public:
    enum Role
    {
        MemberIdRole = Qt::UserRole + 1
    };

    explicit TeamMemberModel(DatabaseSession& session, QObject* parent = nullptr);
    ~TeamMemberModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Renames the member in the database (names are unique); a refusal is reported by errorOccurred.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // Reads the members again, after an add, rename or remove.
    Status reload();
    // The row of the member with this id, or -1.
    int rowOf(qint64 memberId) const;
    qint64 memberIdAt(int row) const;

signals:
    void errorOccurred(const QString& message);
    void memberRenamed(qint64 memberId);

private:
    DatabaseSession& m_session;
    QList<TeamMember> m_members;
};

} // namespace rapport::ui
