// SPDX-License-Identifier: GPL-3.0-or-later
// Writes RFC 4180 CSV that spreadsheets open safely: UTF-8 (optionally with a byte-order mark so Excel
// shows accents), CRLF line ends, quotes only where needed, numbers with a dot, moments in ISO 8601 UTC.
// Text cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
// are neutralized with a leading apostrophe (OWASP "CSV injection"); numeric cells never are. Rows are
// buffered and written in large blocks, so memory stays constant whatever the row count.
#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace rapport {

struct CsvWriteOptions
{
    bool byteOrderMark = false;
};

class CsvWriter
{
public:
    // Writes to `device`, which must be open for writing; `sinkName` names it in write errors.
    CsvWriter(QIODevice& device, QString sinkName, CsvWriteOptions options = {});
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    // The header row: names are written as text.
    Status writeHeader(const QStringList& names);

    void addText(QStringView text);
    void addText(QByteArrayView utf8);
    void addInteger(qint64 value);
    // A number rounded to `decimals` places, without trailing zeros: 53.97, 54, -22.5.
    void addNumber(double value, int decimals = 2);
    // Empty when there is no value.
    void addNumber(std::optional<double> value, int decimals = 2);
    // "2026-05-01T14:30:00Z".
    void addMoment(qint64 secondsSinceEpoch);
    void addEmpty();
    // Ends the row, writing the buffer out when it is full.
    Status endRow();
    // Writes out what is buffered; call once at the end.
    Status finish();
    // Rows another CsvWriter formatted (complete, CRLF-ended), as they are.
    Status addFormattedRows(QByteArrayView rows, qint64 count);

    qint64 rows() const { return m_rows; }
    // Every byte of the rows so far, written out or still buffered.
    qint64 bytesProduced() const { return m_flushedBytes + m_buffer.size(); }

    // Whether a spreadsheet could read this text cell as a formula, and the cell as it is written.
    static bool needsNeutralizing(QByteArrayView utf8);
    // Undoes the neutralization of a cell written by this class (for reading Rapport's own files back).
    static QByteArrayView unneutralized(QByteArrayView utf8);

private:
    void separate();
    void appendQuoted(QByteArrayView utf8);
    Status flush();

    QIODevice& m_device;
    QString m_sinkName;
    QByteArray m_buffer;
    qint64 m_flushedBytes = 0;
    qint64 m_rows = 0;
    bool m_rowStarted = false;
};

} // namespace rapport
