// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes CsvReader with arbitrary bytes; what it reads, written back by CsvWriter, must read back the same.
#include "core/csv/CsvReader.h"
#include "core/csv/CsvWriter.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QBuffer>
#include <QByteArray>
#include <QList>
#include <algorithm>

using namespace rapport;

namespace {

using Records = QList<QList<QByteArray>>;

// Every record up to the end of the input or its first error; the error, when there is one, must stick.
Records readRecords(const QByteArray& bytes, const CsvReadOptions& options, bool* readToEnd)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    FUZZ_CHECK(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(buffer, QStringLiteral("fuzz.csv"), options);
    Records records;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more) {
            FUZZ_CHECK(more.error().kind == ErrorKind::BadInput);
            FUZZ_CHECK(!reader.next().ok());
            *readToEnd = false;
            return records;
        }
        if (!*more) {
            *readToEnd = true;
            return records;
        }
        const CsvRecord& record = reader.record();
        FUZZ_CHECK(record.size() <= options.maxFields);
        QList<QByteArray> fields;
        for (int i = 0; i < record.size(); ++i)
            fields << record.field(i).toByteArray();
        records << fields;
    }
}

QByteArray written(const Records& records)
{
    QBuffer buffer;
    FUZZ_CHECK(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer, QStringLiteral("fuzz-out.csv"));
    for (const QList<QByteArray>& fields : records) {
        for (const QByteArray& field : fields)
            writer.addText(QByteArrayView(field));
        FUZZ_CHECK(writer.endRow().ok());
    }
    FUZZ_CHECK(writer.finish().ok());
    return buffer.data();
}

// What reading back what CsvWriter wrote should give: cells neutralized as formulas get their apostrophe;
// a record of one empty field (read from a quoted "") is gone, because CsvWriter writes it as an empty
// line, which readers skip; and a first cell starting with U+FEFF loses it, because CsvWriter leaves it
// unquoted (when nothing else needs quotes) and readers take it for a byte-order mark. When blank records
// are skipped, a first record that was only that mark and empty cells is then skipped too.
Records expectedReread(Records records, bool skipBlankRecords)
{
    const auto unquoted = [](const QByteArray& cell) {
        return !cell.contains(',') && !cell.contains('"') && !cell.contains('\r') && !cell.contains('\n');
    };
    // Neutralizing looks at the cell as written, before a reader drops its U+FEFF: "\uFEFF\t…" is written
    // as it is and reads back as "\t…".
    for (QList<QByteArray>& fields : records)
        for (QByteArray& field : fields)
            if (CsvWriter::needsNeutralizing(field))
                field.prepend('\'');
    if (!records.isEmpty() && !records[0].isEmpty() && records[0][0].startsWith("\xEF\xBB\xBF") &&
        unquoted(records[0][0]))
        records[0][0].remove(0, 3);
    const auto allEmpty = [](const QList<QByteArray>& fields) {
        return std::all_of(fields.cbegin(), fields.cend(),
                           [](const QByteArray& cell) { return cell.isEmpty(); });
    };
    records.removeIf([&](const QList<QByteArray>& fields) {
        return (fields.size() == 1 && fields[0].isEmpty()) || (skipBlankRecords && allEmpty(fields));
    });
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the options, so that both encodings and both blank-record rules are reached.
    CsvReadOptions options;
    options.encoding = (data[0] & 1) ? CsvEncoding::Latin1 : CsvEncoding::Utf8;
    options.skipBlankRecords = (data[0] & 2) == 0;
    options.maxFields = 64;
    options.maxFieldBytes = 1024;
    const QByteArray input(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));

    bool readToEnd = false;
    const Records records = readRecords(input, options, &readToEnd);

    CsvReadOptions again;
    again.skipBlankRecords = options.skipBlankRecords;
    again.maxFields = options.maxFields;
    again.maxFieldBytes = options.maxFieldBytes + 1; // room for a neutralizing apostrophe
    bool rereadToEnd = false;
    const Records reread = readRecords(written(records), again, &rereadToEnd);
    FUZZ_CHECK(rereadToEnd);
    FUZZ_CHECK(reread == expectedReread(records, options.skipBlankRecords));
    return 0;
}
