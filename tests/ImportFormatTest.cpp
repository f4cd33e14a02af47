// SPDX-License-Identifier: GPL-3.0-or-later
// The known import formats, recognized by their documented headers and imported from the sample files
// in resources/samples.
#include "core/import/ImportFormat.h"

#include "core/import/CsvImporter.h"
#include "core/storage/ContactRepository.h"
#include "tests/support/CsvSupport.h"

using namespace rapport;
using namespace rapport::test;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(RAPPORT_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

ImportReport importSample(Database& db, const char* name, const QString& format = QStringLiteral("auto"))
{
    ImportOptions options;
    options.format = format;
    const ImportReport report = require(CsvImporter(db, sample(name), options).run(false));
    INFO(report.errors.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.ok());
    return report;
}

Contact contactWith(Database& db, const QString& reference)
{
    return require(ContactRepository(db).get(require(ContactRepository(db).resolve(reference))));
}

QStringList methodsOf(const Contact& contact, MethodKind kind)
{
    QStringList values;
    for (const ContactMethod& method : contact.methods) {
        if (method.kind == kind)
            values << method.value;
    }
    return values;
}

QStringList split(const char* header)
{
    return QString::fromUtf8(header).split(QLatin1Char(','));
}

} // namespace

TEST_CASE("Formats are recognized by their headers, and only by theirs", "[import][formats]")
{
    const QStringList linkedIn =
        split("First Name,Last Name,URL,Email Address,Company,Position,Connected On");
    const QStringList linkedInOld = split("First Name,Last Name,Email Address,Company,Position,Connected On");
    const QStringList google =
        split("First Name,Middle Name,Last Name,Phonetic First Name,Organization Name,"
              "Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value");
    const QStringList googleLegacy = split(
        "Name,Given Name,Additional Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value");
    const QStringList outlook = split("First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,"
                                      "E-mail 2 Address,Mobile Phone,Job Title,Company");
    const QStringList outlookDesktop =
        split("Title,First Name,Middle Name,Last Name,Suffix,Company,Department,"
              "Job Title,Business Phone,Categories,E-mail Address,E-mail Type");
    const QStringList rapportContacts = split("id,display_name,given_name,family_name,emails,phones,handles");
    const QStringList thunderbird = split("First Name,Last Name,Display Name,Nickname,Primary Email,"
                                          "Secondary Email,Screen Name,Work Phone,Home Phone,Job Title,");
    const QStringList roundcube =
        split("First Name,Middle Name,Last Name,Display Name,Title,Email Home,Email Work,Phone Mobile");
    struct Expectation
    {
        const QStringList& header;
        const char* format;
    };
    for (const Expectation& e :
         {Expectation{linkedIn, "linkedin"}, Expectation{linkedInOld, "linkedin"},
          Expectation{google, "google"}, Expectation{googleLegacy, "google"}, Expectation{outlook, "outlook"},
          Expectation{outlookDesktop, "outlook"}, Expectation{rapportContacts, "rapport"},
          Expectation{thunderbird, "thunderbird"}, Expectation{roundcube, "roundcube"}}) {
        INFO(e.header.join(QLatin1Char(',')).toStdString());
        QStringList recognizedBy;
        for (const auto& format : importFormats()) {
            if (format->recognizes(e.header, ImportTarget::Contacts))
                recognizedBy << format->key();
        }
        CHECK(recognizedBy == QStringList{QString::fromLatin1(e.format)});
    }
    CHECK(importFormatKeys() == QStringList{QStringLiteral("rapport"), QStringLiteral("linkedin"),
                                            QStringLiteral("google"), QStringLiteral("thunderbird"),
                                            QStringLiteral("roundcube"), QStringLiteral("outlook")});
    CHECK_FALSE(findImportFormat(QStringLiteral("linkedin"))->supports(ImportTarget::Interactions));
    CHECK(findImportFormat(QStringLiteral("rapport"))->supports(ImportTarget::Notes));
    CHECK(findImportFormat(QStringLiteral("vcard")) == nullptr);
}

TEST_CASE("LinkedIn Connections: the Notes preamble, profile URLs as handles, hidden emails",
          "[import][formats]")
{
    PinnedClock clock;
    TempDatabase database;
    const ImportReport report = importSample(database.db(), "linkedin-connections.csv");
    CHECK(report.format == QStringLiteral("LinkedIn Connections"));
    CHECK(report.summary() == QStringLiteral("4 created, 0 unchanged, 0 updated, 0 skipped"));
    const Contact ada = contactWith(database.db(), QStringLiteral("ada@analytical.example"));
    CHECK(ada.displayName == QStringLiteral("Ada Lovelace"));
    CHECK(ada.givenName == QStringLiteral("Ada"));
    CHECK(ada.organization == QStringLiteral("Analytical Engines Ltd"));
    CHECK(ada.title == QStringLiteral("Mathematician"));
    CHECK(methodsOf(ada, MethodKind::LinkedIn) == QStringList{QStringLiteral("ada-lovelace")});
    const Contact jose = contactWith(database.db(), QStringLiteral("linkedin:jose-alvarez-42"));
    CHECK(jose.displayName == QStringLiteral("José Álvarez"));
    CHECK(jose.organization == QStringLiteral("Open Source Initiative, Inc."));
    CHECK(methodsOf(jose, MethodKind::Email).isEmpty());
    CHECK(contactWith(database.db(), QStringLiteral("zoe.ng@mail.example")).title ==
          QStringLiteral("Head of \"Growth\" 🚀"));

    CHECK(importSample(database.db(), "linkedin-connections.csv").summary() ==
          QStringLiteral("0 created, 4 unchanged, 0 updated, 0 skipped"));
    // Forcing the format finds the header after the preamble too.
    CHECK(importSample(database.db(), "linkedin-connections.csv", QStringLiteral("linkedin")).unchanged == 4);
}

TEST_CASE("Google Contacts: labels as tags, several emails, contacts without a name", "[import][formats]")
{
    PinnedClock clock;
    TempDatabase database;
    const ImportReport report = importSample(database.db(), "google-contacts.csv");
    CHECK(report.format == QStringLiteral("Google Contacts"));
    CHECK(report.created == 4);
    const Contact ada = contactWith(database.db(), QStringLiteral("ada.old@mail.example"));
    CHECK(ada.displayName == QStringLiteral("Ada Lovelace"));
    CHECK(methodsOf(ada, MethodKind::Email) == QStringList{QStringLiteral("ada@analytical.example"),
                                                           QStringLiteral("ada.home@mail.example"),
                                                           QStringLiteral("ada.old@mail.example")});
    CHECK(methodsOf(ada, MethodKind::Phone) == QStringList{QStringLiteral("+44 20 7946 0001")});
    QStringList tags = ada.tags;
    tags.sort();
    CHECK(tags == QStringList{QStringLiteral("Core contributors"), QStringLiteral("Speakers")});
    const Contact juergen = contactWith(database.db(), QStringLiteral("juergen.weiss@presse.example"));
    CHECK(juergen.givenName == QStringLiteral("Jürgen K."));
    CHECK(juergen.familyName == QStringLiteral("Weiß"));
    CHECK(juergen.organization == QStringLiteral("Straße & Söhne, GmbH"));
    CHECK(methodsOf(juergen, MethodKind::Website) ==
          QStringList{QStringLiteral("https://weiss.example/blog/")});
    CHECK(contactWith(database.db(), QStringLiteral("misaki@tokyo.example")).displayName ==
          QStringLiteral("美咲 佐藤"));
    CHECK(contactWith(database.db(), QStringLiteral("no-name@lists.example")).displayName ==
          QStringLiteral("no-name@lists.example"));

    // The older layout: the same Ada is recognized by her email.
    const ImportReport legacy = importSample(database.db(), "google-contacts-legacy.csv");
    CHECK(legacy.format == QStringLiteral("Google Contacts"));
    CHECK(legacy.summary() == QStringLiteral("1 created, 1 unchanged, 0 updated, 0 skipped"));
    const Contact chloe = contactWith(database.db(), QStringLiteral("chloe@vandijk.example"));
    CHECK(chloe.displayName == QStringLiteral("Chloé Van Dijk"));
    CHECK(chloe.tags == QStringList{QStringLiteral("Partners")});
}

TEST_CASE("Outlook: job titles, the person's own phones, CRLF files", "[import][formats]")
{
    PinnedClock clock;
    TempDatabase database;
    importSample(database.db(), "linkedin-connections.csv");
    const ImportReport report = importSample(database.db(), "outlook-contacts.csv");
    CHECK(report.format == QStringLiteral("Outlook"));
    // Ada's email (in capitals) matches the LinkedIn contact, which gains a phone.
    CHECK(report.summary() == QStringLiteral("2 created, 0 unchanged, 1 updated, 0 skipped"));
    const Contact grace = contactWith(database.db(), QStringLiteral("grace@navy.example"));
    CHECK(grace.title == QStringLiteral("Rear Admiral"));
    CHECK(grace.organization == QStringLiteral("US Navy"));
    CHECK(methodsOf(grace, MethodKind::Email).size() == 2);
    CHECK(methodsOf(grace, MethodKind::Phone) == QStringList{QStringLiteral("+1 202 555 0143")});
    const Contact ada = contactWith(database.db(), QStringLiteral("linkedin:ada-lovelace"));
    CHECK(methodsOf(ada, MethodKind::Phone) == QStringList{QStringLiteral("+44 20 7946 0000")});
    CHECK(contactWith(database.db(), QStringLiteral("olga.demir@mail.example")).title ==
          QStringLiteral("Archivist"));
    CHECK(importSample(database.db(), "outlook-contacts.csv").summary() ==
          QStringLiteral("0 created, 3 unchanged, 0 updated, 0 skipped"));
}

TEST_CASE("Thunderbird: both emails, the person's own phones, web pages, the rest named as not imported",
          "[import][formats]")
{
    PinnedClock clock;
    TempDatabase database;
    const ImportReport report = importSample(database.db(), "thunderbird-addressbook.csv");
    CHECK(report.format == QStringLiteral("Thunderbird address book"));
    CHECK(report.summary() == QStringLiteral("3 created, 0 unchanged, 0 updated, 0 skipped"));
    const Contact grace = contactWith(database.db(), QStringLiteral("grace.hopper@mail.example"));
    CHECK(grace.displayName == QStringLiteral("Grace Hopper"));
    CHECK(grace.title == QStringLiteral("Rear Admiral"));
    CHECK(grace.organization == QStringLiteral("US Navy"));
    CHECK(methodsOf(grace, MethodKind::Email) ==
          QStringList{QStringLiteral("grace@navy.example"), QStringLiteral("grace.hopper@mail.example")});
    // Work phone and mobile; not the fax.
    CHECK(methodsOf(grace, MethodKind::Phone) ==
          QStringList{QStringLiteral("+1 202 555 0143"), QStringLiteral("+1 202 555 0177")});
    CHECK(methodsOf(grace, MethodKind::Website) ==
          QStringList{QStringLiteral("https://navy.example/hopper")});
    const Contact juergen = contactWith(database.db(), QStringLiteral("juergen.weiss@presse.example"));
    CHECK(juergen.organization == QStringLiteral("Straße & Söhne, GmbH"));
    CHECK(methodsOf(juergen, MethodKind::Website).size() == 2);
    CHECK(methodsOf(contactWith(database.db(), QStringLiteral("misaki@tokyo.example")), MethodKind::Phone)
              .isEmpty());
    CHECK(report.unimportedColumns.contains(QStringLiteral("Screen Name")));
    CHECK(report.unimportedColumns.contains(QStringLiteral("Fax Number")));
    CHECK(report.unimportedColumns.contains(QStringLiteral("Notes")));
    CHECK_FALSE(report.unimportedColumns.contains(QStringLiteral("Primary Email")));
    CHECK_FALSE(report.unimportedColumns.contains(QString())); // the empty column after the trailing comma
}

TEST_CASE("Roundcube: home, work and other emails, job title not courtesy title, groups as tags",
          "[import][formats]")
{
    PinnedClock clock;
    TempDatabase database;
    const ImportReport report = importSample(database.db(), "roundcube-contacts.csv");
    CHECK(report.format == QStringLiteral("Roundcube"));
    CHECK(report.created == 2);
    const Contact ada = contactWith(database.db(), QStringLiteral("ada.old@mail.example"));
    CHECK(ada.displayName == QStringLiteral("Ada Lovelace"));
    CHECK(ada.title == QStringLiteral("Mathematician"));
    CHECK(ada.organization == QStringLiteral("Analytical Engines Ltd"));
    CHECK(methodsOf(ada, MethodKind::Email) == QStringList{QStringLiteral("ada.home@mail.example"),
                                                           QStringLiteral("ada@analytical.example"),
                                                           QStringLiteral("ada.old@mail.example")});
    CHECK(methodsOf(ada, MethodKind::Phone) == QStringList{QStringLiteral("+44 20 7946 0001")});
    CHECK(methodsOf(ada, MethodKind::Website) == QStringList{QStringLiteral("https://ada.example/notes")});
    CHECK(ada.tags == QStringList{QStringLiteral("Core contributors")});
    const Contact chloe = contactWith(database.db(), QStringLiteral("chloe@vandijk.example"));
    CHECK(chloe.displayName == QStringLiteral("Chloé Anne Van Dijk"));
    CHECK(chloe.title == QStringLiteral("Editor, \"Review\""));
    CHECK(report.unimportedColumns == QStringList{QStringLiteral("Title"), QStringLiteral("Home Fax"),
                                                  QStringLiteral("Department"), QStringLiteral("IM Jabber"),
                                                  QStringLiteral("Notes")});
}

TEST_CASE("A format forced on a file that is not of it says what it expected", "[import][formats]")
{
    TempDatabase database;
    ImportOptions options;
    options.format = QStringLiteral("outlook");
    const QString path = sample("linkedin-connections.csv");
    const Result<ImportReport> refused = CsvImporter(database.db(), path, options).run(false);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message ==
          path + QStringLiteral(": line 1: not in the Outlook format: expected a header row like 'First Name,"
                                "Middle Name,Last Name,Title,…,E-mail Address,…', found 'Notes:'"));
    options.target = ImportTarget::Notes;
    options.format = QStringLiteral("google");
    CHECK(CsvImporter(database.db(), path, options).run(false).error().message ==
          QStringLiteral("Google Contacts files hold contacts, not notes"));
}
