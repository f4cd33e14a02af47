// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport import contacts FILE.vcf`, `rapport export vcard` and the card in `rapport export person`,
// exercised by running the real binary.
#include "tests/support/CliSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace rapport::test;

namespace {

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

const QByteArray twoCards =
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
    "EMAIL;TYPE=INTERNET,WORK:ada@example.org\r\nCATEGORIES:press\r\n"
    "UID:ada-1\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQ\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nTEL;TYPE=CELL:+1 202 555 0147\r\n"
    "END:VCARD\r\n";

} // namespace

TEST_CASE("rapport import contacts reads a .vcf file by its content, and again adds nothing", "[cli][vcard]")
{
    CliDatabase db;
    // Named .txt: the content, not the name, makes it a vCard file.
    const QString path = db.file(QStringLiteral("phone-export.txt"));
    writeFile(path, twoCards);
    const Run dry =
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path, QStringLiteral("--dry-run")});
    CHECK(dry.exitCode == 0);
    CHECK(dry.out.contains(QStringLiteral("dry run, nothing written: contacts (vCard): 2 created")));
    const Run imported = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    INFO(imported.err.toStdString());
    CHECK(imported.exitCode == 0);
    CHECK(imported.out.contains(QStringLiteral("vCard properties not imported: PHOTO")));
    CHECK(imported.out.contains(QStringLiteral("imported contacts (vCard): 2 created, 0 unchanged")));
    const Run again = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(again.out.contains(QStringLiteral("0 created, 2 unchanged, 0 updated, 0 skipped")));
}

TEST_CASE("rapport import contacts refuses a card naming file and line, exit 2, and writes nothing",
          "[cli][vcard]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("bad.vcf"));
    writeFile(path, twoCards + "BEGIN:VCARD\r\nVERSION:2.1\r\nTEL;CELL:+46 70 123 45 67\r\nEND:VCARD\r\n");
    const Run refused = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(path + QStringLiteral(": line 15: the card has no FN, N or EMAIL to name the "
                                                     "contact by")));
    CHECK(refused.err.contains(path + QStringLiteral(": nothing imported (1 problem)")));
    const Run listed = db.run(QStringLiteral("export"), {QStringLiteral("contacts")});
    CHECK(listed.out.count(QLatin1Char('\n')) == 1); // the header only
}

TEST_CASE("rapport export vcard writes 4.0 or 3.0 with the report filters, to a file or stdout",
          "[cli][vcard]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("in.vcf"));
    writeFile(path, twoCards);
    REQUIRE(db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path}).exitCode == 0);

    const QString out = db.file(QStringLiteral("out.vcf"));
    const Run written =
        db.run(QStringLiteral("export"), {QStringLiteral("vcard"), QStringLiteral("--output"), out});
    CHECK(written.exitCode == 0);
    CHECK(written.out.contains(QStringLiteral("exported vcard to %1 (2 cards, vCard 4.0)").arg(out)));
    const QByteArray cards = readFile(out);
    CHECK(cards.count("VERSION:4.0\r\n") == 2);
    CHECK(cards.contains("UID:ada-1\r\n"));
    CHECK(cards.contains("EMAIL;TYPE=work:ada@example.org\r\n"));
    CHECK(cards.contains("TEL;TYPE=cell:+1 202 555 0147\r\n"));

    const Run tagged = db.run(QStringLiteral("export"),
                              {QStringLiteral("vcard"), QStringLiteral("--tag"), QStringLiteral("press"),
                               QStringLiteral("--vcard-version"), QStringLiteral("3")});
    CHECK(tagged.exitCode == 0);
    CHECK(tagged.outBytes.count("BEGIN:VCARD") == 1);
    CHECK(tagged.outBytes.contains("VERSION:3.0\r\nPRODID:-//Rapport//Rapport//EN\r\nFN:Ada Lovelace\r\n"));

    // Into an empty database, then exported again: the same cards.
    CliDatabase other;
    REQUIRE(other.run(QStringLiteral("import"), {QStringLiteral("contacts"), out}).exitCode == 0);
    const Run back = other.run(QStringLiteral("export"), {QStringLiteral("vcard")});
    // Only REV, the time of the last change, differs; the UID made for Grace's card on the first export
    // was kept by the import.
    QByteArray withoutRevisions = back.outBytes;
    QByteArray expected = cards;
    for (QByteArray* bytes : {&withoutRevisions, &expected}) {
        QList<QByteArray> lines = bytes->split('\n');
        lines.removeIf([](const QByteArray& line) { return line.startsWith("REV:"); });
        *bytes = lines.join('\n');
    }
    CHECK(withoutRevisions == expected);

    const Run badVersion =
        db.run(QStringLiteral("export"),
               {QStringLiteral("vcard"), QStringLiteral("--vcard-version"), QStringLiteral("2.1")});
    CHECK(badVersion.exitCode == 2);
    CHECK(badVersion.err.contains(QStringLiteral("--vcard-version '2.1': expected 3 or 4")));
    const Run notCsv =
        db.run(QStringLiteral("export"),
               {QStringLiteral("contacts"), QStringLiteral("--vcard-version"), QStringLiteral("3")});
    CHECK(notCsv.exitCode == 1);
    const Run unknownTag = db.run(QStringLiteral("export"),
                                  {QStringLiteral("vcard"), QStringLiteral("--tag"), QStringLiteral("nope")});
    CHECK(unknownTag.exitCode == 2);
}

TEST_CASE("rapport export person holds the person's vCard", "[cli][vcard]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("in.vcf"));
    writeFile(path, twoCards);
    REQUIRE(db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path}).exitCode == 0);
    const Run person =
        db.run(QStringLiteral("export"),
               {QStringLiteral("person"), QStringLiteral("--contact"), QStringLiteral("ada@example.org")});
    REQUIRE(person.exitCode == 0);
    const QJsonObject document = QJsonDocument::fromJson(person.outBytes).object();
    const QString card = document.value(QStringLiteral("vcard")).toString();
    CHECK(card.startsWith(QStringLiteral("BEGIN:VCARD\r\nVERSION:4.0\r\n")));
    CHECK(card.contains(QStringLiteral("UID:ada-1\r\n")));
    CHECK(card.endsWith(QStringLiteral("END:VCARD\r\n")));
    CHECK(document.value(QStringLiteral("vcard_uids")).toArray().size() == 1);
}
