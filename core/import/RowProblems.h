// SPDX-License-Identifier: GPL-3.0-or-later
// Every problem of one import row, gathered so that the row reports all of its bad values at once, in
// the order of its columns, instead of only the first one found.
#pragma once

#include "core/import/MappedRow.h"
#include "core/import/RowImport.h"

#include <QList>
#include <utility>

namespace rapport {

class RowProblems
{
public:
    explicit RowProblems(const MappedRow& row)
        : m_row(row)
    {}

    // A problem with the value in `column` (-1: the row as a whole, listed after the columns).
    void add(int column, const QString& message);
    void add(ImportField field, const QString& message) { add(m_row.column(field), message); }
    // Keeps `error`, made with row.problem() for `column`, when it is a problem with the row (bad input,
    // not found); false for any other error, which stops the import and which the caller returns.
    bool keep(int column, const Error& error);
    bool keep(ImportField field, const Error& error) { return keep(m_row.column(field), error); }

    bool isEmpty() const { return m_problems.isEmpty(); }
    // The invalid row: its problems in column order, each naming file, line and column.
    RowResult result() const;

private:
    const MappedRow& m_row;
    QList<std::pair<int, QString>> m_problems; // column, message with its location
};

} // namespace rapport
