// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/CsvImporter.h"

#include "core/import/ContactImport.h"
#include "core/import/ImportFormat.h"
#include "core/import/ImportSource.h"
#include "core/import/InteractionImport.h"
#include "core/import/NoteImport.h"
#include "core/model/PhoneNumber.h"
#include "core/services/DuplicateFinder.h"
#include "core/vcard/VCardContactMapping.h"
#include "core/vcard/VCardReader.h"

#include <algorithm>
#include <memory>

namespace rapport {

namespace {

constexpr qint64 progressEvery = 4096;
constexpr qint64 cardProgressEvery = 256;
// Enough of a file's start to see BEGIN:VCARD after a byte-order mark and blank lines.
constexpr qint64 cardSniffBytes = 4096;

QString formatName(const ImportLayout& layout)
{
    if (layout.format)
        return layout.format->name();
    return layout.guessed ? QStringLiteral("columns guessed from their names")
                          : QStringLiteral("columns mapped by hand");
}

// "name → display name", "Twitter → x handle": what a guess made of each column, for the person to check.
QStringList describeGuess(const ImportLayout& layout)
{
    QStringList columns;
    for (const ColumnBinding& binding : layout.mapping.bindings()) {
        const QString field = binding.field == ImportField::Handle
                                  ? QStringLiteral("%1 handle").arg(methodKindName(binding.service))
                                  : importFieldLabel(binding.field).toLower();
        columns << QStringLiteral("%1 → %2").arg(layout.header.value(binding.column), field);
    }
    return columns;
}

// The named columns no field is bound to, so that nothing a file holds is left out without a word.
QStringList unimportedColumns(const ImportLayout& layout)
{
    QStringList columns;
    for (int i = 0; i < layout.header.size(); ++i) {
        const QString name = layout.header.at(i).trimmed();
        if (!name.isEmpty() && !layout.mapping.bindingOf(i))
            columns << name;
    }
    return columns;
}

// Counts the outcome of one row or card, found at `where`, into `report`. A problem with the row is
// listed; an error returned stops the pass.
Status tally(ImportReport& report, Result<RowResult> result, bool writing, const QString& where,
             int maxErrors)
{
    if (!result) {
        const ErrorKind kind = result.error().kind;
        if (kind != ErrorKind::BadInput && kind != ErrorKind::NotFound)
            return result.error();
        if (writing) // the checking pass passed, so the file changed or a row clashed with an earlier one
            return result.error();
        if (report.errors.size() < maxErrors)
            report.errors << result.error().message;
        ++report.errorCount;
        return {};
    }
    switch (result->outcome) {
    case RowOutcome::Created:
        ++report.created;
        break;
    case RowOutcome::Unchanged:
        ++report.unchanged;
        break;
    case RowOutcome::Updated:
        ++report.updated;
        break;
    case RowOutcome::Skipped:
        ++report.skipped;
        if (report.skippedReasons.size() < maxErrors)
            report.skippedReasons << QStringLiteral("%1: skipped: %2").arg(where, result->reason);
        break;
    case RowOutcome::Invalid:
        if (writing)
            return Error::badInput(result->problems.constFirst());
        for (const QString& problem : std::as_const(result->problems)) {
            if (report.errors.size() < maxErrors)
                report.errors << problem;
        }
        report.errorCount += result->problems.size();
        break;
    }
    return {};
}

QString joined(const QStringList& items)
{
    return items.join(QStringLiteral("; "));
}

// What the preview shows of a card: the fields it fills, and why it would be refused or skipped.
QStringList previewRow(const VCardContact& read)
{
    const Contact& contact = read.draft.contact;
    QStringList emails, phones, handles, websites;
    for (const ContactMethod& method : contact.methods) {
        switch (method.kind) {
        case MethodKind::Email:
            emails << method.value;
            break;
        case MethodKind::Phone:
            phones << method.value;
            break;
        case MethodKind::Website:
            websites << method.value;
            break;
        default:
            handles << methodKindName(method.kind) + QLatin1Char(':') + method.value;
            break;
        }
    }
    QStringList problems = read.problems;
    if (!read.skipReason.isEmpty())
        problems = QStringList{QStringLiteral("skipped: ") + read.skipReason};
    return {QString::number(read.draft.line),
            contact.displayName,
            contact.givenName,
            contact.familyName,
            contact.organization,
            contact.title,
            joined(emails),
            joined(phones),
            joined(handles),
            joined(websites),
            joined(contact.tags),
            joined(read.draft.notes),
            read.draft.uid,
            problems.join(QLatin1Char('\n'))};
}

} // namespace

QStringList CsvImporter::cardPreviewColumns()
{
    return {QStringLiteral("Line"),        QStringLiteral("Display name"), QStringLiteral("Given name"),
            QStringLiteral("Family name"), QStringLiteral("Organization"), QStringLiteral("Title"),
            QStringLiteral("Emails"),      QStringLiteral("Phones"),       QStringLiteral("Handles"),
            QStringLiteral("Websites"),    QStringLiteral("Tags"),         QStringLiteral("Notes"),
            QStringLiteral("UID"),         QStringLiteral("Problems")};
}

Result<const ImportInput*> CsvImporter::openInput() const
{
    if (!m_input)
        m_input = ImportInput::open(m_path);
    if (!*m_input)
        return m_input->error();
    return &**m_input;
}

Result<bool> CsvImporter::holdsCards() const
{
    const Result<const ImportInput*> input = openInput();
    if (!input)
        return input.error();
    Result<std::unique_ptr<QIODevice>> device = (*input)->device();
    if (!device)
        return device.error();
    const bool cards = VCardReader::looksLikeVCard((**device).read(cardSniffBytes));
    const QString& format = m_options.format;
    if (cards && format != QLatin1String("auto") && !format.isEmpty() && format != QLatin1String("vcard"))
        return Error::badInput(QStringLiteral("%1: this is a vCard file, not %2: import it without --format")
                                   .arg((*input)->name(), format));
    if (!cards && format == QLatin1String("vcard"))
        return Error::badInput(
            QStringLiteral("%1: not a vCard file: it does not begin with BEGIN:VCARD").arg((*input)->name()));
    if (cards && m_options.target != ImportTarget::Contacts)
        return Error::badInput(QStringLiteral("%1: a vCard file holds contacts, not %2")
                                   .arg((*input)->name(), importTargetName(m_options.target)));
    return cards;
}

Result<ImportPreview> CsvImporter::cardPreview(int rows) const
{
    const Result<const ImportInput*> input = openInput();
    if (!input)
        return input.error();
    Result<std::unique_ptr<QIODevice>> device = (*input)->device();
    if (!device)
        return device.error();
    VCardReader reader(**device, (*input)->name());
    ImportPreview preview;
    preview.formatKey = QStringLiteral("vcard");
    preview.formatName = QStringLiteral("vCard");
    preview.cards = true;
    preview.header = cardPreviewColumns();
    QStringList versions;
    while (preview.rows.size() < rows) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const QString version =
            reader.card().version.isEmpty() ? QStringLiteral("no VERSION") : reader.card().version;
        // Text outside any card, refused as a card of its own, has no version to name.
        const bool strayText = !reader.card().syntaxProblem.isEmpty() && reader.card().properties.isEmpty();
        if (!strayText && !versions.contains(version))
            versions << version;
        preview.rows << previewRow(contactFromVCard(reader.card(), reader));
    }
    if (preview.rows.isEmpty())
        return Error::badInput(QStringLiteral("%1: the file holds no card").arg((*input)->name()));
    preview.formatName = QStringLiteral("vCard %1").arg(versions.join(QStringLiteral(", ")));
    return preview;
}

Result<ImportReport> CsvImporter::cardPass(bool writing, qint64 rows, const ProgressCallback& progress) const
{
    const Result<const ImportInput*> input = openInput();
    if (!input)
        return input.error();
    Result<std::unique_ptr<QIODevice>> device = (*input)->device();
    if (!device)
        return device.error();
    VCardReader reader(**device, (*input)->name());
    ImportReport report;
    report.format = QStringLiteral("vCard");
    ContactImport import(m_db, m_options.includeForgotten);
    if (Status begun = import.begin(writing, rows); !begun)
        return begun.error();
    const qint64 total = 2 * std::max<qint64>(1, (**device).size());
    const qint64 offset = writing ? total / 2 : 0;
    QStringList unimported;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        ++report.rows;
        if (report.rows % cardProgressEvery == 0 &&
            !reportProgress(progress, offset + (**device).pos(), total))
            return Error::cancelled();
        const VCardContact read = contactFromVCard(reader.card(), reader);
        Result<RowResult> result = RowResult(RowOutcome::Skipped, read.skipReason);
        if (read.skipReason.isEmpty()) {
            for (const QString& property : read.unimported) {
                if (!unimported.contains(property))
                    unimported << property;
            }
            result = read.problems.isEmpty()
                         ? import.importContact(read.draft)
                         : Result<RowResult>(RowResult(RowOutcome::Invalid, {}, read.problems));
        }
        if (Status counted =
                tally(report, std::move(result), writing, read.draft.location, m_options.maxErrors);
            !counted)
            return counted.error();
    }
    if (report.rows == 0)
        return Error::badInput(QStringLiteral("%1: the file holds no card").arg((*input)->name()));
    std::sort(unimported.begin(), unimported.end());
    report.unimportedProperties = unimported;
    if (writing) {
        const ProgressCallback keepGoing = [&](qint64, qint64) {
            return reportProgress(progress, total, total);
        };
        if (Status ended = import.end(keepGoing); !ended)
            return ended.error();
        report.touchedContacts = import.touchedContacts();
        std::sort(report.touchedContacts.begin(), report.touchedContacts.end());
    }
    reportProgress(progress, offset + total / 2, total);
    return report;
}

Result<std::unique_ptr<ImportSource>> CsvImporter::openSource() const
{
    const Result<const ImportInput*> input = openInput();
    if (!input)
        return input.error();
    return ImportSource::open(**input, m_options.target, m_options.format, m_options.mapping, m_options.csv);
}

Result<ImportPreview> CsvImporter::preview(int rows) const
{
    const Result<bool> cards = holdsCards();
    if (!cards)
        return cards.error();
    if (*cards)
        return cardPreview(rows);
    Result<std::unique_ptr<ImportSource>> source = openSource();
    if (!source)
        return source.error();
    const ImportLayout& layout = (*source)->layout();
    ImportPreview preview;
    if (layout.format)
        preview.formatKey = layout.format->key();
    preview.formatName = formatName(layout);
    preview.header = layout.header;
    preview.headerLine = layout.headerLine;
    preview.mapping = layout.mapping;
    CsvReader& reader = (*source)->reader();
    while (preview.rows.size() < rows) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        preview.rows << reader.record().texts();
    }
    return preview;
}

Result<ImportReport> CsvImporter::pass(bool writing, qint64 rows, const ProgressCallback& progress) const
{
    const Result<bool> cards = holdsCards();
    if (!cards)
        return cards.error();
    if (*cards)
        return cardPass(writing, rows, progress);
    Result<std::unique_ptr<ImportSource>> opened = openSource();
    if (!opened)
        return opened.error();
    ImportSource& source = **opened;
    const ImportLayout& layout = source.layout();
    ImportReport report;
    report.format = formatName(layout);
    if (layout.guessed)
        report.guessedColumns = describeGuess(layout);
    report.unimportedColumns = unimportedColumns(layout);
    if (const QString problem = layout.mapping.problem(m_options.target); !problem.isEmpty())
        return Error::badInput(
            QStringLiteral("%1: %2").arg(source.reader().location(layout.headerLine), problem));

    std::optional<ScoringEngine> engine;
    std::unique_ptr<RowImport> import;
    switch (m_options.target) {
    case ImportTarget::Contacts:
        import = std::make_unique<ContactImport>(m_db, m_options.includeForgotten);
        break;
    case ImportTarget::Interactions: {
        Result<ScoringEngine> opened = ScoringEngine::open(m_db);
        if (!opened)
            return opened.error();
        engine = *opened;
        import = std::make_unique<InteractionImport>(m_db, *engine);
        break;
    }
    case ImportTarget::Notes:
        import = std::make_unique<NoteImport>(m_db);
        break;
    }
    if (Status begun = import->begin(writing, rows); !begun)
        return begun.error();

    CsvReader& reader = source.reader();
    // Progress over both passes: the checking pass is the first half of the file's bytes.
    const qint64 total = 2 * std::max<qint64>(1, reader.size());
    const qint64 offset = writing ? total / 2 : 0;
    const bool unneutralize = layout.format && layout.format->neutralizesFormulas();
    const int columns = static_cast<int>(layout.header.size());
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const CsvRecord& record = reader.record();
        ++report.rows;
        if (report.rows % progressEvery == 0 && !reportProgress(progress, offset + reader.bytesRead(), total))
            return Error::cancelled();
        Result<RowResult> result = Error::badInput(QString());
        bool extra = false;
        for (int i = columns; i < record.size() && !extra; ++i)
            extra = !record.field(i).trimmed().isEmpty();
        if (extra) {
            result = Error::badInput(QStringLiteral("%1: %2 values but the header has %3 columns (is a value "
                                                    "with a comma missing its quotes?)")
                                         .arg(reader.location(record.line()))
                                         .arg(record.size())
                                         .arg(columns));
        } else {
            result = import->row(MappedRow(record, layout.mapping, reader, unneutralize));
        }
        if (Status counted = tally(report, std::move(result), writing, reader.location(record.line()),
                                   m_options.maxErrors);
            !counted)
            return counted.error();
    }
    if (writing) {
        const ProgressCallback keepGoing = [&](qint64, qint64) {
            return reportProgress(progress, total, total);
        };
        if (Status ended = import->end(keepGoing); !ended)
            return ended.error();
        report.touchedContacts = import->touchedContacts();
        std::sort(report.touchedContacts.begin(), report.touchedContacts.end());
    }
    reportProgress(progress, offset + total / 2, total);
    return report;
}

Result<ImportReport> CsvImporter::validate(const ProgressCallback& progress) const
{
    Result<ImportReport> checked = pass(false, 0, progress);
    if (checked) {
        // The checking pass cannot know what already exists in the database; only run() counts that.
        checked->created = checked->unchanged = checked->updated = 0;
    }
    return checked;
}

Result<ImportReport> CsvImporter::run(bool dryRun, const ProgressCallback& progress) const
{
    Result<ImportReport> checked = pass(false, 0, progress);
    if (!checked)
        return checked;
    if (!checked->ok()) {
        checked->created = checked->unchanged = checked->updated = checked->skipped = 0;
        checked->dryRun = dryRun;
        return checked;
    }
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<QVariant> lastIdBefore =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts"));
    if (!lastIdBefore)
        return lastIdBefore.error();
    Result<ImportReport> written = pass(true, checked->rows, progress);
    if (!written)
        return written; // the transaction rolls back
    if (m_options.target == ImportTarget::Contacts) {
        // New ids are above the newest before the import; an update of an existing contact is no look-alike.
        QSet<qint64> created;
        for (const qint64 id : std::as_const(written->touchedContacts)) {
            if (id > lastIdBefore->toLongLong())
                created.insert(id);
        }
        const Result<std::pair<qint64, QStringList>> lookAlikes =
            DuplicateFinder(m_db, localPhoneRegion()).lookAlikes(created, m_options.maxErrors);
        if (!lookAlikes)
            return lookAlikes.error();
        written->lookAlikeCount = lookAlikes->first;
        written->lookAlikes = lookAlikes->second;
    }
    written->dryRun = dryRun;
    if (!dryRun) {
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        written->written = true;
    }
    return written;
}

} // namespace rapport
