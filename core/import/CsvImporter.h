// SPDX-License-Identifier: GPL-3.0-or-later
// Imports a CSV file of contacts, interactions or trust notes, or a vCard file of contacts (recognized
// by its content, whatever its name): finds the header and format (or takes a mapping made by hand),
// previews the first rows or cards, checks every one, and only when none has a problem writes them all in
// one transaction. A dry run does the writing pass and rolls it back, so its counts
// are exactly those of the real import. The command line and the GUI's import wizard both use it.
#pragma once

#include "core/base/Progress.h"
#include "core/csv/CsvReader.h"
#include "core/import/ColumnMapping.h"
#include "core/import/ImportReport.h"
#include "core/import/ImportSource.h"
#include "core/storage/Database.h"

#include <memory>
#include <optional>

namespace rapport {

struct ImportOptions
{
    ImportTarget target = ImportTarget::Contacts;
    // "auto" (detect from the header, else guess from the column names), a format key (importFormatKeys()) or
    // "manual" (the first row is the header and `mapping` maps it; without a mapping, ColumnMapping::guess
    // does). With a format, a `mapping` replaces the format's own (the wizard's corrections of a detected
    // mapping). A vCard file is read as such with "auto" or "vcard", and refused with a CSV format.
    QString format = QStringLiteral("auto");
    std::optional<ColumnMapping> mapping;
    CsvReadOptions csv;
    int maxErrors = 50;            // problems listed in the report; all are counted
    bool includeForgotten = false; // contacts: import rows of forgotten people instead of skipping them
};

struct ImportPreview
{
    QString formatKey; // empty for a mapping made by hand; "vcard" for a vCard file
    QString formatName;
    bool cards = false; // a vCard file: a row per card, its columns cardPreviewColumns(), no mapping
    QStringList header;
    qint64 headerLine = 0;
    ColumnMapping mapping;
    QList<QStringList> rows; // the first data rows, as text
};

class CsvImporter
{
public:
    // `path` is a file, or "-" for standard input (see ImportInput).
    CsvImporter(Database& db, QString path, ImportOptions options)
        : m_db(db)
        , m_path(std::move(path))
        , m_options(std::move(options))
    {}

    // The header, the format, its mapping and the first `rows` data rows, reading no further.
    Result<ImportPreview> preview(int rows = 10) const;
    // Reads every row and reports every problem; writes nothing. What would be created, updated or left
    // unchanged is known only from run() (a dry run if need be). Progress counts bytes of the file.
    Result<ImportReport> validate(const ProgressCallback& progress = {}) const;
    // validate(), then, when no row has a problem, the writing pass in one transaction, committed unless
    // `dryRun`. A report with problems means nothing was written. Cancelling rolls back.
    Result<ImportReport> run(bool dryRun, const ProgressCallback& progress = {}) const;

    // The columns of a vCard file's preview: what each card gives the contact, and its problems.
    static QStringList cardPreviewColumns();

private:
    // One pass over the file; with `writing`, inside the caller's transaction.
    Result<ImportReport> pass(bool writing, qint64 rows, const ProgressCallback& progress) const;
    // The input with the header found, for a pass or the preview.
    Result<std::unique_ptr<ImportSource>> openSource() const;
    Result<const ImportInput*> openInput() const;
    // Whether the input is a vCard file; bad input when that contradicts the options (a CSV format,
    // interactions or notes, "vcard" for a CSV file).
    Result<bool> holdsCards() const;
    Result<ImportPreview> cardPreview(int rows) const;
    Result<ImportReport> cardPass(bool writing, qint64 rows, const ProgressCallback& progress) const;

    Database& m_db;
    QString m_path;
    ImportOptions m_options;
    // Opened by the first pass and kept for the next: a stream can be read only once.
    mutable std::optional<Result<ImportInput>> m_input;
};

} // namespace rapport
