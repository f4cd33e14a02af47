// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv/CsvReader.h"

#include "core/csv/FileSignature.h"

#include <QFile>
#include <QFileInfo>
#include <cstring>
#include <csv.h>

namespace rapport {

namespace {

constexpr qint64 chunkBytes = 256 * 1024;

// libcsv's parser states (libcsv.c); its struct is public, its state names are not.
constexpr int fieldBegun = 2;
constexpr int fieldMightHaveEnded = 3;

// Spaces around unquoted values are data: libcsv would trim them by default.
int noSpaces(unsigned char)
{
    return 0;
}

// What may follow a quote that ends a quoted value; a second quote makes the pair one quote of the value.
bool closesQuotedValue(char next, char delimiter)
{
    return next == '"' || next == delimiter || next == '\n' || next == '\r';
}

// The characters in UTF-8 text: every byte but the continuation bytes of multi-byte sequences.
qsizetype utf8Characters(QByteArrayView bytes)
{
    qsizetype characters = 0;
    for (const char byte : bytes)
        characters += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    return characters;
}

// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(QByteArrayView bytes)
{
    const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int minimum = 0;
        unsigned int code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

} // namespace

std::optional<CsvEncoding> parseCsvEncoding(const QString& text)
{
    QString key = text.trimmed().toLower();
    key.remove(QLatin1Char('-')).remove(QLatin1Char('_')).remove(QLatin1Char(' '));
    if (key == QLatin1String("utf8"))
        return CsvEncoding::Utf8;
    if (key == QLatin1String("latin1") || key == QLatin1String("iso88591"))
        return CsvEncoding::Latin1;
    return std::nullopt;
}

char guessCsvDelimiter(QByteArrayView start)
{
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.sliced(3);
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const char c : start) {
        if (c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (c == '\n' || c == '\r')
            break;
        else if (c == ',')
            ++commas;
        else if (c == ';')
            ++semicolons;
        else if (c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs)
        return ';';
    if (tabs > commas && tabs > semicolons)
        return '\t';
    return ',';
}

CsvReader::CsvReader(QIODevice& device, QString sourceName, CsvReadOptions options)
    : m_device(device)
    , m_sourceName(std::move(sourceName))
    , m_options(options)
    , m_parser(std::make_unique<csv_parser>())
{
    csv_init(m_parser.get(), 0);
    csv_set_space_func(m_parser.get(), noSpaces);
    csv_set_delim(m_parser.get(), static_cast<unsigned char>(m_options.delimiter));
    // libcsv grows its value buffer by this many bytes at a time (128 by default): a long value would
    // otherwise be reallocated thousands of times.
    csv_set_blk_size(m_parser.get(), 64 * 1024);
    m_size = device.isSequential() ? 0 : device.size();
}

CsvReader::~CsvReader()
{
    csv_free(m_parser.get());
}

Result<std::unique_ptr<CsvReader>> CsvReader::open(const QString& path, CsvReadOptions options)
{
    const QFileInfo info(path);
    if (info.isDir())
        return Error::badInput(QStringLiteral("%1: is a folder, not a CSV file").arg(path));
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(path, file->errorString()));
    auto reader = std::make_unique<CsvReader>(*file, path, options);
    reader->m_ownedDevice = std::move(file);
    return reader;
}

const CsvRecord& CsvReader::record() const
{
    static const CsvRecord empty;
    return m_readyPos > 0 ? m_ready[m_readyPos - 1] : empty;
}

QString CsvReader::location(qint64 line, int column) const
{
    QString text = QStringLiteral("%1: line %2").arg(m_sourceName).arg(line);
    if (column >= 0) {
        if (column < m_columnNames.size() && !m_columnNames.at(column).trimmed().isEmpty())
            text += QStringLiteral(", column '%1'").arg(m_columnNames.at(column));
        else
            text += QStringLiteral(", column %1").arg(column + 1);
    }
    return text;
}

void CsvReader::fail(qint64 line, int column, const QString& message)
{
    if (!m_failure)
        m_failure = Failure{line, column, message};
}

Error CsvReader::failure() const
{
    // Worded when asked for, so that column names set after the failure was found still apply: a whole
    // chunk is parsed at once, often before the caller has read the header.
    if (m_failure->line <= 0)
        return Error::badInput(QStringLiteral("%1: %2").arg(m_sourceName, m_failure->message));
    return Error::badInput(
        QStringLiteral("%1: %2").arg(location(m_failure->line, m_failure->column), m_failure->message));
}

Result<bool> CsvReader::next()
{
    while (m_readyPos >= m_readyCount) {
        if (m_failure)
            return failure();
        if (m_finished)
            return false;
        m_readyPos = 0;
        m_readyCount = 0;
        readChunk();
    }
    ++m_readyPos;
    return true;
}

bool CsvReader::insideField() const
{
    return m_parser->pstate == fieldBegun || m_parser->pstate == fieldMightHaveEnded;
}

qint64 CsvReader::openFieldLine() const
{
    if (m_atLineStart)
        return m_openFieldLine;
    return m_fieldsThisLine == 0 && m_lineStartsInField ? m_openFieldLine : m_line;
}

bool CsvReader::readChunk()
{
    m_chunk.resize(chunkBytes);
    const qint64 read = m_device.read(m_chunk.data(), chunkBytes);
    if (read < 0) {
        fail(0, -1, QStringLiteral("cannot read: %1").arg(m_device.errorString()));
        return false;
    }
    if (read == 0)
        return finishInput();
    m_bytesRead += read;
    const char* data = m_chunk.constData();
    qsizetype position = 0;
    if (!m_started) {
        m_started = true;
        if (!sniff(QByteArrayView(data, read)))
            return false;
        if (QByteArrayView(data, read).startsWith("\xEF\xBB\xBF"))
            position = 3;
    }
    while (position < read) {
        const auto* newline = static_cast<const char*>(std::memchr(data + position, '\n', read - position));
        const qsizetype end = newline ? newline - data + 1 : read;
        if (!feed(data + position, end - position, newline != nullptr))
            return false;
        position = end;
    }
    return true;
}

bool CsvReader::sniff(QByteArrayView start)
{
    if (startsLikeUtf16(start)) {
        fail(1, -1,
             QStringLiteral("the file is UTF-16 text; save it as CSV UTF-8 (in Excel: \"CSV UTF-8 (comma "
                            "delimited)\") and import that"));
        return false;
    }
    if (const QString kind = binaryFileKind(start); !kind.isEmpty()) {
        fail(1, -1,
             QStringLiteral("not a CSV file: this is %1. Save or export it as CSV (UTF-8) and import that")
                 .arg(kind));
        return false;
    }
    return true;
}

bool CsvReader::feed(const char* data, qsizetype length, bool endsLine)
{
    if (m_atLineStart) {
        ++m_line;
        m_atLineStart = false;
        m_lineStartsInField = insideField();
        m_fieldsThisLine = 0;
        m_charsThisLine = 0;
    }
    if (std::memchr(data, 0, static_cast<size_t>(length))) {
        fail(m_line, -1,
             QStringLiteral("not a CSV text file: it contains binary data (a NUL byte). If it is UTF-16 "
                            "text, save it as CSV UTF-8"));
        return false;
    }
    if (m_options.encoding == CsvEncoding::Latin1) {
        m_converted = QString::fromLatin1(data, length).toUtf8();
        data = m_converted.constData();
        length = m_converted.size();
    }
    // libcsv takes a quote inside a quoted value that is neither doubled nor closing the value as text
    // and reads on to the next quote, merging the rows in between into one value. Parsing up to each
    // quote lets the byte after a quote that may close a value be checked before libcsv sees it.
    qsizetype position = 0;
    while (position < length) {
        if (m_parser->pstate == fieldMightHaveEnded &&
            !closesQuotedValue(data[position], m_options.delimiter)) {
            fail(m_line, m_building.size(),
                 QStringLiteral("a quote (\") inside a quoted value must be doubled (\"\") or end the value "
                                "(the quote at character %1 of the line)")
                     .arg(m_charsThisLine + utf8Characters(QByteArrayView(data, position))));
            return false;
        }
        const auto* quote = static_cast<const char*>(std::memchr(data + position, '"', length - position));
        const qsizetype end = quote ? quote - data + 1 : length;
        const size_t parsed = csv_parse(m_parser.get(), data + position, static_cast<size_t>(end - position),
                                        onField, onRecordEnd, this);
        if (m_failure)
            return false;
        if (parsed < static_cast<size_t>(end - position)) {
            fail(m_line, -1, QString::fromLatin1(csv_strerror(csv_error(m_parser.get()))));
            return false;
        }
        position = end;
    }
    m_charsThisLine += utf8Characters(QByteArrayView(data, length));
    if (static_cast<qint64>(m_parser->entry_pos) > m_options.maxFieldBytes) {
        fail(openFieldLine(), m_building.size(),
             QStringLiteral("a value is longer than %1 bytes: a quoted value probably misses its closing "
                            "quote (\")")
                 .arg(m_options.maxFieldBytes));
        return false;
    }
    if (endsLine) {
        if (insideField() && (m_fieldsThisLine > 0 || !m_lineStartsInField))
            m_openFieldLine = m_line;
        m_atLineStart = true;
    }
    return true;
}

bool CsvReader::finishInput()
{
    if (m_parser->pstate == fieldBegun && m_parser->quoted) {
        fail(openFieldLine(), m_building.size(),
             QStringLiteral("a quoted value never ends: its closing quote (\") is missing"));
        return false;
    }
    csv_fini(m_parser.get(), onField, onRecordEnd, this);
    m_finished = true;
    return !m_failure;
}

void CsvReader::onField(void* data, size_t length, void* self)
{
    static_cast<CsvReader*>(self)->fieldDone(static_cast<const char*>(data), length);
}

void CsvReader::onRecordEnd(int, void* self)
{
    static_cast<CsvReader*>(self)->recordDone();
}

void CsvReader::fieldDone(const char* data, size_t length)
{
    if (m_failure)
        return;
    const qint64 fieldLine = m_fieldsThisLine == 0 && m_lineStartsInField ? m_openFieldLine : m_line;
    ++m_fieldsThisLine;
    const int column = m_building.size();
    if (column >= m_options.maxFields) {
        fail(m_building.line(), -1,
             QStringLiteral("more than %1 columns in one row: this does not look like a CSV file")
                 .arg(m_options.maxFields));
        return;
    }
    const QByteArrayView bytes(data, static_cast<qsizetype>(length));
    if (m_options.encoding == CsvEncoding::Utf8 && !bytes.isValidUtf8()) {
        const qsizetype bad = std::max<qsizetype>(0, firstInvalidUtf8(bytes));
        const QByteArrayView before = bytes.first(bad);
        const qint64 line = fieldLine + before.count('\n');
        const qsizetype lastBreak = before.lastIndexOf('\n');
        const QString context = QString::fromUtf8(before.sliced(lastBreak + 1)).right(20);
        fail(line, column,
             QStringLiteral("not valid UTF-8 (byte 0x%1%2). The file is probably in another encoding such "
                            "as Latin-1 or Windows-1252: choose the Latin-1 encoding, or save it as CSV "
                            "UTF-8")
                 .arg(static_cast<unsigned char>(bytes[bad]), 2, 16, QLatin1Char('0'))
                 .arg(context.isEmpty() ? QString() : QStringLiteral(" after '%1'").arg(context)));
        return;
    }
    m_building.append(bytes, fieldLine);
}

void CsvReader::recordDone()
{
    if (m_failure || m_building.size() == 0)
        return;
    if (m_options.skipBlankRecords && m_building.isBlank()) {
        m_building.clear();
        return;
    }
    if (m_readyCount == m_ready.size())
        m_ready.emplace_back();
    std::swap(m_ready[m_readyCount], m_building);
    ++m_readyCount;
    m_building.clear();
}

} // namespace rapport
