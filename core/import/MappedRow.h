// SPDX-License-Identifier: GPL-3.0-or-later
// One data row of an import file seen through its column mapping: the values of each Rapport field,
// and problems worded with the file, the line and the column name.
#pragma once

#include "core/base/Result.h"
#include "core/csv/CsvReader.h"
#include "core/import/ColumnMapping.h"

#include <QByteArrayView>
#include <QList>

namespace rapport {

class MappedRow
{
public:
    struct Value
    {
        int column = 0;
        MethodKind service = MethodKind::Email;
        QString text; // trimmed, never empty
    };

    // `unneutralize`: undo the formula neutralization of Rapport's own export.
    MappedRow(const CsvRecord& record, const ColumnMapping& mapping, const CsvReader& reader,
              bool unneutralize)
        : m_record(record)
        , m_mapping(mapping)
        , m_reader(reader)
        , m_unneutralize(unneutralize)
    {}

    qint64 line() const { return m_record.line(); }
    const CsvRecord& record() const { return m_record; }
    // The first column bound to the field, or -1.
    int column(ImportField field) const;
    // The first bound column's bytes as written (not trimmed); empty when unbound.
    QByteArrayView raw(ImportField field) const;
    // The same, trimmed, as text.
    QString text(ImportField field) const;
    // Every bound column with a value, in column order.
    QList<Value> values(ImportField field) const;

    // "file: line 12, column 'Email Address'": where the value in `column` is (-1: the row).
    QString location(int column) const;
    // A bad-input error: "file: line 12, column 'Email Address': message" (the line of that value).
    Error problem(int column, const QString& message) const;
    Error problem(ImportField field, const QString& message) const { return problem(column(field), message); }

private:
    QByteArrayView cell(int column) const;

    const CsvRecord& m_record;
    const ColumnMapping& m_mapping;
    const CsvReader& m_reader;
    bool m_unneutralize;
};

} // namespace rapport
