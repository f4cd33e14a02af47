// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/BenchmarkTable.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

namespace rapport::bench {

double BenchmarkRow::median() const
{
    QList<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    if (n == 0)
        return 0;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double BenchmarkRow::minimum() const
{
    return values.isEmpty() ? 0 : *std::min_element(values.begin(), values.end());
}

double BenchmarkRow::maximum() const
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
}

std::optional<bool> BenchmarkRow::passed() const
{
    if (!target)
        return std::nullopt;
    return median() <= *target;
}

BenchmarkRow& BenchmarkTable::measure(const QString& what, int runs, std::optional<double> target,
                                      const std::function<void()>& work)
{
    BenchmarkRow row{what, {}, target, {}};
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        row.values << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    qInfo("%s: median %.2f ms", qPrintable(what), row.median());
    return add(row);
}

BenchmarkRow& BenchmarkTable::add(BenchmarkRow row)
{
    m_rows << std::move(row);
    return m_rows.last();
}

QString BenchmarkTable::text() const
{
    QString table = QStringLiteral("| what | median | min | max | runs | target | result |\n"
                                   "|---|---:|---:|---:|---:|---:|---|\n");
    for (const BenchmarkRow& row : m_rows) {
        const auto withUnit = [&row](double value) {
            return QStringLiteral("%1 %2").arg(value, 0, 'f', 2).arg(row.unit);
        };
        const std::optional<bool> passed = row.passed();
        QStringList result;
        if (passed)
            result << (*passed ? QStringLiteral("pass") : QStringLiteral("FAIL"));
        if (!row.note.isEmpty())
            result << row.note;
        table += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                     .arg(row.what, withUnit(row.median()), withUnit(row.minimum()), withUnit(row.maximum()))
                     .arg(row.values.size())
                     .arg(row.target ? withUnit(*row.target) : QStringLiteral("-"),
                          result.join(QStringLiteral("; ")));
    }
    return table;
}

QByteArray BenchmarkTable::json(const QString& dataset) const
{
    QJsonArray rows;
    for (const BenchmarkRow& row : m_rows) {
        QJsonObject object{
            {QStringLiteral("what"), row.what},       {QStringLiteral("unit"), row.unit},
            {QStringLiteral("median"), row.median()}, {QStringLiteral("min"), row.minimum()},
            {QStringLiteral("max"), row.maximum()},   {QStringLiteral("runs"), row.values.size()}};
        if (row.target)
            object.insert(QStringLiteral("target"), *row.target);
        if (const std::optional<bool> passed = row.passed())
            object.insert(QStringLiteral("passed"), *passed);
        if (!row.note.isEmpty())
            object.insert(QStringLiteral("note"), row.note);
        rows.append(object);
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("dataset"), dataset}, {QStringLiteral("rows"), rows}})
        .toJson(QJsonDocument::Indented);
}

bool BenchmarkTable::allPassed() const
{
    return std::all_of(m_rows.begin(), m_rows.end(),
                       [](const BenchmarkRow& row) { return row.passed().value_or(true); });
}

} // namespace rapport::bench
