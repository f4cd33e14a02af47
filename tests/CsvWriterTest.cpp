// SPDX-License-Identifier: GPL-3.0-or-later
// CsvWriter: RFC 4180 output that spreadsheets open safely.
#include "core/csv/CsvWriter.h"

#include "core/csv/CsvReader.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QLocale>
#include <functional>
#include <limits>

using namespace rapport;
using namespace rapport::test;

namespace {

// Writes one row of text cells and returns the bytes.
QByteArray written(const std::function<void(CsvWriter&)>& fill, CsvWriteOptions options = {})
{
    QByteArray data;
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer, QStringLiteral("memory"), options);
    fill(writer);
    requireOk(writer.finish());
    return data;
}

QByteArray textRow(const QStringList& cells)
{
    return written([&cells](CsvWriter& writer) {
        for (const QString& cell : cells)
            writer.addText(cell);
        requireOk(writer.endRow());
    });
}

} // namespace

TEST_CASE("CsvWriter quotes only what needs it and ends rows with CRLF", "[csv]")
{
    CHECK(textRow({QStringLiteral("Ada"), QStringLiteral("Lovelace")}) == "Ada,Lovelace\r\n");
    CHECK(textRow({QStringLiteral("Álvarez, José"), QStringLiteral("say \"hi\""),
                   QStringLiteral("two\nlines"), QStringLiteral("")}) ==
          "\"Álvarez, José\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    CHECK(textRow({QStringLiteral("Zoë 🚀"), QStringLiteral(" spaced ")}) == "Zoë 🚀, spaced \r\n");
}

TEST_CASE("CsvWriter writes a byte-order mark only when asked", "[csv]")
{
    auto header = [](CsvWriter& writer) {
        requireOk(writer.writeHeader({QStringLiteral("id")}));
    };
    CHECK(written(header) == "id\r\n");
    CHECK(written(header, CsvWriteOptions{true}) == "\xEF\xBB\xBFid\r\n");
}

TEST_CASE("A first cell that starts like a binary file is quoted, so the file reads back", "[csv]")
{
    CHECK(textRow({QStringLiteral("SQLite format 3 notes"), QStringLiteral("x")}) ==
          "\"SQLite format 3 notes\",x\r\n");
    CHECK(textRow({QStringLiteral("%PDF")}) == "\"%PDF\"\r\n");
    // Only the start of the file can be taken for a signature.
    CHECK(textRow({QStringLiteral("x"), QStringLiteral("%PDF")}) == "x,%PDF\r\n");
    CHECK(written(
              [](CsvWriter& writer) {
                  writer.addText(QStringLiteral("%PDF"));
                  requireOk(writer.endRow());
              },
              CsvWriteOptions{true}) == "\xEF\xBB\xBF%PDF\r\n");

    QByteArray data = textRow({QStringLiteral("PK\x03\x04 archive")});
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(buffer, QStringLiteral("memory"));
    REQUIRE(require(reader.next()));
    CHECK(reader.record().field(0).toByteArray() == "PK\x03\x04 archive");
}

TEST_CASE("Formula injection: text cells a spreadsheet would run are neutralized", "[csv][security]")
{
    CHECK(textRow({QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")")}) ==
          "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"\r\n");
    CHECK(textRow({QStringLiteral("+1 555 0100")}) == "'+1 555 0100\r\n");
    CHECK(textRow({QStringLiteral("-2+3")}) == "'-2+3\r\n");
    CHECK(textRow({QStringLiteral("@SUM(A1)")}) == "'@SUM(A1)\r\n");
    CHECK(textRow({QStringLiteral("\tcmd")}) == "'\tcmd\r\n");
    CHECK(textRow({QStringLiteral("\r=1")}) == "\"'\r=1\"\r\n");
    // Apostrophes already there are kept reversible: "'=x" is written "''=x".
    CHECK(textRow({QStringLiteral("'=x")}) == "''=x\r\n");
    CHECK(textRow({QStringLiteral("it's fine"), QStringLiteral("a=b"), QStringLiteral("'quoted'")}) ==
          "it's fine,a=b,'quoted'\r\n");
    for (const char* text : {"=1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "''+x", "'plain", "plain", ""}) {
        const QByteArray original(text);
        QByteArray cell = original;
        if (CsvWriter::needsNeutralizing(cell))
            cell.prepend('\'');
        CHECK(CsvWriter::unneutralized(cell) == original);
    }
}

TEST_CASE("Numeric cells are never neutralized and use a dot whatever the locale", "[csv]")
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QByteArray row = written([](CsvWriter& writer) {
        writer.addInteger(-42);
        writer.addNumber(-22.556);
        writer.addNumber(53.97);
        writer.addNumber(54.0);
        writer.addNumber(-0.001);
        writer.addNumber(std::optional<double>());
        writer.addNumber(1.0 / 3, 4);
        writer.addInteger(std::numeric_limits<qint64>::min());
        requireOk(writer.endRow());
    });
    QLocale::setDefault(previous);
    CHECK(row == "-42,-22.56,53.97,54,0,,0.3333,-9223372036854775808\r\n");
}

TEST_CASE("Moments are written in ISO 8601 UTC", "[csv]")
{
    const QByteArray row = written([](CsvWriter& writer) {
        writer.addMoment(0);
        writer.addMoment(testNow);
        writer.addMoment(951782400 + 86399); // 2000-02-29, leap day
        requireOk(writer.endRow());
    });
    CHECK(row == "1970-01-01T00:00:00Z,2026-06-01T00:00:00Z,2000-02-29T23:59:59Z\r\n");
}

TEST_CASE("CsvWriter reports a device that cannot be written", "[csv]")
{
    QBuffer closed;
    CsvWriter writer(closed, QStringLiteral("out.csv"));
    writer.addText(QStringLiteral("x"));
    requireOk(writer.endRow());
    const Status finished = writer.finish();
    REQUIRE_FALSE(finished.ok());
    CHECK(finished.error().message.startsWith(QStringLiteral("cannot write out.csv")));
}
