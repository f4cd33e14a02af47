// SPDX-License-Identifier: GPL-3.0-or-later
// rapport export: writes a CSV report (contacts, interactions, notes, health, at-risk), or the contacts
// as vCards, to stdout or, atomically, to a file.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/IsoTime.h"
#include "core/csv/CsvWriter.h"
#include "core/reports/Report.h"
#include "core/vcard/VCardExport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <cstdio>

namespace rapport::cli {

namespace {

constexpr qint64 daySeconds = 86400;

bool isDateOnly(const QString& text)
{
    static const QRegularExpression dateOnly(QStringLiteral("^\\s*\\d{4}-\\d{2}-\\d{2}\\s*$"));
    return dateOnly.match(text).hasMatch();
}

// --since takes a moment; --until DATE includes that whole day, --until DATETIME ends at that moment.
Result<qint64> periodBound(const QString& option, const QString& text, bool end)
{
    const Result<qint64> moment = parseIsoMoment(text);
    if (!moment)
        return Error::badInput(QStringLiteral("--%1: %2").arg(option, moment.error().message));
    return end && isDateOnly(text) ? *moment + daySeconds : *moment;
}

// Where the report's name is among the arguments (the first that is not an option or an option's value),
// or -1: `export person` takes options of its own.
qsizetype reportArgument(const QStringList& arguments)
{
    static const QStringList valued{QStringLiteral("--database"), QStringLiteral("--output"),
                                    QStringLiteral("--since"),    QStringLiteral("--until"),
                                    QStringLiteral("--owner"),    QStringLiteral("--tag"),
                                    QStringLiteral("--contact"),  QStringLiteral("--vcard-version")};
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (!argument.startsWith(QLatin1Char('-')))
            return i;
        if (valued.contains(argument))
            ++i;
    }
    return -1;
}

// The contacts as vCards, to stdout or atomically to --output.
int exportCards(Database& db, const ReportFilter& filter, VCardVersion version, const CommandParser& parser)
{
    const QString command = QStringLiteral("export");
    if (!parser.isSet(QStringLiteral("output"))) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(command, Error::database(QStringLiteral("cannot write to stdout")));
        const Result<qint64> written =
            exportVCards(db, filter, version, stdoutFile, QStringLiteral("stdout"));
        stdoutFile.flush();
        if (!written)
            return fail(command, written.error());
        return Success;
    }
    const QString path = parser.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(command, outputError(path, file.errorString()));
    const Result<qint64> written = exportVCards(db, filter, version, file, path);
    if (!written) {
        const bool writeFailed = file.error() != QFileDevice::NoError;
        const QString systemText = file.errorString();
        file.cancelWriting();
        return fail(command, writeFailed ? outputError(path, systemText) : written.error());
    }
    if (!file.commit())
        return fail(command, outputError(path, file.errorString()));
    out() << QStringLiteral("exported vcard to %1 (%2 %3, vCard %4)")
                 .arg(path)
                 .arg(*written)
                 .arg(*written == 1 ? QStringLiteral("card") : QStringLiteral("cards"),
                      version == VCardVersion::V4 ? QStringLiteral("4.0") : QStringLiteral("3.0"))
          << Qt::endl;
    return Success;
}

} // namespace

int runExport(const QStringList& arguments)
{
    if (const qsizetype person = reportArgument(arguments);
        person >= 0 && arguments.at(person) == QLatin1String("person"))
        return runExportPerson(arguments.mid(0, person) + arguments.mid(person + 1));
    const QString command = QStringLiteral("export");
    CommandParser parser(
        command,
        QStringLiteral("rapport export contacts|interactions|notes|health|at-risk|vcard --database PATH "
                       "[--output FILE] [--since DATE] [--until DATE] [--owner NAME] [--tag TAG] "
                       "[--bom] [--vcard-version 3|4]"),
        QStringLiteral("Writes a CSV report (RFC 4180, UTF-8, CRLF), or with vcard the contacts as vCards "
                       "(RFC 6350), to stdout or --output."));
    parser.addPositional(
        QStringLiteral("REPORT"),
        QStringLiteral("One of: %1, vcard.").arg(reportKindNames().join(QStringLiteral(", "))));
    parser.addOption(
        {QStringLiteral("output"),
         QStringLiteral("Write to this file (replaced only once the report is complete) instead of "
                        "stdout."),
         QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Start of the period: a date (00:00 UTC) or date-time."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("until"),
         QStringLiteral("End of the period: a date (that whole day included) or date-time. Health "
                        "scores are read there."),
         QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("owner"), QStringLiteral("Only contacts this team member owns."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("tag"), QStringLiteral("Only contacts with this tag."), QStringLiteral("TAG")});
    parser.addOption({QStringLiteral("bom"),
                      QStringLiteral("Start with a UTF-8 byte-order mark, so that Excel shows accents.")});
    parser.addOption(
        {QStringLiteral("vcard-version"),
         QStringLiteral("vcard: 4 (default, RFC 6350) or 3 (RFC 2426, for older address books)."),
         QStringLiteral("VERSION"), QStringLiteral("4")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    const QString kindText = parser.positionals().constFirst();
    const bool cards = kindText == QLatin1String("vcard");
    const std::optional<ReportKind> kind = parseReportKind(kindText);
    if (!kind && !cards)
        return fail(command, Error::usage(QStringLiteral("unknown report '%1': expected one of %2, vcard")
                                              .arg(kindText, reportKindNames().join(QStringLiteral(", ")))));
    VCardVersion version = VCardVersion::V4;
    if (cards) {
        const QString versionText = parser.value(QStringLiteral("vcard-version")).trimmed();
        if (versionText == QLatin1String("3") || versionText == QLatin1String("3.0"))
            version = VCardVersion::V3;
        else if (versionText != QLatin1String("4") && versionText != QLatin1String("4.0"))
            return fail(
                command,
                Error::badInput(QStringLiteral("--vcard-version '%1': expected 3 or 4").arg(versionText)));
        if (parser.isSet(QStringLiteral("bom")))
            return fail(command,
                        Error::usage(QStringLiteral("--bom is for CSV reports; a vCard file is UTF-8 "
                                                    "without one")));
    } else if (parser.isSet(QStringLiteral("vcard-version"))) {
        return fail(command, Error::usage(QStringLiteral("--vcard-version is for 'export vcard'")));
    }
    ReportFilter filter;
    if (parser.isSet(QStringLiteral("since"))) {
        const Result<qint64> since =
            periodBound(QStringLiteral("since"), parser.value(QStringLiteral("since")), false);
        if (!since)
            return fail(command, since.error());
        filter.since = *since;
    }
    if (parser.isSet(QStringLiteral("until"))) {
        const Result<qint64> until =
            periodBound(QStringLiteral("until"), parser.value(QStringLiteral("until")), true);
        if (!until)
            return fail(command, until.error());
        filter.until = *until;
    }
    // Checked here, where the dates are known as typed; the report's own check can only quote moments.
    if (filter.since && filter.until && *filter.since >= *filter.until) {
        const QString until = parser.value(QStringLiteral("until")).trimmed();
        // --until DATE ends after that day, so meeting it means starting a later day.
        const bool sameMoment = *filter.since == *filter.until && !isDateOnly(until);
        return fail(command, Error::badInput(
                                 QStringLiteral("--since %1 is %2 --until %3")
                                     .arg(parser.value(QStringLiteral("since")).trimmed(),
                                          sameMoment ? QStringLiteral("not before") : QStringLiteral("after"),
                                          until)));
    }
    filter.owner = parser.value(QStringLiteral("owner"));
    filter.tag = parser.value(QStringLiteral("tag"));

    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    if (cards)
        return exportCards(**db, filter, version, parser);
    Result<std::unique_ptr<Report>> report = makeReport(*kind, **db, filter);
    if (!report)
        return fail(command, report.error());

    const CsvWriteOptions options{parser.isSet(QStringLiteral("bom"))};
    if (!parser.isSet(QStringLiteral("output"))) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(command, Error::database(QStringLiteral("cannot write to stdout")));
        CsvWriter writer(stdoutFile, QStringLiteral("stdout"), options);
        const Result<qint64> rows = (*report)->write(writer);
        stdoutFile.flush();
        if (!rows)
            return fail(command, rows.error());
        return Success;
    }

    const QString path = parser.value(QStringLiteral("output"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(command, outputError(path, file.errorString()));
    CsvWriter writer(file, path, options);
    const Result<qint64> rows = (*report)->write(writer);
    if (!rows) {
        const bool writeFailed = file.error() != QFileDevice::NoError;
        const QString systemText = file.errorString();
        file.cancelWriting();
        return fail(command, writeFailed ? outputError(path, systemText) : rows.error());
    }
    if (!file.commit())
        return fail(command, outputError(path, file.errorString()));
    out() << QStringLiteral("exported %1 to %2 (%3 %4)")
                 .arg(reportKindName(*kind), path)
                 .arg(*rows)
                 .arg(*rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"))
          << Qt::endl;
    return Success;
}

} // namespace rapport::cli
