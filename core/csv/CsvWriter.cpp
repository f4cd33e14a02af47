// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv/CsvWriter.h"

#include "core/base/IsoTime.h"
#include "core/csv/FileSignature.h"

#include <cmath>
#include <cstring>

namespace rapport {

namespace {

constexpr qsizetype flushBytes = 256 * 1024;

bool isFormulaStart(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Apostrophes already at the start are skipped, so that "'=x" is written "''=x" and reads back as
// "'=x": neutralizing stays reversible.
qsizetype formulaStart(QByteArrayView utf8)
{
    if (utf8.isEmpty() || (utf8.front() != '\'' && !isFormulaStart(utf8.front())))
        return -1; // the common case, decided by the first byte
    qsizetype i = 0;
    while (i < utf8.size() && utf8[i] == '\'')
        ++i;
    return i < utf8.size() && isFormulaStart(utf8[i]) ? i : -1;
}

} // namespace

CsvWriter::CsvWriter(QIODevice& device, QString sinkName, CsvWriteOptions options)
    : m_device(device)
    , m_sinkName(std::move(sinkName))
{
    m_buffer.reserve(flushBytes + 64 * 1024);
    if (options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

bool CsvWriter::needsNeutralizing(QByteArrayView utf8)
{
    return formulaStart(utf8) >= 0;
}

QByteArrayView CsvWriter::unneutralized(QByteArrayView utf8)
{
    return formulaStart(utf8) > 0 ? utf8.sliced(1) : utf8;
}

Status CsvWriter::writeHeader(const QStringList& names)
{
    for (const QString& name : names)
        addText(name);
    return endRow();
}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_buffer.append(',');
    m_rowStarted = true;
}

void CsvWriter::appendQuoted(QByteArrayView utf8)
{
    m_buffer.append('"');
    qsizetype from = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8[i] == '"') {
            m_buffer.append(utf8.sliced(from, i + 1 - from));
            m_buffer.append('"');
            from = i + 1;
        }
    }
    m_buffer.append(utf8.sliced(from));
    m_buffer.append('"');
}

void CsvWriter::addText(QByteArrayView utf8)
{
    separate();
    const bool neutralize = needsNeutralizing(utf8);
    // The first bytes of the file must not read as another format's signature, or CsvReader refuses it.
    bool quote =
        m_rows == 0 && m_buffer.isEmpty() && (!binaryFileKind(utf8).isEmpty() || startsLikeUtf16(utf8));
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (neutralize)
            m_buffer.append('\'');
        m_buffer.append(utf8);
        return;
    }
    if (neutralize) {
        QByteArray prefixed;
        prefixed.reserve(utf8.size() + 1);
        prefixed.append('\'').append(utf8);
        appendQuoted(prefixed);
    } else {
        appendQuoted(utf8);
    }
}

void CsvWriter::addText(QStringView text)
{
    addText(QByteArrayView(text.toUtf8()));
}

void CsvWriter::addInteger(qint64 value)
{
    separate();
    char digits[24];
    char* end = digits + sizeof digits;
    char* p = end;
    const bool negative = value < 0;
    auto magnitude = negative ? 0 - static_cast<quint64>(value) : static_cast<quint64>(value);
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (negative)
        *--p = '-';
    m_buffer.append(p, end - p);
}

void CsvWriter::addNumber(double value, int decimals)
{
    if (!std::isfinite(value)) {
        addEmpty();
        return;
    }
    separate();
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0)
        rounded = 0; // no "-0"
    QByteArray text = QByteArray::number(rounded, 'f', decimals);
    if (text.contains('.')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.'))
            text.chop(1);
    }
    m_buffer.append(text);
}

void CsvWriter::addNumber(std::optional<double> value, int decimals)
{
    if (value)
        addNumber(*value, decimals);
    else
        addEmpty();
}

void CsvWriter::addMoment(qint64 secondsSinceEpoch)
{
    separate();
    appendIsoMoment(m_buffer, secondsSinceEpoch);
}

void CsvWriter::addEmpty()
{
    separate();
}

Status CsvWriter::endRow()
{
    m_buffer.append("\r\n");
    m_rowStarted = false;
    ++m_rows;
    if (m_buffer.size() >= flushBytes)
        return flush();
    return {};
}

Status CsvWriter::flush()
{
    const char* data = m_buffer.constData();
    qsizetype left = m_buffer.size();
    while (left > 0) {
        const qint64 written = m_device.write(data, left);
        if (written <= 0)
            return Error::database(
                QStringLiteral("cannot write %1: %2").arg(m_sinkName, m_device.errorString()));
        data += written;
        left -= written;
    }
    m_flushedBytes += m_buffer.size();
    m_buffer.resize(0);
    return {};
}

Status CsvWriter::finish()
{
    return flush();
}

Status CsvWriter::addFormattedRows(QByteArrayView rows, qint64 count)
{
    m_buffer.append(rows);
    m_rows += count;
    if (m_buffer.size() >= flushBytes)
        return flush();
    return {};
}

} // namespace rapport
