// SPDX-License-Identifier: GPL-3.0-or-later
// CsvReader: RFC 4180 and real-world CSV, line numbers, and clear errors for what is not CSV text.
#include "core/csv/CsvReader.h"

#include "core/csv/CsvWriter.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>

using namespace rapport;
using namespace rapport::test;

namespace {

struct ReadResult
{
    QList<QStringList> rows;
    QList<qint64> lines;
    QString error; // empty when the whole input was read
};

ReadResult readAll(const QByteArray& bytes, CsvReadOptions options = {}, const QStringList& names = {})
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(buffer, QStringLiteral("people.csv"), options);
    reader.setColumnNames(names);
    ReadResult result;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more) {
            result.error = more.error().message;
            CHECK(more.error().kind == ErrorKind::BadInput);
            const Result<bool> again = reader.next();
            CHECK_FALSE(again.ok()); // an error sticks
            break;
        }
        if (!*more)
            break;
        result.rows << reader.record().texts();
        result.lines << reader.record().line();
    }
    return result;
}

} // namespace

TEST_CASE("CsvReader reads RFC 4180 quoting: commas, quotes and line breaks inside values", "[csv]")
{
    const ReadResult read =
        readAll("name,notes\r\n\"Álvarez, José\",\"He said \"\"hi\"\"\"\r\nZoë 🚀,\"two\r\nlines\"\r\n");
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.rows.size() == 3);
    CHECK(read.rows[1] == QStringList{QStringLiteral("Álvarez, José"), QStringLiteral("He said \"hi\"")});
    CHECK(read.rows[2] == QStringList{QStringLiteral("Zoë 🚀"), QStringLiteral("two\r\nlines")});
}

TEST_CASE("CsvReader reads CRLF and LF alike, and a last line without a line break", "[csv]")
{
    const ReadResult crlf = readAll("a,b\r\n1,2\r\n3,4");
    const ReadResult lf = readAll("a,b\n1,2\n3,4\n");
    REQUIRE(crlf.error.isEmpty());
    CHECK(crlf.rows == lf.rows);
    CHECK(crlf.rows.size() == 3);
    CHECK(crlf.rows[2] == QStringList{QStringLiteral("3"), QStringLiteral("4")});
}

TEST_CASE("CsvReader drops a UTF-8 byte-order mark and keeps spaces around values", "[csv]")
{
    const ReadResult read = readAll("\xEF\xBB\xBFname,city\n  Ada , London\n");
    REQUIRE(read.error.isEmpty());
    CHECK(read.rows[0] == QStringList{QStringLiteral("name"), QStringLiteral("city")});
    CHECK(read.rows[1] == QStringList{QStringLiteral("  Ada "), QStringLiteral(" London")});
}

TEST_CASE("CsvReader skips empty lines and rows of empty values but counts their lines", "[csv]")
{
    const ReadResult read = readAll("a,b\n\n1,2\r\n,,\n\r\n3,\"x\ny\"\n4,5\n");
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.rows.size() == 4);
    CHECK(read.lines == QList<qint64>{1, 3, 6, 8});
    CHECK(read.rows[2] == QStringList{QStringLiteral("3"), QStringLiteral("x\ny")});
}

TEST_CASE("CsvReader reports rows of any length as they are (ragged rows)", "[csv]")
{
    const ReadResult read = readAll("a,b,c\n1\n1,2,3,4\n");
    REQUIRE(read.error.isEmpty());
    CHECK(read.rows[1].size() == 1);
    CHECK(read.rows[2].size() == 4);
}

TEST_CASE("CsvReader names the line and column of each field, after quoted line breaks too", "[csv]")
{
    QByteArray data = "name,notes,email\nAda,\"one\ntwo\nthree\",ada@example.org\nBob,x,bob@example.org\n";
    QBuffer buffer(&data);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(buffer, QStringLiteral("people.csv"));
    REQUIRE(*reader.next());
    REQUIRE(*reader.next());
    CHECK(reader.record().line() == 2);
    CHECK(reader.record().fieldLine(1) == 2);
    CHECK(reader.record().fieldLine(2) == 4);
    REQUIRE(*reader.next());
    CHECK(reader.record().line() == 5);
    CHECK(reader.location(5, 2) == QStringLiteral("people.csv: line 5, column 3"));
    reader.setColumnNames({QStringLiteral("name"), QStringLiteral("notes"), QStringLiteral("email")});
    CHECK(reader.location(5, 2) == QStringLiteral("people.csv: line 5, column 'email'"));
    CHECK_FALSE(*reader.next());
    CHECK(reader.bytesRead() == data.size());
}

TEST_CASE("An unterminated quote is an error naming the line where the quote opened", "[csv]")
{
    const ReadResult read = readAll("name,notes\nAda,fine\nBob,\"never closed\nmore\nand more\n", {},
                                    {QStringLiteral("name"), QStringLiteral("notes")});
    CHECK(read.rows.size() == 2);
    CHECK(read.error == QStringLiteral("people.csv: line 3, column 'notes': a quoted value never ends: its "
                                       "closing quote (\") is missing"));

    const ReadResult atEnd = readAll("a,b\n1,\"2");
    CHECK(atEnd.error.startsWith(QStringLiteral("people.csv: line 2, column 2: a quoted value never ends")));
}

TEST_CASE("A stray quote inside a quoted value is an error naming line, column and character", "[csv]")
{
    // Read as text up to the next quote, it would merge the three rows below the header into one value.
    const ReadResult read =
        readAll("name,email\n\"Jo \"JJ\" Smith,jo@example.org\nAlice Jones,alice@example.org\n"
                "\"Carol King\",carol@example.org\n",
                {}, {QStringLiteral("name"), QStringLiteral("email")});
    CHECK(read.rows.size() == 1);
    CHECK(read.error ==
          QStringLiteral("people.csv: line 2, column 'name': a quote (\") inside a quoted value "
                         "must be doubled (\"\") or end the value (the quote at character 5 "
                         "of the line)"));

    // The same rule on a later line of a multi-line value, after multi-byte characters, in Latin-1 too.
    const ReadResult continued = readAll("a,b\n1,\"Zoë 🚀\nsaid \"hi\" twice\"\n");
    CHECK(continued.error ==
          QStringLiteral("people.csv: line 3, column 2: a quote (\") inside a quoted value "
                         "must be doubled (\"\") or end the value (the quote at character "
                         "6 of the line)"));
    CsvReadOptions latin1;
    latin1.encoding = CsvEncoding::Latin1;
    CHECK(readAll("a,b\n\"Jos\xE9\"x,1\n", latin1)
              .error.endsWith(QStringLiteral("(the quote at character 6 of the line)")));
    // A value that ends with a quote and then more text, and an empty quoted value followed by text.
    CHECK(
        readAll("a,b\n\"x\" ,1\n").error.startsWith(QStringLiteral("people.csv: line 2, column 1: a quote")));
    CHECK(
        readAll("a,b\n1,\"\"2\n").error.startsWith(QStringLiteral("people.csv: line 2, column 2: a quote")));
}

TEST_CASE("Quotes that are doubled, end a value or stand in an unquoted value are still read", "[csv]")
{
    const ReadResult read = readAll("a,b,c\n\"say \"\"hi\"\"\",\"\",\"\"\"\"\"\"\r\n"
                                    "Jo \"JJ\" Smith,\"multi\nline \"\"quoted\"\"\nvalue\",\"x\"\n"
                                    "\"last\",\"no line break\"");
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.rows.size() == 4);
    CHECK(read.rows[1] == QStringList{QStringLiteral("say \"hi\""), QString(), QStringLiteral("\"\"")});
    CHECK(read.rows[2] == QStringList{QStringLiteral("Jo \"JJ\" Smith"),
                                      QStringLiteral("multi\nline \"quoted\"\nvalue"), QStringLiteral("x")});
    CHECK(read.lines == QList<qint64>{1, 2, 3, 6});
    CHECK(read.rows[3] == QStringList{QStringLiteral("last"), QStringLiteral("no line break")});
}

TEST_CASE("A stray quote is found when a read chunk ends right after it", "[csv]")
{
    // The first read is 256 KiB: the quote is its last byte, the text after it starts the next read.
    const qsizetype chunk = 256 * 1024;
    QByteArray data = "a,b\n";
    while (data.size() < chunk - 100)
        data += "1,2\n";
    data += "3,\"";
    data += QByteArray(chunk - data.size() - 1, 'x');
    data += "\"y\"\n4,5\n";
    REQUIRE(data.at(chunk - 1) == '"');
    const ReadResult read = readAll(data);
    CHECK(read.error.startsWith(QStringLiteral("people.csv: line %1, column 2: a quote (\") inside a quoted "
                                               "value must be doubled")
                                    .arg(read.rows.size() + 1)));
    CHECK(read.error.endsWith(QStringLiteral("(the quote at character %1 of the line)")
                                  .arg(chunk - data.lastIndexOf("3,\"", chunk))));
}

TEST_CASE("A runaway quoted value stops at the size limit instead of filling memory", "[csv]")
{
    CsvReadOptions options;
    options.maxFieldBytes = 1000;
    QByteArray data = "a,b\n1,\"";
    for (int i = 0; i < 200; ++i)
        data += "a line of text that goes on and on\n";
    const ReadResult read = readAll(data, options);
    CHECK(read.error.startsWith(
        QStringLiteral("people.csv: line 2, column 2: a value is longer than 1000 bytes")));
}

TEST_CASE("Invalid UTF-8 is an error naming line and column, and Latin-1 reads the same file", "[csv]")
{
    const QByteArray latin1 = "name,company\nAda,Analytical\nJos\xE9,Soci\xE9t\xE9 G\xE9n\xE9rale\n";
    const ReadResult strict = readAll(latin1, {}, {QStringLiteral("name"), QStringLiteral("company")});
    CHECK(strict.rows.size() == 2);
    CHECK(strict.error.startsWith(
        QStringLiteral("people.csv: line 3, column 'name': not valid UTF-8 (byte 0xe9 after 'Jos').")));
    CHECK(strict.error.contains(QStringLiteral("Latin-1")));

    CsvReadOptions options;
    options.encoding = CsvEncoding::Latin1;
    const ReadResult decoded = readAll(latin1, options);
    REQUIRE(decoded.error.isEmpty());
    CHECK(decoded.rows[2] == QStringList{QStringLiteral("José"), QStringLiteral("Société Générale")});

    const ReadResult inQuotedBreak = readAll("a,b\n1,\"ok\nbad \xFF here\"\n");
    CHECK(inQuotedBreak.error.startsWith(
        QStringLiteral("people.csv: line 3, column 2: not valid UTF-8 (byte 0xff")));
    CHECK(parseCsvEncoding(QStringLiteral("latin-1")) == CsvEncoding::Latin1);
    CHECK(parseCsvEncoding(QStringLiteral("UTF-8")) == CsvEncoding::Utf8);
    CHECK_FALSE(parseCsvEncoding(QStringLiteral("ebcdic")));
}

TEST_CASE("Files that are not CSV text are refused with a clear error", "[csv]")
{
    CHECK(readAll(QByteArray("PK\x03\x04\x14\x00\x06\x00", 8)).error ==
          QStringLiteral(
              "people.csv: line 1: not a CSV file: this is a ZIP archive, for instance an Excel workbook "
              "(.xlsx) or a LibreOffice document. Save or export it as CSV (UTF-8) and import that"));
    CHECK(readAll("%PDF-1.7\n...").error.contains(QStringLiteral("this is a PDF document")));
    CHECK(readAll(QByteArray("\xFF\xFEn\x00"
                             "a\x00",
                             6))
              .error.contains(QStringLiteral("UTF-16")));
    CHECK(
        readAll(QByteArray("name,email\nAda,a\x00\x01\x02\n", 19)).error ==
        QStringLiteral("people.csv: line 2: not a CSV text file: it contains binary data (a NUL byte). If it "
                       "is UTF-16 text, save it as CSV UTF-8"));
    CHECK(readAll("").rows.isEmpty());
}

TEST_CASE("CsvReader::open names the file when it cannot be read", "[csv]")
{
    QTemporaryDir dir;
    const Result<std::unique_ptr<CsvReader>> missing =
        CsvReader::open(dir.filePath(QStringLiteral("nope.csv")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.startsWith(dir.filePath(QStringLiteral("nope.csv")) +
                                             QStringLiteral(": cannot open")));
    const Result<std::unique_ptr<CsvReader>> folder = CsvReader::open(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message.endsWith(QStringLiteral("is a folder, not a CSV file")));
}

TEST_CASE("Whatever CsvWriter writes, CsvReader reads back, across read-buffer boundaries", "[csv]")
{
    // Random cells with the characters that matter, over several 256 KiB read chunks.
    QRandomGenerator random(42);
    const QList<QString> pieces{QStringLiteral("a"),  QStringLiteral(","),    QStringLiteral("\""),
                                QStringLiteral("\n"), QStringLiteral("\r\n"), QStringLiteral(" "),
                                QStringLiteral("é"),  QStringLiteral("🚀"),    QStringLiteral("漢"),
                                QStringLiteral("x"),  QStringLiteral("yz")};
    QList<QStringList> rows;
    for (int r = 0; r < 6000; ++r) {
        QStringList row;
        for (int c = 0; c < 5; ++c) {
            QString cell = QStringLiteral("v");
            const int length = static_cast<int>(random.bounded(30));
            for (int i = 0; i < length; ++i)
                cell += pieces[static_cast<qsizetype>(random.bounded(static_cast<int>(pieces.size())))];
            row << cell;
        }
        rows << row;
    }
    QByteArray data;
    QBuffer sink(&data);
    REQUIRE(sink.open(QIODevice::WriteOnly));
    CsvWriter writer(sink, QStringLiteral("memory"));
    for (const QStringList& row : std::as_const(rows)) {
        for (const QString& cell : row)
            writer.addText(cell);
        requireOk(writer.endRow());
    }
    requireOk(writer.finish());
    sink.close();
    REQUIRE(data.size() > 3 * 256 * 1024);

    const ReadResult read = readAll(data);
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.rows.size() == rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        INFO("row " << i);
        REQUIRE(read.rows[i] == rows[i]);
    }
}

TEST_CASE("CsvReader streams a large file in constant memory and reports progress", "[csv][slow]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.csv"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    const QByteArray row = "12345,2024-05-01T10:00:00Z,email,outbound,\"Talked about the roadmap, again\"\n";
    QByteArray block;
    for (int i = 0; i < 1000; ++i)
        block += row;
    for (int i = 0; i < 200; ++i)
        file.write(block);
    file.close();

    Result<std::unique_ptr<CsvReader>> reader = CsvReader::open(path);
    REQUIRE(reader.ok());
    qint64 rows = 0;
    qint64 lastProgress = 0;
    while (*(*reader)->next()) {
        ++rows;
        CHECK((*reader)->record().size() == 5);
        if (rows % 50000 == 0) {
            CHECK((*reader)->bytesRead() > lastProgress);
            lastProgress = (*reader)->bytesRead();
        }
    }
    CHECK(rows == 200000);
    CHECK((*reader)->bytesRead() == (*reader)->size());
}

TEST_CASE("CsvReader reads semicolon- and tab-separated values when told, and guesses which", "[csv]")
{
    CsvReadOptions semicolons;
    semicolons.delimiter = ';';
    const ReadResult read =
        readAll("name;notes\r\n\"Lovelace; Ada\";\"said \"\"hi\"\", then, left\"\r\nBob;x,y\r\n", semicolons);
    REQUIRE(read.error.isEmpty());
    CHECK(read.rows ==
          QList<QStringList>{{QStringLiteral("name"), QStringLiteral("notes")},
                             {QStringLiteral("Lovelace; Ada"), QStringLiteral("said \"hi\", then, left")},
                             {QStringLiteral("Bob"), QStringLiteral("x,y")}});
    // With commas, a quoted value followed by a semicolon is not CSV.
    CHECK(readAll("\"a\";b\n").error.contains(QStringLiteral("must be doubled")));

    CsvReadOptions tabs;
    tabs.delimiter = '\t';
    CHECK(readAll("a\tb,c\n", tabs).rows == QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b,c")}});

    CHECK(guessCsvDelimiter("\xEF\xBB\xBFname;email;role\r\nAda;a@x;host\r\n") == ';');
    CHECK(guessCsvDelimiter("name\temail\n") == '\t');
    CHECK(guessCsvDelimiter("\"a;b\",c\n") == ',');
    CHECK(guessCsvDelimiter("a;b,c\n") == ','); // a tie
    CHECK(guessCsvDelimiter("") == ',');
}
