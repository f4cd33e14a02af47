// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/events/RoleDelegate.h"

#include "core/model/Event.h"

#include <QComboBox>

namespace rapport::ui {

QWidget* RoleDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const
{
    auto* roles = new QComboBox(parent);
    for (const ParticipantRole role : allParticipantRoles)
        roles->addItem(participantRoleLabel(role), static_cast<int>(role));
    // A choice is written at once: the list shows the new role without a further Enter.
    connect(roles, &QComboBox::activated, this, [this, roles] {
        auto* self = const_cast<RoleDelegate*>(this);
        emit self->commitData(roles);
        emit self->closeEditor(roles);
    });
    return roles;
}

void RoleDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* roles = static_cast<QComboBox*>(editor);
    roles->setCurrentIndex(roles->findData(index.data(RoleValueRole)));
}

void RoleDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentData(), RoleValueRole);
}

} // namespace rapport::ui
