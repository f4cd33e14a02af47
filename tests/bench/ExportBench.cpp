// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/ExportBench.h"

#include "core/csv/CsvWriter.h"
#include "core/reports/Report.h"
#include "tests/bench/MeasuredProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace rapport::bench {

namespace {

// What each report reads, as the sqlite3 shell dumps it with no joins, formatting or order: a report
// cannot be written faster than its inputs can be read and written out.
struct RawTables
{
    const char* report;
    const char* description;
    const char* sql;
};

const RawTables rawTables[] = {
    {"interactions", "interactions",
     "SELECT id, contact_id, occurred_at, channel, direction, summary, body, logged_by FROM interactions;"},
    {"contacts", "contacts, contact_methods, contact_tags",
     "SELECT id, display_name, given_name, family_name, organization, title, owner_id, cadence_days,"
     " archived, created_at, updated_at FROM contacts;"
     " SELECT contact_id, kind, value FROM contact_methods; SELECT contact_id, tag_id FROM contact_tags;"},
    // The health report scores every contact at once, with its change over 30 and 90 days: one pass
    // over the log besides the contacts.
    {"health", "contacts, contact_tags, interactions (the scoring columns)",
     "SELECT id, display_name, organization, owner_id, cadence_days, archived FROM contacts;"
     " SELECT contact_id, tag_id FROM contact_tags;"
     " SELECT contact_id, occurred_at, direction, channel FROM interactions;"},
};

// The interactions report's columns and order, computed by SQL: names and keys by join and subquery.
const char* const interactionColumnsSql =
    "SELECT i.id, i.contact_id, c.display_name, coalesce((SELECT m.value FROM contact_methods m"
    " WHERE m.contact_id = i.contact_id AND m.kind = 'email' ORDER BY m.id LIMIT 1),"
    " (SELECT m.kind || ':' || m.value FROM contact_methods m WHERE m.contact_id = i.contact_id"
    " ORDER BY m.id LIMIT 1)), strftime('%Y-%m-%dT%H:%M:%SZ', i.occurred_at, 'unixepoch'), i.channel,"
    " i.direction, i.summary, i.body, t.name FROM interactions i JOIN contacts c ON c.id = i.contact_id"
    " LEFT JOIN team_members t ON t.id = i.logged_by ORDER BY i.occurred_at, i.id";

Result<double> runSqlite(const ExportBenchOptions& options, const QString& database, const char* sql,
                         const QString& output)
{
    const Result<ProcessMeasure> measured = runMeasured(
        options.sqlite, {QStringLiteral("-csv"), QStringLiteral("-cmd"),
                         QStringLiteral(".output %1").arg(output), database, QString::fromLatin1(sql)});
    if (!measured)
        return measured.error();
    return measured->milliseconds;
}

Result<double> runExport(const ExportBenchOptions& options, const QString& database, const char* report,
                         const QString& output)
{
    const Result<ProcessMeasure> measured = runMeasured(
        options.app, {QStringLiteral("export"), QString::fromLatin1(report), QStringLiteral("--database"),
                      database, QStringLiteral("--output"), output});
    if (!measured)
        return measured.error();
    return measured->milliseconds;
}

Status requireRows(const QString& output, const QString& what)
{
    if (QFileInfo(output).size() < 64)
        return Error::database(QStringLiteral("%1 wrote no rows to %2").arg(what, output));
    return {};
}

QString ratioNote(const BenchmarkRow& row, const BenchmarkRow& baseline)
{
    return QStringLiteral("baseline; Rapport / sqlite3 = %1")
        .arg(row.median() / baseline.median(), 0, 'f', 2);
}

// The command against the raw tables, alternating run by run so that both see the same machine.
Status measureAgainstRawTables(const QString& database, const RawTables& raw,
                               const ExportBenchOptions& options, BenchmarkTable& table)
{
    const QString output = options.workdir + QStringLiteral("/export-%1.csv").arg(QLatin1String(raw.report));
    BenchmarkRow baseline{
        QStringLiteral("sqlite3 -csv of the raw tables: %1 (baseline)").arg(QLatin1String(raw.description)),
        {},
        std::nullopt,
        {}};
    BenchmarkRow command{QStringLiteral("rapport export %1 (the command)").arg(QLatin1String(raw.report)),
                         {},
                         std::nullopt,
                         {}};
    for (int run = 0; run < options.runs; ++run) {
        const Result<double> shell = runSqlite(options, database, raw.sql, output);
        if (!shell)
            return shell.error();
        if (Status wrote = requireRows(output, QStringLiteral("sqlite3")); !wrote)
            return wrote;
        baseline.values << *shell;
        const Result<double> rapport = runExport(options, database, raw.report, output);
        if (!rapport)
            return rapport.error();
        if (Status wrote = requireRows(output, QStringLiteral("rapport export")); !wrote)
            return wrote;
        command.values << *rapport;
    }
    QFile::remove(output);
    command.target = 1.5 * baseline.median();
    baseline.note = ratioNote(command, baseline);
    table.add(baseline);
    table.add(command);
    return {};
}

// The interactions report written in this process against sqlite3 computing the same cells.
Status measureAgainstSameColumns(Database& dataset, const ExportBenchOptions& options, BenchmarkTable& table)
{
    const QString output = options.workdir + QStringLiteral("/export.csv");
    BenchmarkRow baseline{
        QStringLiteral("sqlite3 -csv of the same columns (baseline)"), {}, std::nullopt, {}};
    BenchmarkRow report{
        QStringLiteral("export the interactions report as CSV (in process)"), {}, std::nullopt, {}};
    for (int run = 0; run < options.runs; ++run) {
        const Result<double> shell = runSqlite(options, dataset.path(), interactionColumnsSql, output);
        if (!shell)
            return shell.error();
        baseline.values << *shell;

        QElapsedTimer timer;
        timer.start();
        QFile file(output);
        if (!file.open(QIODevice::WriteOnly))
            return Error::database(QStringLiteral("cannot write %1: %2").arg(output, file.errorString()));
        CsvWriter writer(file, output);
        const Result<std::unique_ptr<Report>> interactions =
            makeReport(ReportKind::Interactions, dataset, {});
        if (!interactions)
            return interactions.error();
        if (const Result<qint64> written = (*interactions)->write(writer); !written)
            return written.error();
        file.close();
        report.values << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    QFile::remove(output);
    report.target = 1.2 * baseline.median();
    baseline.note = ratioNote(report, baseline);
    table.add(baseline);
    table.add(report);
    return {};
}

} // namespace

Status measureExports(Database& dataset, const ExportBenchOptions& options, BenchmarkTable& table)
{
    if (Status same = measureAgainstSameColumns(dataset, options, table); !same)
        return same;
    for (const RawTables& raw : rawTables) {
        if (Status measured = measureAgainstRawTables(dataset.path(), raw, options, table); !measured)
            return measured;
    }
    return {};
}

} // namespace rapport::bench
