// SPDX-License-Identifier: GPL-3.0-or-later
// VCardReader and VCardWriter: each version, folding, quoted-printable, charsets, escapes, groups, and
// errors that name the line.
#include "core/vcard/VCardReader.h"
#include "core/vcard/VCardWriter.h"

#include <QBuffer>
#include <catch2/catch.hpp>

using namespace rapport;

namespace {

struct ReadResult
{
    QList<VCard> cards;
    QString error; // empty when the whole input was read
};

ReadResult readAll(QByteArray bytes)
{
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    VCardReader reader(buffer, QStringLiteral("people.vcf"));
    ReadResult result;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more) {
            result.error = more.error().message;
            return result;
        }
        if (!*more)
            return result;
        result.cards << reader.card();
    }
}

VCard readOne(const QByteArray& bytes)
{
    const ReadResult read = readAll(bytes);
    INFO(read.error.toStdString());
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.cards.size() == 1);
    return read.cards.constFirst();
}

QString textOf(const VCard& card, const char* name)
{
    const VCardProperty* property = card.first(QString::fromLatin1(name));
    return property ? property->text() : QStringLiteral("<none>");
}

} // namespace

TEST_CASE("vCard 3.0 and 4.0 cards are read with their properties and lines", "[vcard]")
{
    const ReadResult read =
        readAll("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n"
                "EMAIL;TYPE=INTERNET,WORK:ada@example.org\r\nEND:VCARD\r\n"
                "\r\n"
                "BEGIN:VCARD\nVERSION:4.0\nFN:Grace Hopper\nTEL;TYPE=\"work,voice\":+1 555 0100\n"
                "END:VCARD\n");
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.cards.size() == 2);
    const VCard& ada = read.cards.at(0);
    CHECK(ada.version == QLatin1String("3.0"));
    CHECK(ada.beginLine == 1);
    CHECK(ada.endLine == 6);
    CHECK(textOf(ada, "FN") == QLatin1String("Ada Lovelace"));
    CHECK(ada.first(QStringLiteral("N"))->components() ==
          QStringList{QStringLiteral("Lovelace"), QStringLiteral("Ada"), QString(), QString(), QString()});
    const VCardProperty* email = ada.first(QStringLiteral("EMAIL"));
    CHECK(email->line == 5);
    CHECK(email->hasType(QStringLiteral("work")));
    CHECK(email->hasType(QStringLiteral("internet")));
    const VCard& grace = read.cards.at(1);
    CHECK(grace.version == QLatin1String("4.0"));
    CHECK(grace.beginLine == 8);
    CHECK(grace.first(QStringLiteral("TEL"))->hasType(QStringLiteral("voice")));
    CHECK(textOf(grace, "TEL") == QLatin1String("+1 555 0100"));
}

TEST_CASE("vCard 2.1 bare parameters, quoted-printable with soft breaks and CHARSET are decoded", "[vcard]")
{
    const VCard card =
        readOne("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC"
                "ller;J=C3=B6rg\r\n"
                "NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond =\r\nline\r\n"
                "ORG;CHARSET=ISO-8859-1:Soci\xE9t\xE9\r\n"
                "TEL;WORK;VOICE:+33 1 23 45 67 89\r\nEND:VCARD\r\n");
    CHECK(card.first(QStringLiteral("N"))->components() ==
          QStringList{QStringLiteral("Müller"), QStringLiteral("Jörg")});
    CHECK(textOf(card, "NOTE") == QStringLiteral("first line\r\nsecond line"));
    CHECK(textOf(card, "ORG") == QStringLiteral("Société"));
    CHECK(card.first(QStringLiteral("TEL"))->hasType(QStringLiteral("work")));
    CHECK(card.first(QStringLiteral("NOTE"))->line == 4);
    CHECK(card.first(QStringLiteral("ORG"))->line == 6);
}

TEST_CASE("vCard folded lines are joined, also inside a UTF-8 sequence and after CR CR LF", "[vcard]")
{
    const QByteArray e = "\xC3\xA9"; // é
    const VCard card = readOne("BEGIN:VCARD\r\r\nVERSION:4.0\r\r\nFN:Ren" + e.left(1) + "\r\r\n " +
                               e.right(1) + " Descartes\r\r\nNOTE:one\r\n\ttwo\r\nEND:VCARD\r\r\n");
    CHECK(textOf(card, "FN") == QStringLiteral("René Descartes"));
    CHECK(textOf(card, "NOTE") == QStringLiteral("onetwo"));
    CHECK(card.first(QStringLiteral("NOTE"))->line == 5);
    CHECK(card.endLine == 7);
}

TEST_CASE("vCard escapes, groups and a missing VERSION", "[vcard]")
{
    const VCard card =
        readOne("BEGIN:VCARD\nFN:Smith\\, John\nNOTE:a\\nb\\;c\\\\d\n"
                "CATEGORIES:Core contributors,Speakers\\, 2024, ,Friends\n"
                "item1.URL:https://github.com/ada\nitem1.X-ABLabel:GitHub\n"
                "X-SOCIALPROFILE;TYPE=twitter;X-USER=\"ada:l\":https://twitter.com/ada\nEND:VCARD\n");
    CHECK(card.version.isEmpty());
    CHECK(textOf(card, "FN") == QStringLiteral("Smith, John"));
    CHECK(textOf(card, "NOTE") == QStringLiteral("a\nb;c\\d"));
    CHECK(card.first(QStringLiteral("CATEGORIES"))->list() == QStringList{QStringLiteral("Core contributors"),
                                                                          QStringLiteral("Speakers, 2024"),
                                                                          QStringLiteral("Friends")});
    const VCardProperty* url = card.first(QStringLiteral("URL"));
    CHECK(url->group == QLatin1String("item1"));
    const VCardProperty* label = card.inGroup(url->group, QStringLiteral("X-ABLABEL"));
    REQUIRE(label);
    CHECK(label->text() == QLatin1String("GitHub"));
    const VCardProperty* profile = card.first(QStringLiteral("X-SOCIALPROFILE"));
    CHECK(profile->parameter(QStringLiteral("x-user")) == QStringList{QStringLiteral("ada:l")});
    CHECK(profile->text() == QLatin1String("https://twitter.com/ada"));
}

namespace {

// The syntax problem of each card read, "" for a card without one.
QStringList problemsOf(const QByteArray& bytes)
{
    const ReadResult read = readAll(bytes);
    INFO(read.error.toStdString());
    REQUIRE(read.error.isEmpty());
    QStringList problems;
    for (const VCard& card : read.cards)
        problems << card.syntaxProblem;
    return problems;
}

} // namespace

TEST_CASE("vCard text that is not a card refuses only its card, naming the line", "[vcard]")
{
    CHECK(
        problemsOf("BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n") ==
        QStringList{QStringLiteral("people.vcf: line 1: BEGIN:VCARD without END:VCARD (the next card begins "
                                   "at line 3)"),
                    QString()});
    CHECK(problemsOf("BEGIN:VCARD\nFN:A\n") ==
          QStringList{QStringLiteral("people.vcf: line 1: BEGIN:VCARD without END:VCARD")});
    CHECK(problemsOf("\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 2: END:VCARD without BEGIN:VCARD")});
    CHECK(problemsOf("FN:A\nEMAIL:a@example.org\nBEGIN:VCARD\nFN:B\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 1: FN outside a card (BEGIN:VCARD expected)"),
                      QString()});
    CHECK(problemsOf("BEGIN:VCARD\nVERSION:4.0\nFN:\xFF\xFE\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 3: FN: the value is not valid UTF-8")});
    CHECK(problemsOf("BEGIN:VCARD\nFN;CHARSET=X-NOPE:A\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 2: FN: unknown CHARSET 'X-NOPE'")});
    CHECK(problemsOf("BEGIN:VCARD\nTEL;x type=cell:+1 555 0100\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 2: TEL: 'x type' is not a parameter name")});
    CHECK(problemsOf("BEGIN:VCARD\nT\xC3\xA9L:+1 555 0100\nEND:VCARD\n") ==
          QStringList{QStringLiteral("people.vcf: line 2: 'T\u00e9L' is not a property name")});
}

TEST_CASE("vCard reading goes on after a refused card, which keeps what came before its bad line", "[vcard]")
{
    const ReadResult read = readAll("BEGIN:VCARD\nVERSION:4.0\nFN:Ada\nthis is not a property\nFN:Not read\n"
                                    "END:VCARD\nnot a card either\nBEGIN:VCARD\nVERSION:4.0\nFN:Grace\n"
                                    "END:VCARD\n");
    INFO(read.error.toStdString());
    REQUIRE(read.error.isEmpty());
    REQUIRE(read.cards.size() == 3);
    const VCard& refused = read.cards.at(0);
    CHECK(refused.syntaxProblem ==
          QStringLiteral("people.vcf: line 4: 'this is not a property' is not NAME:VALUE"));
    CHECK(refused.beginLine == 1);
    CHECK(refused.endLine == 6);
    CHECK(refused.version == QStringLiteral("4.0"));
    CHECK(textOf(refused, "FN") == QStringLiteral("Ada"));
    CHECK(refused.all(QStringLiteral("FN")).size() == 1);
    CHECK(read.cards.at(1).syntaxProblem ==
          QStringLiteral("people.vcf: line 7: 'not a card either' is not NAME:VALUE"));
    CHECK(read.cards.at(1).properties.isEmpty());
    const VCard& grace = read.cards.at(2);
    CHECK(grace.syntaxProblem.isEmpty());
    CHECK(grace.beginLine == 8);
    CHECK(grace.endLine == 11);
    CHECK(textOf(grace, "FN") == QStringLiteral("Grace"));
}

TEST_CASE("vCard soft line breaks are only those of a value declared quoted-printable", "[vcard]")
{
    // Found by VCardReaderFuzz: a parameter value naming QUOTED-PRINTABLE made "M=" end in a soft break
    // that swallowed END:VCARD, though the value was not decoded as quoted-printable.
    const VCard card = readOne("BEGIN:VCARD\r\nVERSION:2.1\r\nN;X-NOTE=QUOTED-PRINTABLE:M=\r\nEND:VCARD\r\n");
    CHECK(textOf(card, "N") == QStringLiteral("M="));
    CHECK(card.syntaxProblem.isEmpty());
    const VCard decoded =
        readOne("BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;QUOTED-PRINTABLE:a=\r\nb\r\nEND:VCARD\r\n");
    CHECK(textOf(decoded, "NOTE") == QStringLiteral("ab"));
}

TEST_CASE("vCard files are recognized by their first line", "[vcard]")
{
    CHECK(VCardReader::looksLikeVCard("\xEF\xBB\xBF\r\nbegin:vcard\r\n"));
    CHECK(VCardReader::looksLikeVCard("BEGIN:VCARD"));
    CHECK_FALSE(VCardReader::looksLikeVCard("First Name,Last Name\r\n"));
    CHECK_FALSE(VCardReader::looksLikeVCard("BEGIN:VCAL"));
}

TEST_CASE("vCard writer folds at 75 octets without splitting UTF-8, escapes, and reads back", "[vcard]")
{
    VCard card;
    card.properties << VCardProperty::fromText(QStringLiteral("FN"), QString(70, QChar(0xE9)))
                    << VCardProperty::fromComponents(QStringLiteral("N"),
                                                     {QStringLiteral("Smith; Jr"), QStringLiteral("John, A")})
                    << VCardProperty::fromList(QStringLiteral("CATEGORIES"),
                                               {QStringLiteral("a,b"), QStringLiteral("c")})
                    << VCardProperty::fromText(QStringLiteral("NOTE"), QStringLiteral("two\nlines\\"));
    VCardProperty profile = VCardProperty::fromText(QStringLiteral("SOCIALPROFILE"), QStringLiteral("ada"));
    profile.parameters << VCardParameter{QStringLiteral("SERVICE-TYPE"), {QStringLiteral("a:b")}};
    card.properties << profile;

    const QByteArray v4 = writeVCard(card);
    CHECK(v4.startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n"));
    CHECK(v4.endsWith("END:VCARD\r\n"));
    CHECK(v4.contains("SOCIALPROFILE;SERVICE-TYPE=\"a:b\":ada\r\n"));
    CHECK(v4.contains("NOTE:two\\nlines\\\\\r\n"));
    for (const QByteArray& line : v4.split('\n')) {
        CHECK(line.size() <= 76);                        // 75 octets and the CR
        CHECK(QString::fromUtf8(line).toUtf8() == line); // no line ends inside a UTF-8 sequence
    }
    CHECK(writeVCard(card, VCardVersion::V3).contains("VERSION:3.0\r\n"));

    const VCard back = readOne(v4);
    CHECK(back.version == QLatin1String("4.0"));
    CHECK(textOf(back, "FN") == QString(70, QChar(0xE9)));
    CHECK(back.first(QStringLiteral("N"))->components() ==
          QStringList{QStringLiteral("Smith; Jr"), QStringLiteral("John, A")});
    CHECK(back.first(QStringLiteral("CATEGORIES"))->list() ==
          QStringList{QStringLiteral("a,b"), QStringLiteral("c")});
    CHECK(textOf(back, "NOTE") == QStringLiteral("two\nlines\\"));
    CHECK(back.first(QStringLiteral("SOCIALPROFILE"))->parameter(QStringLiteral("SERVICE-TYPE")) ==
          QStringList{QStringLiteral("a:b")});
}

TEST_CASE("vCard 2.1 quoted-printable cards are written as plain UTF-8 that reads back the same", "[vcard]")
{
    // Found by VCardReaderFuzz: the writer kept ENCODING and CHARSET on values it holds decoded.
    const VCard card =
        readOne("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BC"
                "ller;J=C3=B6rg\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=0D=0Ab =\r\nc\r\n"
                "TEL;WORK;VOICE;QUOTED-PRINTABLE:+33=201\r\nEND:VCARD\r\n");
    const QByteArray written = writeVCard(card);
    CHECK_FALSE(written.contains("ENCODING"));
    CHECK_FALSE(written.contains("CHARSET"));
    const VCard back = readOne(written);
    CHECK(back.first(QStringLiteral("N"))->components() ==
          QStringList{QStringLiteral("Müller"), QStringLiteral("Jörg")});
    CHECK(textOf(back, "NOTE") == QStringLiteral("a\nb c"));
    CHECK(textOf(back, "TEL") == QStringLiteral("+33 1"));
}
