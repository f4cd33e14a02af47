// SPDX-License-Identifier: GPL-3.0-or-later
// An import file opened for reading: finds the header row and the format it belongs to (or applies a
// mapping made by hand) and leaves the reader on the first data row. The file is an ImportInput, which
// lets standard input and pipes be read more than once.
#pragma once

#include "core/csv/CsvReader.h"
#include "core/import/ColumnMapping.h"

#include <memory>
#include <optional>

namespace rapport {

class ImportFormat;

// What an import reads: a file, or standard input when the path is "-". Each pass over the input reads
// it from its start. A regular file is opened again for each pass and read in constant memory; standard
// input, a pipe or a FIFO can be read only once, so open() reads it whole into memory for the passes.
class ImportInput
{
public:
    // Refuses a folder or a device (bad input) and reads a stream to its end, so it waits for a FIFO's
    // writer.
    static Result<ImportInput> open(const QString& path);
    // Bytes already in memory (a test, a fuzzer), read as a stream would be; `name` starts every error.
    static ImportInput fromBytes(QByteArray bytes, QString name);
    // The input as the person named it: the path, or "standard input" for "-".
    static QString nameOf(const QString& path);

    const QString& name() const { return m_name; }
    // The input from its start, open for reading.
    Result<std::unique_ptr<QIODevice>> device() const;

private:
    QString m_path;
    QString m_name;
    std::optional<QByteArray> m_streamBytes; // what a stream held; none for a regular file
};

struct ImportLayout
{
    const ImportFormat* format = nullptr; // nullptr: a mapping made by hand, or guessed
    QStringList header;
    qint64 headerLine = 0;
    ColumnMapping mapping;
    bool guessed = false; // no format matched; ColumnMapping::guess mapped the first row's names
};

class ImportSource
{
public:
    // `format` is a format key, "auto" (detect it from the header; when no format matches, a guess from
    // the first row's column names that covers the required fields) or "manual" (the first row is the
    // header and `manual` maps it; without one, the guess does). With a format, `manual` (when set)
    // replaces the format's own mapping of the header it found.
    static Result<std::unique_ptr<ImportSource>> open(const ImportInput& input, ImportTarget target,
                                                      const QString& format,
                                                      const std::optional<ColumnMapping>& manual,
                                                      const CsvReadOptions& options);

    const ImportLayout& layout() const { return m_layout; }
    CsvReader& reader() { return *m_reader; }

private:
    ImportSource(std::unique_ptr<QIODevice> device, std::unique_ptr<CsvReader> reader, ImportLayout layout)
        : m_device(std::move(device))
        , m_reader(std::move(reader))
        , m_layout(std::move(layout))
    {}

    std::unique_ptr<QIODevice> m_device; // what m_reader reads: declared first, destroyed last
    std::unique_ptr<CsvReader> m_reader;
    ImportLayout m_layout;
};

} // namespace rapport
