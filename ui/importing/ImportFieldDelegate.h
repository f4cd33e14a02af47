// SPDX-License-Identifier: GPL-3.0-or-later
// The combo box of the import wizard's "Imported as" column: lists the Rapport fields a column can feed
// and writes the choice to the ImportMappingModel as soon as it changes.
#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

class ImportFieldDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportFieldDelegate)

public:
    explicit ImportFieldDelegate(QObject* parent = nullptr);

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace rapport::ui
