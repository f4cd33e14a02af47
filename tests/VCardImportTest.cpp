// SPDX-License-Identifier: GPL-3.0-or-later
// vCard files as contacts: a corpus in the shapes real address books write (an iPhone, Outlook 2.1, Google
// Contacts, a Nextcloud server, an old Nokia, CR CR LF line ends, cards without FN or without anything
// usable), each imported or refused with its line; re-imports matched by UID; the export read back into
// an empty database; the UID table's migration.
#include "core/import/CsvImporter.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ContactMerge.h"
#include "core/services/PersonData.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/Migrations.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TrustNoteRepository.h"
#include "core/vcard/VCardExport.h"
#include "core/vcard/VCardReader.h"
#include "tests/support/TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace rapport;
using namespace rapport::test;
using Catch::Matchers::Contains;

namespace {

// Apple Contacts on iOS: 3.0, itemN groups with X-ABLabel, X-SOCIALPROFILE, a folded PHOTO.
const QByteArray iphone =
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.2//EN\r\n"
    "N:Lovelace;Ada;Augusta;;\r\n"
    "FN:Ada Lovelace\r\n"
    "ORG:Analytical Engines Ltd;Research;\r\n"
    "TITLE:Mathematician\r\n"
    "item1.EMAIL;type=INTERNET;type=pref:ada@example.org\r\n"
    "item1.X-ABLabel:_$!<Other>!$_\r\n"
    "EMAIL;type=INTERNET;type=WORK:ada@engines.example\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+44 7700 900123\r\n"
    "item2.TEL:+44 20 7946 0000\r\n"
    "item2.X-ABLabel:Office\r\n"
    "item3.URL;type=pref:https://ada.example\r\n"
    "item3.X-ABLabel:_$!<HomePage>!$_\r\n"
    "X-SOCIALPROFILE;type=twitter:https://twitter.com/ada_l\r\n"
    "X-SOCIALPROFILE;type=linkedin;x-user=ada-lovelace:https://www.linkedin.com/in/ada-lovelace\r\n"
    "IMPP;X-SERVICE-TYPE=Skype;type=HOME;type=pref:skype:ada.l\r\n"
    "item4.ADR;type=HOME;type=pref:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom\r\n"
    "item4.X-ABADR:gb\r\n"
    "BDAY:1815-12-10\r\n"
    "NOTE:Met at the Royal Society\\, 1843.\\nLikes poetry.\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U\r\n"
    " HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAARCAABAAEDASIA\r\n"
    "X-ABUID:5AD380FD-B2DE-4261-BA99-DE1D1DB52FBE:ABPerson\r\n"
    "END:VCARD\r\n";

// Outlook's "Save as vCard": 2.1, Windows-1252 raw and quoted-printable with a soft line break.
const QByteArray outlook = "BEGIN:VCARD\r\n"
                           "VERSION:2.1\r\n"
                           "N;LANGUAGE=de;CHARSET=Windows-1252:M\xFCller;J\xFCrgen\r\n"
                           "FN;CHARSET=Windows-1252:J\xFCrgen M\xFCller\r\n"
                           "ORG;CHARSET=Windows-1252:B\xE4"
                           "ckerei M\xFCller GmbH\r\n"
                           "TITLE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Gesch=E4ftsf=FChrer\r\n"
                           "NOTE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:Liefert die Br=F6tchen =80 "
                           "0,45.=0D=0AVor 7 Uhr anrufen, =\r\n"
                           "sonst ist er in der Backstube.\r\n"
                           "TEL;WORK;VOICE:+49 30 1234567\r\n"
                           "TEL;CELL;VOICE:+49 170 1234567\r\n"
                           "TEL;HOME;FAX:\r\n"
                           "LABEL;WORK;PREF;ENCODING=QUOTED-PRINTABLE:Hauptstr. 1=0D=0A10115 Berlin\r\n"
                           "URL;WORK:http://www.baeckerei-mueller.example\r\n"
                           "EMAIL;PREF;INTERNET:juergen@baeckerei-mueller.example\r\n"
                           "REV:20240115T093000Z\r\n"
                           "END:VCARD\r\n";

// Google Contacts' export: 3.0, its own group in CATEGORIES, labels in X-ABLabel.
const QByteArray google = "BEGIN:VCARD\r\n"
                          "VERSION:3.0\r\n"
                          "FN:Grace Hopper\r\n"
                          "N:Hopper;Grace;Brewster Murray;Rear Admiral;\r\n"
                          "EMAIL;TYPE=INTERNET;TYPE=HOME:grace@example.net\r\n"
                          "item1.EMAIL;TYPE=INTERNET:g.hopper@navy.example\r\n"
                          "item1.X-ABLabel:Navy\r\n"
                          "TEL;TYPE=CELL:+1 202-555-0147\r\n"
                          "item2.URL:https\\://github.com/ghopper\r\n"
                          "item2.X-ABLabel:GitHub\r\n"
                          "CATEGORIES:Friends,myContacts,COBOL committee\r\n"
                          "END:VCARD\r\n";

// Nextcloud (Sabre/DAV): 4.0 with RFC 9554 SOCIALPROFILE, IMPP, UID, REV and a line folded inside "é".
const QByteArray nextcloud =
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "PRODID:-//Sabre//Sabre VObject 4.5.3//EN\r\n"
    "UID:8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a\r\n"
    "KIND:individual\r\n"
    "FN:Ren\xC3\r\n"
    " \xA9 Descartes\r\n"
    "N:Descartes;Ren\xC3\xA9;;;\r\n"
    "EMAIL;TYPE=work;PREF=1:rene@cogito.example\r\n"
    "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+33-6-12-34-56-78\r\n"
    "SOCIALPROFILE;SERVICE-TYPE=Mastodon:https://philo.social/@rene\r\n"
    "SOCIALPROFILE;SERVICE-TYPE=GitHub;USERNAME=rdescartes:https://github.com/rdescartes\r\n"
    "SOCIALPROFILE;SERVICE-TYPE=Discord;VALUE=text:rene#1650\r\n"
    "SOCIALPROFILE;SERVICE-TYPE=Flickr:https://www.flickr.com/photos/rene\r\n"
    "IMPP;PREF=1:xmpp:rene@jabber.example\r\n"
    "CATEGORIES:philosophy,mathematics\r\n"
    "NOTE:Cogito\\, ergo sum.\r\n"
    "REV:20250301T101500Z\r\n"
    "END:VCARD\r\n";

// An old Nokia phone: 2.1, ISO-8859-1 quoted-printable, no FN, CR CR LF line ends (a CRLF file
// copied through a tool that added a CR of its own).
const QByteArray nokia = "BEGIN:VCARD\r\r\n"
                         "VERSION:2.1\r\r\n"
                         "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=C5str=F6m;Bj=F6rn\r\r\n"
                         "TEL;CELL:+46701234567\r\r\n"
                         "TEL;WORK:\r\r\n"
                         "END:VCARD\r\r\n";

// A card without FN or N, named by its email; one without VERSION.
const QByteArray unnamed = "BEGIN:VCARD\n"
                           "VERSION:3.0\n"
                           "EMAIL:noreply-but-a-person@example.com\n"
                           "END:VCARD\n"
                           "BEGIN:VCARD\n"
                           "FN:Hedy Lamarr\n"
                           "TEL:+1 310 555 0100\n"
                           "END:VCARD\n";

// Apple's group card, which names contacts, not a person.
const QByteArray appleGroup = "BEGIN:VCARD\r\n"
                              "VERSION:3.0\r\n"
                              "FN:Book club\r\n"
                              "X-ADDRESSBOOKSERVER-KIND:group\r\n"
                              "X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a\r\n"
                              "END:VCARD\r\n";

QString write(TempDatabase& temp, const QString& name, const QByteArray& bytes)
{
    const QString path = temp.folder() + QLatin1Char('/') + name;
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
    return path;
}

ImportReport importFile(Database& db, const QString& path, bool dryRun = false)
{
    return require(CsvImporter(db, path, ImportOptions{}).run(dryRun));
}

Contact contactNamed(Database& db, const QString& name)
{
    SqliteStatement query(db.handle(), "SELECT id FROM contacts WHERE display_name = ?1");
    query.bind(1, name);
    INFO(name.toStdString());
    REQUIRE(query.step());
    return require(ContactRepository(db).get(query.columnInt64(0)));
}

QStringList methodsOf(const Contact& contact)
{
    QStringList methods;
    for (const ContactMethod& method : contact.methods)
        methods << QStringLiteral("%1:%2 (%3)").arg(methodKindName(method.kind), method.value, method.label);
    return methods;
}

QStringList notesOf(Database& db, qint64 contactId)
{
    QStringList texts;
    for (const TrustNote& note : require(TrustNoteRepository(db).listForContact(contactId)))
        texts << note.text;
    texts.sort();
    return texts;
}

} // namespace

TEST_CASE("An iPhone's card keeps its labels, profiles and note, and names what it leaves out", "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const ImportReport report = importFile(temp.db(), write(temp, QStringLiteral("iphone.vcf"), iphone));
    INFO(report.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.ok());
    CHECK(report.format == QStringLiteral("vCard"));
    CHECK(report.created == 1);
    CHECK(report.unimportedProperties == QStringList{QStringLiteral("ADR"), QStringLiteral("BDAY"),
                                                     QStringLiteral("IMPP (skype)"), QStringLiteral("PHOTO"),
                                                     QStringLiteral("X-ABADR"), QStringLiteral("X-ABUID")});
    const Contact ada = contactNamed(temp.db(), QStringLiteral("Ada Lovelace"));
    CHECK(ada.givenName == QStringLiteral("Ada Augusta"));
    CHECK(ada.familyName == QStringLiteral("Lovelace"));
    CHECK(ada.organization == QStringLiteral("Analytical Engines Ltd, Research"));
    CHECK(ada.title == QStringLiteral("Mathematician"));
    CHECK(methodsOf(ada) == QStringList{QStringLiteral("email:ada@example.org (other)"),
                                        QStringLiteral("email:ada@engines.example (work)"),
                                        QStringLiteral("phone:+44 7700 900123 (mobile)"),
                                        QStringLiteral("phone:+44 20 7946 0000 (Office)"),
                                        QStringLiteral("website:https://ada.example (homepage)"),
                                        QStringLiteral("x:ada_l ()"),
                                        QStringLiteral("linkedin:ada-lovelace ()")});
    CHECK(notesOf(temp.db(), ada.id) ==
          QStringList{QStringLiteral("Met at the Royal Society, 1843.\nLikes poetry.")});
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_uids")) == 0);
}

TEST_CASE("Outlook's 2.1 card is decoded from Windows-1252 and quoted-printable with a soft line break",
          "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const ImportReport report = importFile(temp.db(), write(temp, QStringLiteral("outlook.vcf"), outlook));
    INFO(report.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.ok());
    CHECK(report.unimportedProperties == QStringList{QStringLiteral("LABEL")});
    const Contact juergen = contactNamed(temp.db(), QStringLiteral("Jürgen Müller"));
    CHECK(juergen.familyName == QStringLiteral("Müller"));
    CHECK(juergen.givenName == QStringLiteral("Jürgen"));
    CHECK(juergen.organization == QStringLiteral("Bäckerei Müller GmbH"));
    CHECK(juergen.title == QStringLiteral("Geschäftsführer"));
    // The empty TEL;HOME;FAX is left out, not refused.
    CHECK(methodsOf(juergen) ==
          QStringList{QStringLiteral("phone:+49 30 1234567 (work)"),
                      QStringLiteral("phone:+49 170 1234567 (mobile)"),
                      QStringLiteral("website:http://www.baeckerei-mueller.example (work)"),
                      QStringLiteral("email:juergen@baeckerei-mueller.example ()")});
    const QList<TrustNote> notes = require(TrustNoteRepository(temp.db()).listForContact(juergen.id));
    REQUIRE(notes.size() == 1);
    CHECK(notes.constFirst().kind == TrustKind::Context);
    CHECK(
        notes.constFirst().text ==
        QStringLiteral("Liefert die Brötchen € 0,45.\r\nVor 7 Uhr anrufen, sonst ist er in der Backstube."));
    // REV says when the note was written.
    CHECK(notes.constFirst().createdAt == 1705311000);
}

TEST_CASE("Google's, Nextcloud's, a Nokia's and unnamed cards import, a group card is skipped", "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const ImportReport report =
        importFile(temp.db(), write(temp, QStringLiteral("mixed.vcf"),
                                    google + nextcloud + nokia + unnamed + appleGroup));
    INFO(report.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.ok());
    CHECK(report.rows == 6);
    CHECK(report.created == 5);
    CHECK(report.skipped == 1);
    CHECK_THAT(report.skippedReasons.join(QLatin1Char('\n')).toStdString(),
               Contains("mixed.vcf: line 46: skipped: a group of contacts (X-ADDRESSBOOKSERVER-KIND:group), "
                        "not a person"));
    CHECK(report.unimportedProperties == QStringList{QStringLiteral("IMPP (xmpp)")});

    const Contact grace = contactNamed(temp.db(), QStringLiteral("Grace Hopper"));
    CHECK(grace.givenName == QStringLiteral("Grace Brewster Murray"));
    CHECK(grace.tags == QStringList{QStringLiteral("COBOL committee"), QStringLiteral("Friends")});
    CHECK(methodsOf(grace) == QStringList{QStringLiteral("email:grace@example.net (home)"),
                                          QStringLiteral("email:g.hopper@navy.example (Navy)"),
                                          QStringLiteral("phone:+1 202-555-0147 (mobile)"),
                                          QStringLiteral("website:https://github.com/ghopper (GitHub)")});

    const Contact rene = contactNamed(temp.db(), QStringLiteral("René Descartes"));
    CHECK(methodsOf(rene) ==
          QStringList{QStringLiteral("email:rene@cogito.example (work)"),
                      QStringLiteral("phone:+33-6-12-34-56-78 (mobile)"),
                      QStringLiteral("mastodon:@rene@philo.social ()"),
                      QStringLiteral("github:rdescartes ()"), QStringLiteral("discord:rene#1650 ()"),
                      QStringLiteral("website:https://www.flickr.com/photos/rene (flickr)")});
    CHECK(rene.tags == QStringList{QStringLiteral("mathematics"), QStringLiteral("philosophy")});
    CHECK(require(ContactUidRepository(temp.db()).uidsOf(rene.id)) ==
          QStringList{QStringLiteral("8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a")});

    const Contact bjorn = contactNamed(temp.db(), QStringLiteral("Björn Åström"));
    CHECK(bjorn.familyName == QStringLiteral("Åström"));
    CHECK(methodsOf(bjorn) == QStringList{QStringLiteral("phone:+46701234567 (mobile)")});
    contactNamed(temp.db(), QStringLiteral("noreply-but-a-person@example.com"));
    contactNamed(temp.db(), QStringLiteral("Hedy Lamarr"));
}

TEST_CASE("A card with nothing to name a contact by, or a bad value, is refused with its line, and nothing "
          "is written",
          "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QByteArray nameless =
        "BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:+1 555 0100 200\r\nNOTE:who?\r\nEND:VCARD\r\n";
    const QByteArray badEmail = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alan Turing\r\nEMAIL:alan at bletchley\r\n"
                                "END:VCARD\r\n";
    const ImportReport report =
        importFile(temp.db(), write(temp, QStringLiteral("bad.vcf"), google + nameless + badEmail));
    CHECK_FALSE(report.ok());
    CHECK_FALSE(report.written);
    CHECK(report.errors ==
          QStringList{
              QStringLiteral("%1/bad.vcf: line 13: the card has no FN, N or EMAIL to name the contact by")
                  .arg(temp.folder()),
              QStringLiteral("%1/bad.vcf: line 21, EMAIL: not an email address: 'alan at bletchley'")
                  .arg(temp.folder())});
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
}

TEST_CASE("A card that breaks the vCard syntax is refused with its line, the others read, and nothing is "
          "written",
          "[vcard]")
{
    TempDatabase temp;
    const QByteArray noColon = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nthis line has no colon\r\n"
                               "EMAIL:broken@example.org\r\nEND:VCARD\r\n";
    const QByteArray turing = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Alan Turing\r\nEND:VCARD\r\n";
    const QByteArray cut = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Cut Short\r\n";
    const QString path = write(temp, QStringLiteral("cut.vcf"), google + noColon + turing + cut);
    const QStringList problems{
        QStringLiteral("%1/cut.vcf: line 16: 'this line has no colon' is not NAME:VALUE").arg(temp.folder()),
        QStringLiteral("%1/cut.vcf: line 23: BEGIN:VCARD without END:VCARD").arg(temp.folder())};

    const ImportReport dryRun = importFile(temp.db(), path, true);
    CHECK(dryRun.rows == 4);
    CHECK(dryRun.errorCount == 2);
    CHECK(dryRun.errors == problems);

    const ImportReport report = importFile(temp.db(), path);
    CHECK_FALSE(report.ok());
    CHECK_FALSE(report.written);
    CHECK(report.errors == problems);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);

    const ImportPreview preview = require(CsvImporter(temp.db(), path, ImportOptions{}).preview(10));
    REQUIRE(preview.rows.size() == 4);
    QStringList lines, names, previewProblems;
    for (const QStringList& row : preview.rows) {
        lines << row.at(0);
        names << row.at(1);
        previewProblems << row.at(13);
    }
    CHECK(lines ==
          QStringList{QStringLiteral("1"), QStringLiteral("13"), QStringLiteral("19"), QStringLiteral("23")});
    CHECK(names == QStringList{QStringLiteral("Grace Hopper"), QStringLiteral("Broken Card"),
                               QStringLiteral("Alan Turing"), QStringLiteral("Cut Short")});
    CHECK(previewProblems.at(0).isEmpty());
    CHECK(previewProblems.at(1) == problems.at(0));
    CHECK(previewProblems.at(2).isEmpty());
    CHECK(previewProblems.at(3) == problems.at(1));
}

TEST_CASE("Importing the same cards again finds the contacts by UID, email or name, adding nothing",
          "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const QString path =
        write(temp, QStringLiteral("all.vcf"), iphone + outlook + google + nextcloud + nokia);
    REQUIRE(importFile(temp.db(), path).created == 5);
    const qint64 notes = temp.number(QStringLiteral("SELECT count(*) FROM trust_notes"));
    const ImportReport again = importFile(temp.db(), path);
    CHECK(again.created == 0);
    CHECK(again.updated == 0);
    CHECK(again.unchanged == 5);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM trust_notes")) == notes);

    // The server's card was renamed and lost its only email: its UID still finds René.
    const Contact rene = contactNamed(temp.db(), QStringLiteral("René Descartes"));
    QByteArray renamed = nextcloud;
    renamed.replace("FN:Ren\xC3\r\n \xA9 Descartes", "FN:R. Descartes");
    renamed.replace("EMAIL;TYPE=work;PREF=1:rene@cogito.example\r\n", "");
    const ImportReport matched = importFile(temp.db(), write(temp, QStringLiteral("renamed.vcf"), renamed));
    CHECK(matched.updated == 1);
    CHECK(matched.created == 0);
    CHECK(require(ContactRepository(temp.db()).get(rene.id)).displayName == QStringLiteral("R. Descartes"));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 5);
}

TEST_CASE("A card whose UID is one contact's and whose email is another's is refused", "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    REQUIRE(importFile(temp.db(), write(temp, QStringLiteral("rene.vcf"), nextcloud)).created == 1);
    Contact other;
    other.displayName = QStringLiteral("Someone else");
    other.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("else@example.org"), {}};
    const qint64 otherId = require(ContactRepository(temp.db()).create(other));
    QByteArray clash = nextcloud;
    clash.replace("rene@cogito.example", "else@example.org");
    const ImportReport report = importFile(temp.db(), write(temp, QStringLiteral("clash.vcf"), clash));
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.errors.join(QLatin1Char('\n')).toStdString(),
               Contains(QStringLiteral("clash.vcf: line 9, EMAIL: UID 8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a "
                                       "belongs to contact 1 but email else@example.org to contact %1")
                            .arg(otherId)
                            .toStdString()));
}

TEST_CASE("A dry run of a vCard file counts what it would do and writes nothing", "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    const ImportReport report =
        importFile(temp.db(), write(temp, QStringLiteral("dry.vcf"), iphone + nextcloud), true);
    CHECK(report.dryRun);
    CHECK(report.created == 2);
    CHECK_FALSE(report.written);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_uids")) == 0);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM trust_notes")) == 0);
}

TEST_CASE("A vCard file is refused as interactions or with a CSV format, and a CSV file as vcard", "[vcard]")
{
    TempDatabase temp;
    const QString cards = write(temp, QStringLiteral("people.txt"), google);
    ImportOptions interactions;
    interactions.target = ImportTarget::Interactions;
    const Result<ImportReport> asLog = CsvImporter(temp.db(), cards, interactions).run(false);
    REQUIRE_FALSE(asLog);
    CHECK(asLog.error().message == cards + QStringLiteral(": a vCard file holds contacts, not interactions"));
    ImportOptions linkedIn;
    linkedIn.format = QStringLiteral("linkedin");
    const Result<ImportReport> asCsv = CsvImporter(temp.db(), cards, linkedIn).run(false);
    REQUIRE_FALSE(asCsv);
    CHECK(asCsv.error().message ==
          cards + QStringLiteral(": this is a vCard file, not linkedin: import it without --format"));
    ImportOptions vcard;
    vcard.format = QStringLiteral("vcard");
    const QString csv = write(temp, QStringLiteral("people.csv"), "display_name\nAda\n");
    const Result<ImportReport> notCards = CsvImporter(temp.db(), csv, vcard).run(false);
    REQUIRE_FALSE(notCards);
    CHECK(notCards.error().message ==
          csv + QStringLiteral(": not a vCard file: it does not begin with BEGIN:VCARD"));
}

TEST_CASE("The preview of a vCard file shows what each card gives the contact", "[vcard]")
{
    TempDatabase temp;
    const ImportPreview preview = require(
        CsvImporter(temp.db(), write(temp, QStringLiteral("p.vcf"), nextcloud + nokia), ImportOptions{})
            .preview(10));
    CHECK(preview.cards);
    CHECK(preview.formatKey == QStringLiteral("vcard"));
    CHECK(preview.formatName == QStringLiteral("vCard 4.0, 2.1"));
    CHECK(preview.header == CsvImporter::cardPreviewColumns());
    REQUIRE(preview.rows.size() == 2);
    CHECK(preview.rows.at(0).at(1) == QStringLiteral("René Descartes"));
    CHECK(preview.rows.at(0).at(8) ==
          QStringLiteral("mastodon:@rene@philo.social; github:rdescartes; discord:rene#1650"));
    CHECK(preview.rows.at(1).at(0) == QStringLiteral("20"));
    CHECK(preview.rows.at(1).at(1) == QStringLiteral("Björn Åström"));
}

namespace {

// Contacts with every kind of method, labels TYPE can and cannot say, tags, notes (two with the same
// text), escapes and non-ASCII text.
void fillVariedContacts(Database& db)
{
    ContactRepository contacts(db);
    Contact ada;
    ada.displayName = QStringLiteral("Ada \"Countess\" Lovelace; FRS");
    ada.givenName = QStringLiteral("Ada Augusta");
    ada.familyName = QStringLiteral("Lovelace");
    ada.organization = QStringLiteral("Analytical Engines, London; Research");
    ada.title = QStringLiteral("Mathematician\\Poet");
    ada.methods
        << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), QStringLiteral("work")}
        << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@home.example"), QStringLiteral("Personal")}
        << ContactMethod{0, MethodKind::Phone, QStringLiteral("+44 20 7946 0001"), QStringLiteral("mobile")}
        << ContactMethod{0, MethodKind::Phone, QStringLiteral("+44 20 7946 0002"), QStringLiteral("work fax")}
        << ContactMethod{0, MethodKind::X, QStringLiteral("@ada"), {}}
        << ContactMethod{0, MethodKind::LinkedIn, QStringLiteral("ada-lovelace"), {}}
        << ContactMethod{0, MethodKind::Facebook, QStringLiteral("ada.lovelace"), {}}
        << ContactMethod{0, MethodKind::Mastodon, QStringLiteral("@ada@mastodon.example"), {}}
        << ContactMethod{0, MethodKind::Discord, QStringLiteral("ada#1815"), QStringLiteral("gaming")}
        << ContactMethod{0, MethodKind::Slack, QStringLiteral("U024BE7LH"), {}}
        << ContactMethod{0, MethodKind::GitHub, QStringLiteral("ada-l"), {}}
        << ContactMethod{0, MethodKind::Forum, QStringLiteral("countess, of: lovelace"), {}}
        << ContactMethod{0, MethodKind::Website, QStringLiteral("https://ada.example/notes,1"),
                         QStringLiteral("home")};
    ada.tags = {QStringLiteral("Café crème"), QStringLiteral("press & radio"), QStringLiteral("🚀")};
    const qint64 adaId = require(contacts.create(ada));
    TrustNoteRepository notes(db);
    for (const auto& [kind, text] :
         {std::pair{TrustKind::Context, "Met at the Royal Society.\nLikes poetry; music."},
          std::pair{TrustKind::Context, "Second note, with a comma"},
          std::pair{TrustKind::Context, "Second note, with a comma"}}) {
        TrustNote note;
        note.contactId = adaId;
        note.kind = kind;
        note.text = QString::fromUtf8(text);
        require(notes.insert(note));
    }
    Contact zoe;
    zoe.displayName = QStringLiteral("Zoë 🚀 Ng");
    zoe.methods << ContactMethod{0, MethodKind::Phone, QStringLiteral("+65 6123 4567"), {}};
    require(contacts.create(zoe));
    Contact company;
    company.displayName =
        QStringLiteral("Ōsaka Trading 株式会社, a name long enough to be folded across lines of the card");
    company.organization = QStringLiteral("Ōsaka Trading 株式会社");
    company.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("info@osaka-trading.example"), {}};
    require(contacts.create(company));
}

struct Person
{
    QString displayName, givenName, familyName, organization, title;
    QStringList methods, tags, notes;
    bool operator==(const Person&) const = default;
};

QList<Person> people(Database& db)
{
    QList<Person> all;
    SqliteStatement ids(db.handle(), "SELECT id FROM contacts ORDER BY display_name");
    while (ids.step()) {
        const Contact contact = require(ContactRepository(db).get(ids.columnInt64(0)));
        QStringList tags = contact.tags;
        tags.sort();
        all << Person{contact.displayName,
                      contact.givenName,
                      contact.familyName,
                      contact.organization,
                      contact.title,
                      methodsOf(contact),
                      tags,
                      notesOf(db, contact.id)};
    }
    return all;
}

QByteArray exported(Database& db, VCardVersion version, const ReportFilter& filter = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    require(exportVCards(db, filter, version, buffer, QStringLiteral("buffer")));
    return bytes;
}

} // namespace

namespace Catch {
template <>
struct StringMaker<Person>
{
    static std::string convert(const Person& p)
    {
        return QStringList{p.displayName,
                           p.givenName,
                           p.familyName,
                           p.organization,
                           p.title,
                           p.methods.join(QLatin1Char('|')),
                           p.tags.join(QLatin1Char('|')),
                           p.notes.join(QLatin1Char('|'))}
            .join(QStringLiteral(" / "))
            .toStdString();
    }
};
} // namespace Catch

TEST_CASE("Exported cards imported into an empty database give the same contacts, in 4.0 and 3.0", "[vcard]")
{
    PinnedClock clock;
    TempDatabase source;
    fillVariedContacts(source.db());
    const QList<Person> before = people(source.db());
    for (const VCardVersion version : {VCardVersion::V4, VCardVersion::V3}) {
        DYNAMIC_SECTION("version " << (version == VCardVersion::V4 ? 4 : 3))
        {
            const QByteArray cards = exported(source.db(), version);
            CHECK(cards.count("BEGIN:VCARD") == 3);
            CHECK(cards.contains(version == VCardVersion::V4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n"));
            TempDatabase target;
            const ImportReport report =
                importFile(target.db(), write(target, QStringLiteral("out.vcf"), cards));
            INFO(report.errors.join(QLatin1Char('\n')).toStdString());
            REQUIRE(report.ok());
            CHECK(report.created == 3);
            CHECK(report.unimportedProperties.isEmpty());
            CHECK(people(target.db()) == before);
            // The UIDs the export made are kept: a second export writes the same cards, and importing them
            // again changes nothing.
            const QByteArray again = exported(target.db(), version);
            CHECK(again.count("UID:") == 3);
            for (const QByteArray& line : cards.split('\n')) {
                if (line.startsWith("UID:"))
                    CHECK(again.contains(line));
            }
            const ImportReport second =
                importFile(target.db(), write(target, QStringLiteral("again.vcf"), again));
            CHECK(second.unchanged == 3);
        }
    }
}

TEST_CASE("The vCard export takes the report filters and writes only context notes", "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    fillVariedContacts(temp.db());
    const qint64 zoeId = contactNamed(temp.db(), QStringLiteral("Zoë 🚀 Ng")).id;
    TrustNote concern;
    concern.contactId = zoeId;
    concern.kind = TrustKind::Concern;
    concern.text = QStringLiteral("Slow to pay");
    require(TrustNoteRepository(temp.db()).insert(concern));
    ReportFilter rocket;
    rocket.tag = QStringLiteral("🚀");
    const QByteArray tagged = exported(temp.db(), VCardVersion::V4, rocket);
    CHECK(tagged.count("BEGIN:VCARD") == 1);
    CHECK(tagged.contains("FN:Ada \\\"Countess\\\" Lovelace\\; FRS") == false);
    CHECK(tagged.contains("FN:Ada \"Countess\" Lovelace\\; FRS\r\n"));
    const QByteArray all = exported(temp.db(), VCardVersion::V4);
    CHECK_FALSE(all.contains("Slow to pay"));
    ReportFilter unknown;
    unknown.tag = QStringLiteral("nope");
    QBuffer sink;
    REQUIRE(sink.open(QIODevice::WriteOnly));
    const Result<qint64> refused =
        exportVCards(temp.db(), unknown, VCardVersion::V4, sink, QStringLiteral("x"));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == ErrorKind::BadInput);
}

TEST_CASE("Merging contacts keeps the UIDs of both, and the person document holds them with the card",
          "[vcard]")
{
    PinnedClock clock;
    TempDatabase temp;
    REQUIRE(importFile(temp.db(), write(temp, QStringLiteral("two.vcf"), nextcloud + google)).created == 2);
    const qint64 rene = contactNamed(temp.db(), QStringLiteral("René Descartes")).id;
    const qint64 grace = contactNamed(temp.db(), QStringLiteral("Grace Hopper")).id;
    requireOk(ContactUidRepository(temp.db()).add(grace, QStringLiteral("grace-uid")));
    CHECK_FALSE(ContactUidRepository(temp.db()).add(rene, QStringLiteral("grace-uid")).ok());
    ScoringEngine engine = require(ScoringEngine::open(temp.db()));
    require(ContactMerge(temp.db(), engine).merge(rene, {grace}));
    CHECK(require(ContactUidRepository(temp.db()).uidsOf(rene)) ==
          QStringList{QStringLiteral("8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a"), QStringLiteral("grace-uid")});

    const QJsonObject document = require(personDocument(temp.db(), engine, rene, testNow));
    CHECK(document.value(QStringLiteral("vcard_uids")).toArray().size() == 2);
    const QString card = document.value(QStringLiteral("vcard")).toString();
    CHECK(card.startsWith(QStringLiteral("BEGIN:VCARD\r\nVERSION:4.0\r\n")));
    CHECK(card.contains(QStringLiteral("UID:8c0a9b5e-6b4e-4d59-9f3c-1f2e3d4c5b6a\r\n")));
    CHECK(card.contains(QStringLiteral("EMAIL;TYPE=home:grace@example.net\r\n")));

    // Deleting the contact (forgetting it, too) takes its UIDs with it.
    requireOk(ContactRepository(temp.db()).remove(rene));
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_uids")) == 0);
}

TEST_CASE("A version 9 file upgrades to kept vCard UIDs, keeping its contacts", "[vcard][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v9.sqlite3"));
    QByteArray schema = schemaUpTo(9);
    schema += "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES (1, 'Ada', 0, 0);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM contacts"))).toInt() == 1);
    requireOk(ContactUidRepository(*db).add(1, QStringLiteral("urn:uuid:1")));
    CHECK_FALSE(
        db->execute(QStringLiteral("INSERT INTO contact_uids (uid, contact_id) VALUES ('urn:uuid:1', 1)"))
            .ok());
    CHECK_FALSE(
        db->execute(QStringLiteral("INSERT INTO contact_uids (uid, contact_id) VALUES (' ', 1)")).ok());
    CHECK_FALSE(
        db->execute(QStringLiteral("INSERT INTO contact_uids (uid, contact_id) VALUES ('u', 2)")).ok());
}
