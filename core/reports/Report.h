// SPDX-License-Identifier: GPL-3.0-or-later
// The CSV reports Rapport exports (contacts, interactions, notes, health, at-risk), behind one interface
// so that the command line and the GUI's export dialog run the same code. A report streams its rows into
// a CsvWriter: memory does not grow with the number of rows.
#pragma once

#include "core/base/Progress.h"
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QStringList>
#include <memory>
#include <optional>

namespace rapport {

class CsvWriter;

enum class ReportKind
{
    Contacts,
    Interactions,
    Notes,
    Health,
    AtRisk
};

QString reportKindName(ReportKind kind); // "contacts", …, "at-risk"
std::optional<ReportKind> parseReportKind(const QString& text);
QStringList reportKindNames();

// Which rows a report covers. The period selects interactions and notes by their time, and contacts
// (in the contacts, health and at-risk reports) by having an interaction in it; health scores are read
// at the end of the period.
struct ReportFilter
{
    std::optional<qint64> since; // seconds since the epoch, inclusive
    std::optional<qint64> until; // exclusive
    QString owner;               // a team member's name: only the contacts they own
    QString tag;                 // only contacts with this tag
};

class Report
{
public:
    virtual ~Report() = default;
    virtual QStringList columns() const = 0;
    // Writes the header and every row; returns the number of rows. `progress` counts rows (its total is
    // 0 while unknown); returning false from it cancels.
    virtual Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) = 0;
};

// The report of this kind over `db`, or a bad-input error naming an unknown owner or tag or an empty
// period. The report keeps a reference to `db`.
Result<std::unique_ptr<Report>> makeReport(ReportKind kind, Database& db, const ReportFilter& filter);

} // namespace rapport
