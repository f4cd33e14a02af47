// SPDX-License-Identifier: GPL-3.0-or-later
// Rows come out in key order whether they fit in memory or are merged from runs on disk, with equal keys
// in the order they came and the target's header first.
#include "core/csv/SortedCsvRows.h"

#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace rapport::test;

namespace {

struct Produced
{
    QByteArray bytes;
    int spilledRuns = 0;
};

// `count` rows "key,sequence,text" with keys from a seeded generator (some repeated), through a sorter that
// holds `memoryBytes`.
Produced sortRows(int count, qsizetype memoryBytes)
{
    QBuffer device;
    device.open(QIODevice::WriteOnly);
    CsvWriter out(device, QStringLiteral("memory"));
    requireOk(out.writeHeader({QStringLiteral("key"), QStringLiteral("sequence"), QStringLiteral("text")}));
    SortedCsvRows sorted(memoryBytes);
    QRandomGenerator random(11);
    for (int sequence = 0; sequence < count; ++sequence) {
        const qint64 key = random.bounded(count / 3 + 1);
        sorted.cells().addInteger(key);
        sorted.cells().addInteger(sequence);
        sorted.cells().addText(QStringLiteral("row, \"%1\"").arg(QString(sequence % 7, QLatin1Char('x'))));
        requireOk(sorted.endRow({key, 0}));
    }
    CHECK(sorted.rows() == count);
    requireOk(sorted.writeTo(out));
    requireOk(out.finish());
    CHECK(out.rows() == count + 1);
    return {device.data(), sorted.spilledRuns()};
}

// The (key, sequence) pairs of the rows after the header.
std::vector<std::pair<qint64, qint64>> keysOf(const QByteArray& csv)
{
    std::vector<std::pair<qint64, qint64>> keys;
    const QList<QByteArray> lines = csv.split('\n');
    for (qsizetype line = 1; line < lines.size(); ++line) {
        if (lines[line].isEmpty())
            continue;
        const QList<QByteArray> cells = lines[line].split(',');
        keys.emplace_back(cells[0].toLongLong(), cells[1].toLongLong());
    }
    return keys;
}

} // namespace

TEST_CASE("Sorted rows that fit in memory come out in key order, ties in arrival order", "[csv][sort]")
{
    const Produced produced = sortRows(500, 1 << 20);
    CHECK(produced.spilledRuns == 0);
    CHECK(produced.bytes.startsWith("key,sequence,text\r\n"));
    const auto keys = keysOf(produced.bytes);
    REQUIRE(keys.size() == 500);
    CHECK(std::is_sorted(keys.begin(), keys.end()));
}

TEST_CASE("Sorted rows beyond the memory bound are merged from runs into the same file", "[csv][sort]")
{
    const Produced inMemory = sortRows(3000, 1 << 24);
    const Produced spilled = sortRows(3000, 4096);
    CHECK(spilled.spilledRuns > 10);
    CHECK(spilled.bytes == inMemory.bytes);
    const auto keys = keysOf(spilled.bytes);
    REQUIRE(keys.size() == 3000);
    CHECK(std::is_sorted(keys.begin(), keys.end()));
}

TEST_CASE("No rows to sort write only the header", "[csv][sort]")
{
    const Produced produced = sortRows(0, 4096);
    CHECK(produced.bytes == QByteArray("key,sequence,text\r\n"));
}
