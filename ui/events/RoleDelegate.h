// SPDX-License-Identifier: GPL-3.0-or-later
// Edits a participant's role with a combo box of the roles: the cell holds the role as its int under
// RoleDelegate::RoleValueRole, and the editor writes it back there.
#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

class RoleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleDelegate)

public:
    static constexpr int RoleValueRole = Qt::UserRole + 1;

    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace rapport::ui
