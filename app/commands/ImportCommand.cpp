// SPDX-License-Identifier: GPL-3.0-or-later
// rapport import: reads contacts, interactions or trust notes from a CSV file (Rapport's own export,
// LinkedIn, Google Contacts, Outlook, or columns named after Rapport's fields), or contacts from a vCard
// file, checks every row or card, then writes all of them or nothing.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/import/CsvImporter.h"
#include "core/import/ImportFormat.h"
#include "core/import/ImportSource.h"

namespace rapport::cli {

int runImport(const QStringList& arguments)
{
    if (!arguments.isEmpty() && arguments.constFirst() == QLatin1String("conversations"))
        return runImportConversations(arguments.mid(1));
    const QString command = QStringLiteral("import");
    CommandParser parser(
        command,
        QStringLiteral(
            "rapport import contacts|interactions|notes FILE --database PATH "
            "[--format auto|rapport|linkedin|google|thunderbird|roundcube|outlook|vcard] [--encoding "
            "utf-8|latin-1] "
            "[--dry-run] [--include-forgotten]"),
        QStringLiteral("Imports a CSV file, or a vCard (.vcf) file of contacts: every row or card is "
                       "checked first, then all are written in one transaction, or none. Contacts "
                       "already known (same vCard UID, email or handle) are completed, not duplicated."));
    parser.addPositional(QStringLiteral("WHAT"), QStringLiteral("contacts, interactions or notes."));
    parser.addPositional(
        QStringLiteral("FILE"),
        QStringLiteral("The CSV or vCard file (recognized by its content), or - for standard "
                       "input. A pipe or FIFO is read once, into memory."));
    parser.addOption(
        {QStringLiteral("format"),
         QStringLiteral("auto (default: a vCard file, or recognize the header, else guess from the column "
                        "names), rapport, linkedin, google, thunderbird, roundcube, outlook or vcard."),
         QStringLiteral("FORMAT"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("encoding"),
                      QStringLiteral("utf-8 (default) or latin-1 (older Excel and Outlook files)."),
                      QStringLiteral("ENCODING"), QStringLiteral("utf-8")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Report what would be created, updated and skipped; write nothing.")});
    parser.addOption(
        {QStringLiteral("include-forgotten"),
         QStringLiteral("Contacts: import rows with the email, phone or handle of a person who was "
                        "forgotten ('rapport forget'), instead of skipping them.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    ImportOptions options;
    const QString what = parser.positionals().at(0);
    const std::optional<ImportTarget> target = parseImportTarget(what);
    if (!target)
        return fail(
            command,
            Error::usage(
                QStringLiteral("cannot import '%1': expected contacts, interactions, notes or conversations")
                    .arg(what)));
    options.target = *target;
    options.includeForgotten = parser.isSet(QStringLiteral("include-forgotten"));
    options.format = parser.value(QStringLiteral("format")).trimmed().toLower();
    if (options.format != QLatin1String("auto") && options.format != QLatin1String("vcard") &&
        !findImportFormat(options.format))
        return fail(command,
                    Error::badInput(QStringLiteral("--format '%1': expected auto, %2 or vcard")
                                        .arg(options.format, importFormatKeys().join(QStringLiteral(", ")))));
    const std::optional<CsvEncoding> encoding = parseCsvEncoding(parser.value(QStringLiteral("encoding")));
    if (!encoding)
        return fail(command, Error::badInput(QStringLiteral("--encoding '%1': expected utf-8 or latin-1")
                                                 .arg(parser.value(QStringLiteral("encoding")))));
    options.csv.encoding = *encoding;
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const QString path = parser.positionals().at(1);
    const Result<ImportReport> report = CsvImporter(**db, path, options).run(dryRun);
    if (!report)
        return fail(command, report.error());
    if (!report->guessedColumns.isEmpty())
        out() << "columns: " << report->guessedColumns.join(QStringLiteral(", ")) << Qt::endl;
    if (!report->unimportedColumns.isEmpty())
        out() << "columns not imported: " << report->unimportedColumns.join(QStringLiteral(", ")) << Qt::endl;
    if (!report->unimportedProperties.isEmpty())
        out() << "vCard properties not imported: " << report->unimportedProperties.join(QStringLiteral(", "))
              << Qt::endl;
    if (!report->ok()) {
        out().flush();
        for (const QString& problem : report->errors)
            err() << "rapport import: " << problem << '\n';
        if (report->errorCount > report->errors.size())
            err() << "rapport import: … and " << report->errorCount - report->errors.size()
                  << " more problems\n";
        err() << "rapport import: " << ImportInput::nameOf(path) << ": nothing imported ("
              << report->errorCount << (report->errorCount == 1 ? " problem" : " problems") << ")"
              << Qt::endl;
        return BadInputError;
    }
    for (const QString& reason : report->skippedReasons)
        err() << "rapport import: " << reason << '\n';
    for (const QString& lookAlike : report->lookAlikes)
        err() << "rapport import: warning: " << lookAlike << '\n';
    if (report->lookAlikeCount > 0)
        err() << "rapport import: warning: " << report->lookAlikeCount
              << (report->lookAlikeCount == 1 ? " new contact looks" : " new contacts look")
              << " like one already there; 'rapport duplicates' lists them and 'rapport merge KEEP OTHER' "
                 "merges a pair\n";
    err().flush();
    out() << QStringLiteral("%1 %2 (%3): %4%5")
                 .arg(dryRun ? QStringLiteral("dry run, nothing written:") : QStringLiteral("imported"),
                      importTargetName(*target), report->format, report->summary(),
                      report->skipped > report->skippedReasons.size()
                          ? QStringLiteral(" (%1 skipped rows not listed)")
                                .arg(report->skipped - report->skippedReasons.size())
                          : QString())
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
