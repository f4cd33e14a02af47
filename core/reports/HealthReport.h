// SPDX-License-Identifier: GPL-3.0-or-later
// The health report: one row per active (not archived) contact with the score, its components, the
// band, the cadence facts, the trust level, the last channel, Δ30/Δ90 and the explanation, all read from
// ScoringEngine (the single source of scores) at the end of the period. Its at-risk variant keeps the
// At risk and Cooling bands, most overdue first.
#pragma once

#include "core/reports/ReportScope.h"

namespace rapport {

class HealthReport : public Report
{
public:
    HealthReport(Database& db, ReportScope scope, bool atRiskOnly)
        : m_db(db)
        , m_scope(std::move(scope))
        , m_atRiskOnly(atRiskOnly)
    {}

    QStringList columns() const override;
    Result<qint64> write(CsvWriter& writer, const ProgressCallback& progress = {}) override;

private:
    Database& m_db;
    ReportScope m_scope;
    bool m_atRiskOnly;
};

} // namespace rapport
