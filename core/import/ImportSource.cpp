// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ImportSource.h"

#include "core/import/ImportFormat.h"

#include <QBuffer>
#include <QFile>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace rapport {

namespace {

// The first records are enough to find a header: only LinkedIn puts a few lines before it.
constexpr int headerSearchRecords = 6;

// A stream is held in memory; past this size (cat /dev/zero | …) it is refused rather than filling memory.
constexpr qint64 maxStreamBytes = qint64(1) << 30;
constexpr qint64 streamChunkBytes = 256 * 1024;

// Reads `stream` to its end.
Result<QByteArray> readStream(QFile& stream, const QString& name)
{
    QByteArray bytes;
    for (;;) {
        const qsizetype had = bytes.size();
        bytes.resize(had + streamChunkBytes);
        const qint64 read = stream.read(bytes.data() + had, streamChunkBytes);
        if (read < 0)
            return Error::badInput(QStringLiteral("%1: cannot read: %2").arg(name, stream.errorString()));
        bytes.resize(had + read);
        if (read == 0)
            return bytes;
        if (bytes.size() > maxStreamBytes)
            return Error::badInput(
                QStringLiteral("%1: more than %2 MiB: save it to a file and import the file")
                    .arg(name)
                    .arg(maxStreamBytes >> 20));
    }
}

// The first columns of a row as the file writes them (quoted only where CSV needs it).
QString shown(const QStringList& header)
{
    QStringList names;
    for (const QString& name : header.mid(0, 8)) {
        if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('"')) ||
            name.contains(QLatin1Char('\n')))
            names << QLatin1Char('"') + QString(name).replace(QLatin1String("\""), QLatin1String("\"\"")) +
                         QLatin1Char('"');
        else
            names << name;
    }
    if (header.size() > 8)
        names << QStringLiteral("…");
    return names.join(QLatin1Char(','));
}

} // namespace

QString ImportInput::nameOf(const QString& path)
{
    return path == QLatin1String("-") ? QStringLiteral("standard input") : path;
}

Result<ImportInput> ImportInput::open(const QString& path)
{
    ImportInput input;
    input.m_path = path;
    input.m_name = nameOf(path);
    const bool standardInput = path == QLatin1String("-");
    struct stat status = {};
    const int statted =
        standardInput ? ::fstat(STDIN_FILENO, &status) : ::stat(QFile::encodeName(path).constData(), &status);
    if (statted != 0)
        return Error::badInput(
            QStringLiteral("%1: cannot open: %2").arg(input.m_name, qt_error_string(errno)));
    if (S_ISDIR(status.st_mode))
        return Error::badInput(QStringLiteral("%1: is a folder, not a CSV file").arg(input.m_name));
    if (standardInput && ::isatty(STDIN_FILENO))
        return Error::badInput(QStringLiteral("standard input is a terminal: name the CSV file, or pipe or "
                                              "redirect it to standard input"));
    // A device (/dev/null, /dev/zero, a disk) reads as nothing or never ends.
    if (S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode))
        return Error::badInput(QStringLiteral("%1: is a device, not a CSV file").arg(input.m_name));
    if (S_ISREG(status.st_mode) && !standardInput)
        return input;

    // Standard input, a pipe, a FIFO or a socket: there is one reading of it.
    QFile stream(standardInput ? QString() : path);
    const bool opened =
        standardInput ? stream.open(STDIN_FILENO, QIODevice::ReadOnly) : stream.open(QIODevice::ReadOnly);
    if (!opened)
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(input.m_name, stream.errorString()));
    Result<QByteArray> bytes = readStream(stream, input.m_name);
    if (!bytes)
        return bytes.error();
    input.m_streamBytes = std::move(*bytes);
    return input;
}

ImportInput ImportInput::fromBytes(QByteArray bytes, QString name)
{
    ImportInput input;
    input.m_name = std::move(name);
    input.m_streamBytes = std::move(bytes);
    return input;
}

Result<std::unique_ptr<QIODevice>> ImportInput::device() const
{
    if (m_streamBytes) {
        auto buffer = std::make_unique<QBuffer>();
        buffer->setData(*m_streamBytes); // shares the bytes: a read-only buffer does not copy them
        buffer->open(QIODevice::ReadOnly);
        return std::unique_ptr<QIODevice>(std::move(buffer));
    }
    auto file = std::make_unique<QFile>(m_path);
    if (!file->open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(m_name, file->errorString()));
    return std::unique_ptr<QIODevice>(std::move(file));
}

Result<std::unique_ptr<ImportSource>> ImportSource::open(const ImportInput& input, ImportTarget target,
                                                         const QString& format,
                                                         const std::optional<ColumnMapping>& manual,
                                                         const CsvReadOptions& options)
{
    const bool automatic = format.isEmpty() || format == QLatin1String("auto");
    const bool byHand = format == QLatin1String("manual");
    const ImportFormat* wanted = nullptr;
    if (!automatic && !byHand) {
        wanted = findImportFormat(format);
        if (!wanted)
            return Error::usage(QStringLiteral("unknown format '%1': expected auto, %2")
                                    .arg(format, importFormatKeys().join(QStringLiteral(", "))));
        if (!wanted->supports(target))
            return Error::badInput(QStringLiteral("%1 files hold contacts, not %2")
                                       .arg(wanted->name(), importTargetName(target)));
    }

    Result<std::unique_ptr<QIODevice>> device = input.device();
    if (!device)
        return device.error();
    auto reader = std::make_unique<CsvReader>(**device, input.name(), options);

    QStringList first; // the first record, for messages
    qint64 firstLine = 1;
    for (int index = 0; index < headerSearchRecords; ++index) {
        const Result<bool> more = reader->next();
        if (!more) {
            // Had the search stopped here, the guess would have taken the first row as the header: the
            // error names its columns as the import's other errors would.
            if (automatic && !first.isEmpty() &&
                ColumnMapping::guess(first, target).problem(target).isEmpty()) {
                reader->setColumnNames(first);
                return reader->next().error();
            }
            return more.error();
        }
        if (!*more)
            break;
        ImportLayout layout;
        layout.header = reader->record().texts();
        layout.headerLine = reader->record().line();
        if (index == 0) {
            first = layout.header;
            firstLine = layout.headerLine;
        }
        if (byHand) {
            layout.mapping = manual ? *manual : ColumnMapping::guess(layout.header, target);
        } else {
            for (const auto& candidate : importFormats()) {
                if ((automatic || candidate.get() == wanted) && candidate->supports(target) &&
                    index <= candidate->preambleRecords() && candidate->recognizes(layout.header, target)) {
                    layout.format = candidate.get();
                    break;
                }
            }
            if (!layout.format)
                continue;
            // A mapping corrected by hand in the wizard replaces the format's, keeping its header row.
            layout.mapping = manual ? *manual : layout.format->mapping(layout.header, target);
        }
        reader->setColumnNames(layout.header);
        return std::unique_ptr<ImportSource>(
            new ImportSource(std::move(*device), std::move(reader), std::move(layout)));
    }

    if (first.isEmpty())
        return Error::badInput(QStringLiteral("%1: the file is empty").arg(input.name()));
    if (wanted)
        return Error::badInput(QStringLiteral("%1: line %2: not in the %3 format: expected a header row "
                                              "like '%4', found '%5'")
                                   .arg(input.name())
                                   .arg(firstLine)
                                   .arg(wanted->name(), wanted->headerHint(target), shown(first)));
    // A Rapport export of another kind deserves a precise hint.
    for (ImportTarget other : {ImportTarget::Contacts, ImportTarget::Interactions, ImportTarget::Notes}) {
        const ImportFormat* rapport = findImportFormat(QStringLiteral("rapport"));
        if (other != target && rapport->recognizes(first, other))
            return Error::badInput(QStringLiteral("%1: this is a Rapport %2 export, not %3: import it as %2")
                                       .arg(input.name(), importTargetName(other), importTargetName(target)));
    }
    // Any other header whose column names are those of Rapport's fields (or common synonyms) will do.
    const ColumnMapping guessed = ColumnMapping::guess(first, target);
    const QString missing = guessed.problem(target);
    if (missing.isEmpty()) {
        // The reading goes back to the row after the header.
        Result<std::unique_ptr<QIODevice>> again = input.device();
        if (!again)
            return again.error();
        auto reopened = std::make_unique<CsvReader>(**again, input.name(), options);
        if (const Result<bool> header = reopened->next(); !header)
            return header.error();
        ImportLayout layout;
        layout.header = first;
        layout.headerLine = firstLine;
        layout.mapping = guessed;
        layout.guessed = true;
        reopened->setColumnNames(layout.header);
        return std::unique_ptr<ImportSource>(
            new ImportSource(std::move(*again), std::move(reopened), std::move(layout)));
    }
    QStringList known;
    for (const auto& candidate : importFormats()) {
        if (candidate->supports(target))
            known << QStringLiteral("%1 ('%2')").arg(candidate->name(), candidate->headerHint(target));
    }
    return Error::badInput(
        QStringLiteral("%1: line %2: not a known %3 file: the first row is '%4'. Expected "
                       "the header row of %5, or columns named after Rapport's fields, but %6")
            .arg(input.name())
            .arg(firstLine)
            .arg(importTargetName(target), shown(first), known.join(QStringLiteral(", or ")), missing));
}

} // namespace rapport
