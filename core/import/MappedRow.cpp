// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/MappedRow.h"

#include "core/csv/CsvWriter.h"

namespace rapport {

int MappedRow::column(ImportField field) const
{
    for (const ColumnBinding& binding : m_mapping.bindings()) {
        if (binding.field == field)
            return binding.column;
    }
    return -1;
}

QByteArrayView MappedRow::cell(int column) const
{
    const QByteArrayView bytes = m_record.field(column);
    return m_unneutralize ? CsvWriter::unneutralized(bytes) : bytes;
}

QByteArrayView MappedRow::raw(ImportField field) const
{
    const int index = column(field);
    return index < 0 ? QByteArrayView() : cell(index);
}

QString MappedRow::text(ImportField field) const
{
    return QString::fromUtf8(raw(field)).trimmed();
}

QList<MappedRow::Value> MappedRow::values(ImportField field) const
{
    QList<Value> found;
    for (const ColumnBinding& binding : m_mapping.bindings()) {
        if (binding.field != field)
            continue;
        const QString text = QString::fromUtf8(cell(binding.column)).trimmed();
        if (!text.isEmpty())
            found << Value{binding.column, binding.service, text};
    }
    return found;
}

QString MappedRow::location(int column) const
{
    const qint64 line = column >= 0 ? m_record.fieldLine(column) : m_record.line();
    return m_reader.location(line, column);
}

Error MappedRow::problem(int column, const QString& message) const
{
    return Error::badInput(QStringLiteral("%1: %2").arg(location(column), message));
}

} // namespace rapport
