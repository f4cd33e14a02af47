// SPDX-License-Identifier: GPL-3.0-or-later
// The first rows of an import file as the wizard previews them, one column per column of the file,
// headed by the column's name and the Rapport field it is imported as.
#pragma once

#include "core/import/ColumnMapping.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace rapport::ui {

class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    explicit ImportPreviewModel(QObject* parent = nullptr);

    // `fieldColumns`: the columns are Rapport's fields already (a vCard file's cards), shown as imported
    // without field labels.
    void reset(const QStringList& header, const QList<QStringList>& rows, bool fieldColumns = false);
    // The field each column is imported as, empty for a column that is not: the headings show it.
    void setFieldLabels(const QStringList& labels);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QStringList m_fieldLabels;
    QList<QStringList> m_rows;
    bool m_fieldColumns = false;
};

} // namespace rapport::ui
