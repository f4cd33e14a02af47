// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's column mapping as a table: one row per column of the file, with its first value
// and the Rapport field it feeds, which the person changes with a combo box (ImportFieldDelegate).
#pragma once

#include "core/import/ColumnMapping.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace rapport::ui {

class ImportMappingModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportMappingModel)

public:
    enum Column
    {
        FileColumn,
        ExampleColumn,
        FieldColumn,
        ColumnCount
    };
    // The labels of the choices in the field column, a QStringList for the delegate's combo box.
    static constexpr int ChoicesRole = Qt::UserRole + 1;

    explicit ImportMappingModel(QObject* parent = nullptr);

    // `examples` holds a value of each column from the first rows, shown beside its name.
    void reset(ImportTarget target, const QStringList& header, const QStringList& examples,
               const ColumnMapping& mapping);
    const ColumnMapping& mapping() const { return m_mapping; }
    // The index of the choice `column` is bound to (0: not imported).
    int choiceOf(int column) const;
    QString choiceLabel(int choice) const { return m_choices.value(choice).label; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    // The field column takes a choice index (Qt::EditRole).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void mappingChanged();

private:
    struct Choice
    {
        std::optional<ImportField> field; // nullopt: the column is not imported
        MethodKind service = MethodKind::Email;
        QString label;
    };

    QList<Choice> m_choices;
    QStringList m_header;
    QStringList m_examples;
    ColumnMapping m_mapping;
};

} // namespace rapport::ui
