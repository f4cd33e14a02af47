#include "BenchmarkTable.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace rapport::bench {

double BenchmarkRow::median() const
{
    QList<double> sorted = milliseconds;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype n = sorted.size();
    if (n == 0)
        return 0;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

double BenchmarkRow::minimum() const
{
    return milliseconds.isEmpty() ? 0 : *std::min_element(milliseconds.begin(), milliseconds.end());
}

double BenchmarkRow::maximum() const
{
    return milliseconds.isEmpty() ? 0 : *std::max_element(milliseconds.begin(), milliseconds.end());
}

std::optional<bool> BenchmarkRow::passed() const
{
    if (!targetMilliseconds)
        return std::nullopt;
    return median() <= *targetMilliseconds;
}

BenchmarkRow& BenchmarkTable::measure(const QString& what, int runs, std::optional<double> targetMilliseconds,
                                      const std::function<void()>& work)
{
    BenchmarkRow row{what, {}, targetMilliseconds, {}};
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        row.milliseconds << static_cast<double>(timer.nsecsElapsed()) / 1e6;
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
    QString table = QStringLiteral("| what | median ms | min ms | max ms | runs | target ms | result |\n"
                                   "|---|---:|---:|---:|---:|---:|---|\n");
    for (const BenchmarkRow& row : m_rows) {
        const std::optional<bool> passed = row.passed();
        table +=
            QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                .arg(row.what)
                .arg(row.median(), 0, 'f', 2)
                .arg(row.minimum(), 0, 'f', 2)
                .arg(row.maximum(), 0, 'f', 2)
                .arg(row.milliseconds.size())
                .arg(row.targetMilliseconds ? QString::number(*row.targetMilliseconds) : QStringLiteral("-"))
                .arg(passed ? (*passed ? QStringLiteral("pass") : QStringLiteral("FAIL")) : row.note);
    }
    return table;
}

QByteArray BenchmarkTable::json(const QString& dataset) const
{
    QJsonArray rows;
    for (const BenchmarkRow& row : m_rows) {
        QJsonObject object{{QStringLiteral("what"), row.what},
                           {QStringLiteral("median_ms"), row.median()},
                           {QStringLiteral("min_ms"), row.minimum()},
                           {QStringLiteral("max_ms"), row.maximum()},
                           {QStringLiteral("runs"), row.milliseconds.size()}};
        if (row.targetMilliseconds)
            object.insert(QStringLiteral("target_ms"), *row.targetMilliseconds);
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
