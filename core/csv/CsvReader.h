// SPDX-License-Identifier: GPL-3.0-or-later
// Reads CSV (RFC 4180 and what spreadsheets really write) record by record in constant memory, on top of
// Debian's libcsv: comma separated, double-quote quoting with "" escapes and quoted line breaks, CRLF or
// LF, a UTF-8 byte-order mark, empty lines and rows of different lengths. Input that is not CSV text
// (binary data, invalid UTF-8, a quote that never closes, a quote inside a quoted value that is neither
// doubled nor ends the value) stops the reading with an error naming the file, the line and, when known,
// the column.
#pragma once

#include "core/base/Result.h"
#include "core/csv/CsvRecord.h"

#include <QIODevice>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

struct csv_parser;

namespace rapport {

enum class CsvEncoding
{
    Utf8,  // the default; invalid UTF-8 is an error that suggests Latin-1
    Latin1 // ISO 8859-1: every byte is a character (older Excel and Outlook exports)
};

struct CsvReadOptions
{
    CsvEncoding encoding = CsvEncoding::Utf8;
    // Records whose fields are all empty (",,,") are skipped like empty lines.
    bool skipBlankRecords = true;
    // What separates the values: a comma, or the semicolon or tab of spreadsheets set to a language that
    // writes decimal commas (see guessCsvDelimiter()).
    char delimiter = ',';
    // Limits that keep memory constant on files that are not CSV or miss a closing quote.
    qint64 maxFieldBytes = qint64(1) << 20;
    int maxFields = 10000;
};

// "utf-8" / "latin-1" and a few spellings of them.
std::optional<CsvEncoding> parseCsvEncoding(const QString& text);

// The delimiter the first line of `start` (a file's first bytes) uses: whichever of comma, semicolon and
// tab occurs most often outside quotes, the comma when none does or on a tie.
char guessCsvDelimiter(QByteArrayView start);

class CsvReader
{
public:
    // Reads from `device`, which must be open; `sourceName` (usually the file path) starts every error.
    CsvReader(QIODevice& device, QString sourceName, CsvReadOptions options = {});
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Opens a file; the reader owns it.
    static Result<std::unique_ptr<CsvReader>> open(const QString& path, CsvReadOptions options = {});

    // Moves to the next record: true when record() holds one, false at the end of the input, or an error
    // (bad input) when the input cannot be read as CSV. After an error every call returns it again.
    Result<bool> next();
    const CsvRecord& record() const;

    // Names errors by column name instead of number once the header is known.
    void setColumnNames(const QStringList& names) { m_columnNames = names; }
    // "people.csv: line 12, column 'Email'" (or "column 3" without names).
    QString location(qint64 line, int column = -1) const;
    const QString& sourceName() const { return m_sourceName; }

    // Progress: bytes consumed so far, and the size of the input (0 when unknown, e.g. a pipe).
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 size() const { return m_size; }

private:
    static void onField(void* data, size_t length, void* self);
    static void onRecordEnd(int terminator, void* self);
    void fieldDone(const char* data, size_t length);
    void recordDone();
    // These return false after a failure (see fail()).
    bool readChunk();
    bool feed(const char* data, qsizetype length, bool endsLine);
    bool sniff(QByteArrayView start);
    bool finishInput();
    // Records the first failure; line 0 names no line.
    void fail(qint64 line, int column, const QString& message);
    Error failure() const;
    qint64 openFieldLine() const;
    bool insideField() const;

    std::unique_ptr<QIODevice> m_ownedDevice;
    QIODevice& m_device;
    QString m_sourceName;
    CsvReadOptions m_options;
    std::unique_ptr<csv_parser> m_parser;
    QStringList m_columnNames;

    QByteArray m_chunk;
    QByteArray m_converted;         // Latin-1 input converted to UTF-8
    std::vector<CsvRecord> m_ready; // completed records; slots are reused
    size_t m_readyCount = 0;
    size_t m_readyPos = 0;
    CsvRecord m_building;

    qint64 m_line = 0;         // the physical line being fed
    bool m_atLineStart = true; // the next byte starts a new line
    bool m_lineStartsInField = false;
    int m_fieldsThisLine = 0;
    qsizetype m_charsThisLine = 0; // characters of the line fed before this part of it
    qint64 m_openFieldLine = 0;    // where the field still open at the start of this line began
    qint64 m_bytesRead = 0;
    qint64 m_size = 0;
    bool m_started = false;
    bool m_finished = false;
    struct Failure
    {
        qint64 line = 0;
        int column = -1;
        QString message;
    };
    std::optional<Failure> m_failure;
};

} // namespace rapport
