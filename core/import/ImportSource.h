// An import file opened for reading: finds the header row and the format it belongs to (or applies a
// mapping made by hand) and leaves the reader on the first data row.
#pragma once

#include "ColumnMapping.h"
#include "csv/CsvReader.h"

#include <memory>
#include <optional>

namespace rapport {

class ImportFormat;

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
    static Result<std::unique_ptr<ImportSource>> open(const QString& path, ImportTarget target,
                                                      const QString& format,
                                                      const std::optional<ColumnMapping>& manual,
                                                      const CsvReadOptions& options);

    const ImportLayout& layout() const { return m_layout; }
    CsvReader& reader() { return *m_reader; }

private:
    ImportSource(std::unique_ptr<CsvReader> reader, ImportLayout layout)
        : m_reader(std::move(reader))
        , m_layout(std::move(layout))
    {}

    std::unique_ptr<CsvReader> m_reader;
    ImportLayout m_layout;
};

} // namespace rapport
