// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/Report.h"

#include "core/reports/ContactsReport.h"
#include "core/reports/HealthReport.h"
#include "core/reports/InteractionsReport.h"
#include "core/reports/NotesReport.h"

#include <array>

namespace rapport {

namespace {

constexpr std::array<const char*, 5> kindKeys{"contacts", "interactions", "notes", "health", "at-risk"};

} // namespace

QString reportKindName(ReportKind kind)
{
    return QString::fromLatin1(kindKeys[static_cast<size_t>(kind)]);
}

std::optional<ReportKind> parseReportKind(const QString& text)
{
    const QString key = text.trimmed().toLower();
    for (size_t i = 0; i < kindKeys.size(); ++i) {
        if (key == QLatin1String(kindKeys[i]))
            return static_cast<ReportKind>(i);
    }
    return std::nullopt;
}

QStringList reportKindNames()
{
    QStringList names;
    for (const char* key : kindKeys)
        names << QString::fromLatin1(key);
    return names;
}

Result<std::unique_ptr<Report>> makeReport(ReportKind kind, Database& db, const ReportFilter& filter)
{
    Result<ReportScope> scope = ReportScope::resolve(db, filter);
    if (!scope)
        return scope.error();
    std::unique_ptr<Report> report;
    switch (kind) {
    case ReportKind::Contacts:
        report = std::make_unique<ContactsReport>(db, std::move(*scope));
        break;
    case ReportKind::Interactions:
        report = std::make_unique<InteractionsReport>(db, std::move(*scope));
        break;
    case ReportKind::Notes:
        report = std::make_unique<NotesReport>(db, std::move(*scope));
        break;
    case ReportKind::Health:
    case ReportKind::AtRisk:
        report = std::make_unique<HealthReport>(db, std::move(*scope), kind == ReportKind::AtRisk);
        break;
    }
    return report;
}

} // namespace rapport
