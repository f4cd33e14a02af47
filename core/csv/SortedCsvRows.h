// SPDX-License-Identifier: GPL-3.0-or-later
// CSV rows written out in the order of a key, whatever order they were produced in, in bounded memory:
// rows are formatted into a buffer; a full buffer is sorted and appended to a temporary file as one run,
// and the runs are merged as the rows are written out. It lets a report read its table in storage order
// (one sequential scan) and still write it chronologically: SQLite's ORDER BY over the time index fetches
// every row at random and took two to three times as long as the scan.
#pragma once

#include "core/base/Result.h"
#include "core/csv/CsvWriter.h"

#include <QBuffer>
#include <QTemporaryFile>
#include <compare>
#include <memory>
#include <vector>

namespace rapport {

struct CsvRowKey
{
    qint64 primary = 0;   // e.g. the moment
    qint64 secondary = 0; // e.g. the id, between rows of the same moment

    // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 reads a 0 into the defaulted comparison
    auto operator<=>(const CsvRowKey&) const = default;
};

class SortedCsvRows
{
public:
    // `memoryBytes` of formatted rows are held before a run goes to the temporary file.
    explicit SortedCsvRows(qsizetype memoryBytes = 32 * 1024 * 1024);
    ~SortedCsvRows();
    SortedCsvRows(const SortedCsvRows&) = delete;
    SortedCsvRows& operator=(const SortedCsvRows&) = delete;

    // The writer that takes the next row's cells.
    CsvWriter& cells() { return *m_cells; }
    // Ends the row whose cells were just added; it is written at the place of `key`.
    Status endRow(CsvRowKey key);
    // Every row, in key order (rows with equal keys in the order they came), after what `out` holds.
    Status writeTo(CsvWriter& out);

    qint64 rows() const { return m_rows; }
    // How many runs went to the temporary file (0 while everything fits in memory).
    int spilledRuns() const { return static_cast<int>(m_runStarts.size()); }

private:
    struct Entry
    {
        CsvRowKey key;
        qint64 offset = 0; // in the buffer
        qint64 length = 0;
    };

    Status flushCells();
    void sortEntries();
    Status spill();
    Status merge(CsvWriter& out);

    QBuffer m_device;
    std::unique_ptr<CsvWriter> m_cells;
    qsizetype m_memoryBytes;
    qint64 m_bufferStart = 0; // m_cells' byte count where the buffer begins
    qint64 m_rowStart = 0;    // m_cells' byte count where the next row begins
    std::vector<Entry> m_entries;
    std::unique_ptr<QTemporaryFile> m_spill;
    std::vector<qint64> m_runStarts; // offsets of the runs in m_spill
    qint64 m_rows = 0;
};

} // namespace rapport
