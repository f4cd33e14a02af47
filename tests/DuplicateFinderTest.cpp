// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts that are probably one person, found with a reason and a confidence; tags spelled twice.
#include "core/services/DuplicateFinder.h"

#include "core/model/Folding.h"
#include "core/model/PhoneNumber.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/DistinctContactRepository.h"
#include "core/storage/Migrations.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

struct Person
{
    QString name;
    QString organization;
    QList<ContactMethod> methods;
    QStringList tags;
};

qint64 add(Database& db, const Person& person)
{
    Contact contact;
    contact.displayName = person.name;
    contact.organization = person.organization;
    contact.methods = person.methods;
    contact.tags = person.tags;
    return require(ContactRepository(db).create(contact));
}

ContactMethod method(MethodKind kind, const QString& value)
{
    return ContactMethod{0, kind, value, QString()};
}

const DuplicatePair* pairOf(const DuplicateReport& report, qint64 a, qint64 b)
{
    for (const DuplicatePair& pair : report.pairs) {
        if (pair.firstId == std::min(a, b) && pair.secondId == std::max(a, b))
            return &pair;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Folding: case, accents, punctuation and spacing aside", "[duplicates][folding]")
{
    CHECK(foldName(QStringLiteral("  Jörg   Müller ")) == QStringLiteral("jorg muller"));
    CHECK(foldName(QStringLiteral("Jürgen K. Weiß")) == QStringLiteral("jurgen k weiss"));
    CHECK(foldName(QStringLiteral("Søren Ærø-Łukasz")) == QStringLiteral("soren aero lukasz"));
    CHECK(foldName(QStringLiteral("美咲 佐藤")) == QStringLiteral("美咲 佐藤"));
    CHECK(foldTag(QStringLiteral("Core contributors")) == foldTag(QStringLiteral("core-contributors")));
    CHECK(foldTag(QStringLiteral("core_contributors")) == foldTag(QStringLiteral("CoreContributors")));
    CHECK(foldTag(QStringLiteral("Speakers")) != foldTag(QStringLiteral("Speaker")));
}

TEST_CASE("Canonical emails: Gmail's dots and +tags only at Gmail", "[duplicates][folding]")
{
    CHECK(canonicalEmail(QStringLiteral("Ada.Lovelace+news@GMail.com")) ==
          QStringLiteral("adalovelace@gmail.com"));
    CHECK(canonicalEmail(QStringLiteral("a.d.a@googlemail.com")) == QStringLiteral("ada@gmail.com"));
    CHECK(canonicalEmail(QStringLiteral("Ada.Lovelace+news@example.org")) ==
          QStringLiteral("ada.lovelace+news@example.org"));
    CHECK(emailDomain(QStringLiteral("grace@Navy.Example")) == QStringLiteral("navy.example"));
}

TEST_CASE("Edit distance counts swaps as one edit and stops past its limit", "[duplicates][folding]")
{
    CHECK(editDistance(QStringLiteral("jorg muller"), QStringLiteral("jorg mueller"), 2) == 1);
    CHECK(editDistance(QStringLiteral("grace hopper"), QStringLiteral("grace hoppre"), 2) == 1);
    CHECK(editDistance(QStringLiteral("ada"), QStringLiteral("ada"), 1) == 0);
    CHECK(editDistance(QStringLiteral("ada lovelace"), QStringLiteral("grace hopper"), 2) == 3);
    CHECK(editDistance(QStringLiteral("a"), QStringLiteral("abcdef"), 2) == 3);
}

TEST_CASE("Phone numbers compare in E.164, read in a region when they have no country code",
          "[duplicates][phone]")
{
    CHECK(phoneE164(QStringLiteral("+49 30 1234567"), QString()) == QStringLiteral("+49301234567"));
    CHECK(phoneE164(QStringLiteral("030 1234567"), QStringLiteral("DE")) == QStringLiteral("+49301234567"));
    CHECK(phoneE164(QStringLiteral("0049 (30) 123 45 67"), QStringLiteral("DE")) ==
          QStringLiteral("+49301234567"));
    CHECK(phoneE164(QStringLiteral("030 1234567"), QString()).isEmpty());
    CHECK(phoneE164(QStringLiteral("1"), QStringLiteral("DE")).isEmpty());
    CHECK(phoneE164(QStringLiteral("not a number"), QStringLiteral("DE")).isEmpty());
}

TEST_CASE("Duplicates: the LinkedIn and Outlook Grace Hopper, Gmail spellings, one phone, one handle",
          "[duplicates]")
{
    TempDatabase database;
    Database& db = database.db();
    const qint64 linkedInGrace = add(db, {QStringLiteral("Grace Hopper"), QStringLiteral("US Navy"), {}, {}});
    const qint64 outlookGrace = add(db, {QStringLiteral("Grace Hopper"),
                                         QStringLiteral("US  navy"),
                                         {method(MethodKind::Email, QStringLiteral("grace@navy.example"))},
                                         {}});
    const qint64 ada = add(db, {QStringLiteral("Ada Lovelace"),
                                QString(),
                                {method(MethodKind::Email, QStringLiteral("Ada.Lovelace+news@gmail.com"))},
                                {}});
    const qint64 ada2 = add(db, {QStringLiteral("Augusta Ada King"),
                                 QString(),
                                 {method(MethodKind::Email, QStringLiteral("adalovelace@googlemail.com"))},
                                 {}});
    const qint64 caller = add(db, {QStringLiteral("Chen Wei"),
                                   QString(),
                                   {method(MethodKind::Phone, QStringLiteral("+49 30 1234567"))},
                                   {}});
    const qint64 caller2 = add(db, {QStringLiteral("Wei Chen"),
                                    QString(),
                                    {method(MethodKind::Phone, QStringLiteral("030 123 4567"))},
                                    {}});
    const qint64 toot = add(db, {QStringLiteral("Noor"),
                                 QString(),
                                 {method(MethodKind::Mastodon, QStringLiteral("@noor@social.example"))},
                                 {}});
    // Namesakes at different organizations are different people.
    const qint64 otherGrace = add(db, {QStringLiteral("Grace Hopper"), QStringLiteral("Cobol Inc"), {}, {}});

    const DuplicateReport report = require(DuplicateFinder(db, QStringLiteral("DE")).find());

    const DuplicatePair* grace = pairOf(report, linkedInGrace, outlookGrace);
    REQUIRE(grace != nullptr);
    CHECK(grace->reason == DuplicateReason::SameNameAndOrganization);
    CHECK(grace->detail == QStringLiteral("US Navy"));
    CHECK(grace->firstName == QStringLiteral("Grace Hopper"));
    CHECK(pairOf(report, linkedInGrace, otherGrace) == nullptr);
    CHECK(pairOf(report, outlookGrace, otherGrace) == nullptr);

    const DuplicatePair* lovelace = pairOf(report, ada, ada2);
    REQUIRE(lovelace != nullptr);
    CHECK(lovelace->reason == DuplicateReason::SameEmail);
    CHECK(lovelace->detail == QStringLiteral("adalovelace@gmail.com"));
    CHECK(lovelace->confidence > grace->confidence);

    const DuplicatePair* phone = pairOf(report, caller, caller2);
    REQUIRE(phone != nullptr);
    CHECK(phone->reason == DuplicateReason::SamePhone);
    CHECK(phone->detail == QStringLiteral("+49301234567"));

    CHECK(report.pairs.size() == 3);
    CHECK(report.pairs.front().reason == DuplicateReason::SameEmail); // most confident first
    (void)toot;
    // Without a region, a number without its country code cannot be compared.
    CHECK(pairOf(require(DuplicateFinder(db, QString()).find()), caller, caller2) == nullptr);
}

TEST_CASE("Similar names count only beside a shared organization, email domain or tag", "[duplicates]")
{
    TempDatabase database;
    Database& db = database.db();
    const qint64 joerg = add(db, {QStringLiteral("Jörg Müller"),
                                  QString(),
                                  {method(MethodKind::Email, QStringLiteral("joerg@kde.example"))},
                                  {}});
    const qint64 jorg = add(db, {QStringLiteral("Jorg Mueller"),
                                 QString(),
                                 {method(MethodKind::Email, QStringLiteral("jm@kde.example"))},
                                 {}});
    const qint64 stranger = add(db, {QStringLiteral("Jorg Muellor"),
                                     QString(),
                                     {method(MethodKind::Email, QStringLiteral("jorg@gmail.com"))},
                                     {}});
    const qint64 speaker =
        add(db, {QStringLiteral("Hana Kato"), QString(), {}, {QStringLiteral("Speakers")}});
    const qint64 speaker2 =
        add(db, {QStringLiteral("Hanna Kato"), QString(), {}, {QStringLiteral("Speakers")}});
    const qint64 family = add(db, {QStringLiteral("Smith Anna"), QStringLiteral("Acme"), {}, {}});
    const qint64 family2 = add(db, {QStringLiteral("Anna Smith"), QStringLiteral("Acme"), {}, {}});

    const DuplicateReport report = require(DuplicateFinder(db, QString()).find());
    const DuplicatePair* kde = pairOf(report, joerg, jorg);
    REQUIRE(kde != nullptr);
    CHECK(kde->reason == DuplicateReason::SimilarName);
    CHECK(kde->detail == QStringLiteral("@kde.example"));
    // The same spelling at a public mail provider shares nothing.
    CHECK(pairOf(report, jorg, stranger) == nullptr);
    const DuplicatePair* tagged = pairOf(report, speaker, speaker2);
    REQUIRE(tagged != nullptr);
    CHECK(tagged->detail == QStringLiteral("tag 'Speakers'"));
    CHECK(tagged->confidence < kde->confidence);
    // Given and family name swapped are far apart as text and not offered.
    CHECK(pairOf(report, family, family2) == nullptr);
}

TEST_CASE("Tags that differ only in case, spacing, dashes or underscores", "[duplicates][tags]")
{
    TempDatabase database;
    Database& db = database.db();
    add(db, {QStringLiteral("A"), QString(), {}, {QStringLiteral("Core contributors")}});
    add(db, {QStringLiteral("B"), QString(), {}, {QStringLiteral("core-contributors")}});
    add(db, {QStringLiteral("C"),
             QString(),
             {},
             {QStringLiteral("Core_Contributors "), QStringLiteral("Speakers")}});
    add(db, {QStringLiteral("D"), QString(), {}, {QStringLiteral("core-contributors")}});
    const DuplicateReport report = require(DuplicateFinder(db, QString()).find());
    REQUIRE(report.tags.size() == 1);
    REQUIRE(report.tags.front().spellings.size() == 3);
    CHECK(report.tags.front().names().contains(QStringLiteral("core-contributors")));
    // Each spelling with its carriers: the one to keep by default is the most carried.
    CHECK(report.tags.front().spellings.at(0).contacts == 1);
    CHECK(report.tags.front().mostCarried().name == QStringLiteral("core-contributors"));
    CHECK(report.pairs.empty());
}

TEST_CASE("A pair marked not the same person is not proposed again, even after a delete is undone",
          "[duplicates][distinct]")
{
    PinnedClock clock;
    TempDatabase database;
    Database& db = database.db();
    const qint64 anna = add(db, {QStringLiteral("Anna Smith"), QStringLiteral("Acme"), {}, {}});
    const qint64 namesake = add(db, {QStringLiteral("Anna Smith"), QStringLiteral("Acme"), {}, {}});
    const qint64 third = add(db, {QStringLiteral("Anna Smith"), QStringLiteral("Acme"), {}, {}});
    REQUIRE(require(DuplicateFinder(db, QString()).find()).pairs.size() == 3);

    DistinctContactRepository distinct(db);
    requireOk(distinct.mark(namesake, anna));
    requireOk(distinct.mark(anna, namesake));
    CHECK(require(distinct.all()) == QSet<ContactPair>{{anna, namesake}});
    const DuplicateReport marked = require(DuplicateFinder(db, QString()).find());
    CHECK(marked.pairs.size() == 2);
    CHECK(pairOf(marked, anna, namesake) == nullptr);
    CHECK(distinct.mark(anna, anna).error().kind == ErrorKind::Usage);
    const Status missing = distinct.mark(anna, 9999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == QStringLiteral("no contact with id 9999"));

    // A deleted contact takes its marks along, and its snapshot brings them back.
    ContactRepository contacts(db);
    const ContactSnapshot snapshot = require(contacts.snapshot(namesake));
    CHECK(snapshot.distinctFrom == QList<qint64>{anna});
    requireOk(contacts.remove(namesake));
    CHECK(require(distinct.all()).isEmpty());
    requireOk(contacts.restore(snapshot));
    CHECK(require(distinct.all()) == QSet<ContactPair>{{anna, namesake}});

    requireOk(distinct.unmark(namesake, anna));
    CHECK(require(DuplicateFinder(db, QString()).find()).pairs.size() == 3);
    CHECK(pairOf(require(DuplicateFinder(db, QString()).find()), anna, third) != nullptr);
}

TEST_CASE("A version 4 file upgrades to keep pairs marked not the same person", "[duplicates][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("v4.sqlite3"));
    QByteArray schema = schemaUpTo(4);
    schema += "INSERT INTO contacts (id, display_name, organization, created_at, updated_at) VALUES"
              " (1, 'Anna Smith', 'Acme', 0, 0), (2, 'Anna Smith', 'Acme', 0, 0);";
    rawExecute(path, schema.constData());

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    CHECK(require(DuplicateFinder(*db, QString()).find()).pairs.size() == 1);
    requireOk(DistinctContactRepository(*db).mark(1, 2));
    CHECK(require(DuplicateFinder(*db, QString()).find()).pairs.empty());
    // Marks go with their contacts through the schema's cascade.
    requireOk(ContactRepository(*db).remove(2));
    CHECK(require(db->scalar(QStringLiteral("SELECT count(*) FROM distinct_contacts"))).toInt() == 0);
}
