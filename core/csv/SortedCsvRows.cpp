// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv/SortedCsvRows.h"

#include <QFile>
#include <algorithm>
#include <cstring>
#include <queue>

namespace rapport {

namespace {

// A run on disk is a sequence of records: primary key, secondary key, row length (native byte order, for
// this process only), then the row's bytes.
constexpr qsizetype recordHeaderBytes = 2 * sizeof(qint64) + sizeof(qint64);
constexpr qint64 readAheadBytes = 1 << 20;

Error spillError(const QFileDevice& file)
{
    return Error::database(QStringLiteral("cannot use the temporary file %1 to sort the rows: %2")
                               .arg(file.fileName(), file.errorString()));
}

// Reads one run's records in order.
class RunReader
{
public:
    RunReader(const QString& path, qint64 start, qint64 end)
        : m_file(path)
        , m_position(start)
        , m_end(end)
    {}

    Status open()
    {
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(m_position))
            return spillError(m_file);
        return {};
    }

    // The next record, or false at the end of the run.
    Result<bool> next()
    {
        m_current = m_next;
        if (m_current == m_buffer.size() && m_position >= m_end)
            return false;
        if (Status header = ensure(recordHeaderBytes); !header)
            return header.error();
        const char* at = m_buffer.constData() + m_current;
        std::memcpy(&m_key.primary, at, sizeof(qint64));
        std::memcpy(&m_key.secondary, at + sizeof(qint64), sizeof(qint64));
        std::memcpy(&m_rowLength, at + 2 * sizeof(qint64), sizeof(qint64));
        if (Status row = ensure(recordHeaderBytes + m_rowLength); !row)
            return row.error();
        m_next = m_current + recordHeaderBytes + m_rowLength;
        return true;
    }

    const CsvRowKey& key() const { return m_key; }
    // Valid until the next call of next().
    QByteArrayView row() const { return {m_buffer.constData() + m_current + recordHeaderBytes, m_rowLength}; }

private:
    // At least `bytes` bytes from the current record's start in the buffer.
    Status ensure(qint64 bytes)
    {
        if (m_buffer.size() - m_current >= bytes)
            return {};
        m_buffer.remove(0, m_current);
        m_current = 0;
        const qint64 wanted = std::min(std::max(bytes - m_buffer.size(), readAheadBytes), m_end - m_position);
        const qsizetype kept = m_buffer.size();
        m_buffer.resize(kept + wanted);
        const qint64 read = m_file.read(m_buffer.data() + kept, wanted);
        if (read < 0)
            return spillError(m_file);
        m_buffer.resize(kept + read);
        m_position += read;
        if (m_buffer.size() < bytes)
            return Error::database(
                QStringLiteral("the temporary file %1 ends inside a row").arg(m_file.fileName()));
        return {};
    }

    QFile m_file;
    qint64 m_position; // in the file, after what the buffer holds
    qint64 m_end;
    QByteArray m_buffer;
    qint64 m_current = 0; // where the current record starts in the buffer
    qint64 m_next = 0;    // where the one after it starts
    CsvRowKey m_key;
    qint64 m_rowLength = 0;
};

} // namespace

SortedCsvRows::SortedCsvRows(qsizetype memoryBytes)
    : m_memoryBytes(memoryBytes)
{
    // Reserved at once, so that the buffer never doubles past its bound (untouched pages cost nothing).
    m_device.buffer().reserve(memoryBytes + (1 << 20));
    m_device.open(QIODevice::WriteOnly);
    m_cells = std::make_unique<CsvWriter>(m_device, QStringLiteral("the sort buffer"));
}

SortedCsvRows::~SortedCsvRows() = default;

Status SortedCsvRows::endRow(CsvRowKey key)
{
    if (Status ended = m_cells->endRow(); !ended)
        return ended;
    const qint64 end = m_cells->bytesProduced();
    m_entries.push_back({key, m_rowStart - m_bufferStart, end - m_rowStart});
    m_rowStart = end;
    ++m_rows;
    if (end - m_bufferStart >= m_memoryBytes)
        return spill();
    return {};
}

Status SortedCsvRows::flushCells()
{
    return m_cells->finish();
}

void SortedCsvRows::sortEntries()
{
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

Status SortedCsvRows::spill()
{
    if (Status flushed = flushCells(); !flushed)
        return flushed;
    if (!m_spill) {
        m_spill = std::make_unique<QTemporaryFile>();
        if (!m_spill->open())
            return spillError(*m_spill);
    }
    sortEntries();
    m_runStarts.push_back(m_spill->pos());
    const QByteArray& buffer = m_device.buffer();
    QByteArray records;
    records.reserve(static_cast<qsizetype>(readAheadBytes) + 4096);
    for (const Entry& entry : m_entries) {
        records.append(reinterpret_cast<const char*>(&entry.key.primary), sizeof(qint64));
        records.append(reinterpret_cast<const char*>(&entry.key.secondary), sizeof(qint64));
        records.append(reinterpret_cast<const char*>(&entry.length), sizeof(qint64));
        records.append(buffer.constData() + entry.offset, entry.length);
        if (records.size() >= readAheadBytes) {
            if (m_spill->write(records) != records.size())
                return spillError(*m_spill);
            records.resize(0);
        }
    }
    if (m_spill->write(records) != records.size())
        return spillError(*m_spill);
    m_entries.clear();
    m_device.buffer().resize(0);
    m_device.seek(0);
    m_bufferStart = m_cells->bytesProduced();
    return {};
}

Status SortedCsvRows::writeTo(CsvWriter& out)
{
    if (!m_runStarts.empty()) {
        if (!m_entries.empty()) {
            if (Status spilled = spill(); !spilled)
                return spilled;
        }
        return merge(out);
    }
    if (Status flushed = flushCells(); !flushed)
        return flushed;
    sortEntries();
    const QByteArray& buffer = m_device.buffer();
    for (const Entry& entry : m_entries) {
        if (Status added =
                out.addFormattedRows(QByteArrayView(buffer.constData() + entry.offset, entry.length), 1);
            !added)
            return added;
    }
    return {};
}

Status SortedCsvRows::merge(CsvWriter& out)
{
    if (!m_spill->flush())
        return spillError(*m_spill);
    const qint64 end = m_spill->size();
    std::vector<std::unique_ptr<RunReader>> runs;
    for (size_t run = 0; run < m_runStarts.size(); ++run) {
        const qint64 runEnd = run + 1 < m_runStarts.size() ? m_runStarts[run + 1] : end;
        runs.push_back(std::make_unique<RunReader>(m_spill->fileName(), m_runStarts[run], runEnd));
        if (Status opened = runs.back()->open(); !opened)
            return opened;
    }
    // The run with the smallest key on top; between equal keys, the earlier run.
    const auto later = [&runs](size_t a, size_t b) {
        const CsvRowKey& x = runs[a]->key();
        const CsvRowKey& y = runs[b]->key();
        return x != y ? y < x : b < a;
    };
    std::priority_queue<size_t, std::vector<size_t>, decltype(later)> heads(later);
    for (size_t run = 0; run < runs.size(); ++run) {
        const Result<bool> first = runs[run]->next();
        if (!first)
            return first.error();
        if (*first)
            heads.push(run);
    }
    while (!heads.empty()) {
        const size_t run = heads.top();
        heads.pop();
        if (Status added = out.addFormattedRows(runs[run]->row(), 1); !added)
            return added;
        const Result<bool> more = runs[run]->next();
        if (!more)
            return more.error();
        if (*more)
            heads.push(run);
    }
    return {};
}

} // namespace rapport
