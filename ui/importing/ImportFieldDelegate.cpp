// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportFieldDelegate.h"

#include "ui/importing/ImportMappingModel.h"

#include <QComboBox>

namespace rapport::ui {

ImportFieldDelegate::ImportFieldDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{}

QWidget* ImportFieldDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem&,
                                           const QModelIndex& index) const
{
    auto* combo = new QComboBox(parent);
    combo->addItems(index.data(ImportMappingModel::ChoicesRole).toStringList());
    combo->setMaxVisibleItems(16);
    // The editors stay open (persistent): a choice applies at once, with no separate commit step.
    auto* self = const_cast<ImportFieldDelegate*>(this); // createEditor() is const, commitData() is not
    connect(combo, &QComboBox::currentIndexChanged, self, [self, combo] { emit self->commitData(combo); });
    return combo;
}

void ImportFieldDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = static_cast<QComboBox*>(editor);
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(index.data(Qt::EditRole).toInt());
}

void ImportFieldDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                       const QModelIndex& index) const
{
    model->setData(index, static_cast<QComboBox*>(editor)->currentIndex(), Qt::EditRole);
}

} // namespace rapport::ui
