// SPDX-License-Identifier: GPL-3.0-or-later
// Collects benchmark rows (what, runs, target) and prints them as a table or JSON.
#pragma once

#include <QList>
#include <QString>
#include <functional>
#include <optional>

namespace rapport::bench {

struct BenchmarkRow
{
    QString what;
    QList<double> values; // one per run, in `unit`
    std::optional<double> target;
    QString note;                        // e.g. "ratio vs sqlite3 -csv"
    QString unit = QStringLiteral("ms"); // "ms", "MB", or "×" for a ratio of two rows

    double median() const;
    double minimum() const;
    double maximum() const;
    std::optional<bool> passed() const;
};

class BenchmarkTable
{
public:
    // Runs `work` `runs` times and records its wall-clock times in milliseconds.
    BenchmarkRow& measure(const QString& what, int runs, std::optional<double> target,
                          const std::function<void()>& work);
    BenchmarkRow& add(BenchmarkRow row);

    QString text() const;
    QByteArray json(const QString& dataset) const;
    bool allPassed() const;

private:
    QList<BenchmarkRow> m_rows;
};

} // namespace rapport::bench
