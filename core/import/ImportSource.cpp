#include "ImportSource.h"

#include "ImportFormat.h"

namespace rapport {

namespace {

// The first records are enough to find a header: only LinkedIn puts a few lines before it.
constexpr int headerSearchRecords = 6;

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

Result<std::unique_ptr<ImportSource>> ImportSource::open(const QString& path, ImportTarget target,
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

    Result<std::unique_ptr<CsvReader>> opened = CsvReader::open(path, options);
    if (!opened)
        return opened.error();
    std::unique_ptr<CsvReader> reader = std::move(*opened);

    QStringList first; // the first record, for messages
    qint64 firstLine = 1;
    for (int index = 0; index < headerSearchRecords; ++index) {
        const Result<bool> more = reader->next();
        if (!more)
            return more.error();
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
        return std::unique_ptr<ImportSource>(new ImportSource(std::move(reader), std::move(layout)));
    }

    if (first.isEmpty())
        return Error::badInput(QStringLiteral("%1: the file is empty").arg(path));
    if (wanted)
        return Error::badInput(QStringLiteral("%1: line %2: not in the %3 format: expected a header row "
                                              "like '%4', found '%5'")
                                   .arg(path)
                                   .arg(firstLine)
                                   .arg(wanted->name(), wanted->headerHint(target), shown(first)));
    // A Rapport export of another kind deserves a precise hint.
    for (ImportTarget other : {ImportTarget::Contacts, ImportTarget::Interactions, ImportTarget::Notes}) {
        const ImportFormat* rapport = findImportFormat(QStringLiteral("rapport"));
        if (other != target && rapport->recognizes(first, other))
            return Error::badInput(QStringLiteral("%1: this is a Rapport %2 export, not %3: import it as %2")
                                       .arg(path, importTargetName(other), importTargetName(target)));
    }
    // Any other header whose column names are those of Rapport's fields (or common synonyms) will do.
    const ColumnMapping guessed = ColumnMapping::guess(first, target);
    const QString missing = guessed.problem(target);
    if (missing.isEmpty()) {
        Result<std::unique_ptr<CsvReader>> reopened = CsvReader::open(path, options);
        if (!reopened)
            return reopened.error();
        if (const Result<bool> header = (*reopened)->next(); !header)
            return header.error();
        ImportLayout layout;
        layout.header = first;
        layout.headerLine = firstLine;
        layout.mapping = guessed;
        layout.guessed = true;
        (*reopened)->setColumnNames(layout.header);
        return std::unique_ptr<ImportSource>(new ImportSource(std::move(*reopened), std::move(layout)));
    }
    QStringList known;
    for (const auto& candidate : importFormats()) {
        if (candidate->supports(target))
            known << QStringLiteral("%1 ('%2')").arg(candidate->name(), candidate->headerHint(target));
    }
    return Error::badInput(
        QStringLiteral("%1: line %2: not a known %3 file: the first row is '%4'. Expected "
                       "the header row of %5, or columns named after Rapport's fields, but %6")
            .arg(path)
            .arg(firstLine)
            .arg(importTargetName(target), shown(first), known.join(QStringLiteral(", or ")), missing));
}

} // namespace rapport
