// SPDX-License-Identifier: GPL-3.0-or-later
// What CsvImporter asks of the import of one kind of record (contacts, interactions, notes): check a
// row, and in the write pass store it. The importer runs a checking pass over the whole file, then, when
// no row had a problem, a writing pass inside one transaction.
#pragma once

#include "core/base/Progress.h"
#include "core/import/MappedRow.h"

#include <QList>
#include <QStringList>
#include <utility>

namespace rapport {

enum class RowOutcome
{
    Created,
    Unchanged,
    Updated,
    Skipped,
    Invalid // the row has problems with its values; nothing of the file is written
};

struct RowResult
{
    RowResult(RowOutcome outcome, QString reason = {}, QStringList problems = {})
        : outcome(outcome)
        , reason(std::move(reason))
        , problems(std::move(problems))
    {}

    RowOutcome outcome = RowOutcome::Created;
    QString reason;       // why a row was skipped
    QStringList problems; // what is wrong with an invalid row, each naming file, line and column
};

class RowImport
{
public:
    virtual ~RowImport() = default;
    // Starts a pass. With `writing`, the importer has opened the transaction and row() stores rows;
    // `rows` is the number of rows the checking pass read.
    virtual Status begin(bool writing, qint64 rows) = 0;
    // An invalid row (RowProblems), or a bad-input (or not-found) error made with row.problem(), is a
    // problem with this row; any other error stops the import.
    virtual Result<RowResult> row(const MappedRow& row) = 0;
    // Ends the writing pass (indexes, scores), still inside the transaction.
    virtual Status end(const ProgressCallback& progress) = 0;
    virtual QList<qint64> touchedContacts() const = 0;
};

} // namespace rapport
