// SPDX-License-Identifier: GPL-3.0-or-later
// Contacts with their methods and tags: storing, reading, changing, finding and resolving them.
#include "core/storage/ContactRepository.h"

#include "core/storage/InteractionRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/TestSupport.h"

#include <limits>

using namespace rapport;
using namespace rapport::test;

namespace {

Contact person(const QString& given, const QString& family)
{
    Contact contact;
    contact.givenName = given;
    contact.familyName = family;
    return contact;
}

ContactMethod method(MethodKind kind, const QString& value, const QString& label = {})
{
    return ContactMethod{0, kind, value, label};
}

Contact withMethod(Contact contact, MethodKind kind, const QString& value)
{
    contact.methods << method(kind, value);
    return contact;
}

// Row counts of everything a contact write touches, to show that a refused write changed nothing.
QString rowCounts(TempDatabase& temp)
{
    QStringList counts;
    for (const char* table : {"contacts", "contact_methods", "tags", "contact_tags", "contact_search"})
        counts << QStringLiteral("%1=%2")
                      .arg(QLatin1String(table))
                      .arg(temp.number(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))));
    return counts.join(QLatin1Char(' '));
}

void checkRefused(const Error& error, ErrorKind kind, const QString& field)
{
    CHECK(error.kind == kind);
    CHECK(error.message.startsWith(field));
}

} // namespace

TEST_CASE("A created contact reads back with its fields, methods and tags", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 owner = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));

    Contact contact = person(QStringLiteral("Ana"), QStringLiteral("Lima"));
    contact.displayName = QStringLiteral("Dr. Ana Lima");
    contact.organization = QStringLiteral("Acme Foundation");
    contact.title = QStringLiteral("Director");
    contact.ownerId = owner;
    contact.cadenceDays = 14.5;
    contact.methods << method(MethodKind::Email, QStringLiteral("Ana@Example.com"), QStringLiteral("work"))
                    << method(MethodKind::GitHub, QStringLiteral("@ana-l"));
    contact.tags << QStringLiteral("press") << QStringLiteral("Board");
    const qint64 id = require(contacts.create(contact));
    CHECK(id > 0);

    const Contact stored = require(contacts.get(id));
    CHECK(stored.id == id);
    CHECK(stored.givenName == QStringLiteral("Ana"));
    CHECK(stored.familyName == QStringLiteral("Lima"));
    CHECK(stored.displayName == QStringLiteral("Dr. Ana Lima"));
    CHECK(stored.organization == QStringLiteral("Acme Foundation"));
    CHECK(stored.title == QStringLiteral("Director"));
    CHECK(stored.ownerId == owner);
    CHECK(stored.cadenceDays == 14.5);
    CHECK_FALSE(stored.archived);
    CHECK(stored.createdAt == testNow);
    CHECK(stored.updatedAt == testNow);
    REQUIRE(stored.methods.size() == 2);
    CHECK(stored.methods.at(0).id > 0);
    CHECK(stored.methods.at(0).kind == MethodKind::Email);
    CHECK(stored.methods.at(0).value == QStringLiteral("Ana@Example.com"));
    CHECK(stored.methods.at(0).label == QStringLiteral("work"));
    CHECK(stored.methods.at(1).kind == MethodKind::GitHub);
    CHECK(stored.methods.at(1).value == QStringLiteral("@ana-l"));
    CHECK(stored.tags == QStringList{QStringLiteral("Board"), QStringLiteral("press")});
    CHECK(require(
              temp.db().scalar(QStringLiteral("SELECT normalized FROM contact_methods WHERE kind = 'email'")))
              .toString() == QStringLiteral("ana@example.com"));
    CHECK(require(temp.db().scalar(
                      QStringLiteral("SELECT normalized FROM contact_methods WHERE kind = 'github'")))
              .toString() == QStringLiteral("ana-l"));
    CHECK(require(contacts.findByMethod(QStringLiteral("ana@example.com"))) == id);
}

TEST_CASE("A contact without a display name is shown by its trimmed name parts", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact contact = person(QStringLiteral("  José "), QStringLiteral(" García  "));
    contact.organization = QStringLiteral("  Acme ");
    contact.methods << method(MethodKind::Email, QStringLiteral("  jose@example.com "),
                              QStringLiteral(" home "));
    const Contact stored = require(contacts.get(require(contacts.create(contact))));
    CHECK(stored.displayName == QStringLiteral("José García"));
    CHECK(stored.givenName == QStringLiteral("José"));
    CHECK(stored.familyName == QStringLiteral("García"));
    CHECK(stored.organization == QStringLiteral("Acme"));
    REQUIRE(stored.methods.size() == 1);
    CHECK(stored.methods.at(0).value == QStringLiteral("jose@example.com"));
    CHECK(stored.methods.at(0).label == QStringLiteral("home"));
    CHECK_FALSE(stored.ownerId.has_value());
    CHECK_FALSE(stored.cadenceDays.has_value());
    CHECK(stored.tags.isEmpty());
}

TEST_CASE("A contact's creation time is kept when given", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact contact = person(QStringLiteral("Ana"), {});
    contact.createdAt = testNow - 30 * daySeconds;
    contact.archived = true;
    const Contact stored = require(contacts.get(require(contacts.create(contact))));
    CHECK(stored.createdAt == testNow - 30 * daySeconds);
    CHECK(stored.updatedAt == testNow);
    CHECK(stored.archived);
}

TEST_CASE("Getting a contact that does not exist is a not-found error", "[contacts]")
{
    TempDatabase temp;
    const Result<Contact> missing = ContactRepository(temp.db()).get(77);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
    CHECK(missing.error().message.contains(QStringLiteral("77")));
}

TEST_CASE("Updating a contact replaces its fields, methods and tags", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact contact = withMethod(person(QStringLiteral("Ana"), QStringLiteral("Lima")), MethodKind::Email,
                                 QStringLiteral("ana@example.com"));
    contact.tags << QStringLiteral("press") << QStringLiteral("speakers");
    const qint64 id = require(contacts.create(contact));

    Clock::pin(testNow + daySeconds);
    Contact changed = require(contacts.get(id));
    changed.familyName = QStringLiteral("Souza");
    changed.displayName.clear();
    changed.title = QStringLiteral("Editor");
    changed.cadenceDays = 30.0;
    changed.methods = {method(MethodKind::Phone, QStringLiteral("+55 11 5555-0100")),
                       method(MethodKind::X, QStringLiteral("@anasouza"))};
    changed.tags = {QStringLiteral("speakers"), QStringLiteral("donors")};
    requireOk(contacts.update(changed));

    const Contact stored = require(contacts.get(id));
    CHECK(stored.displayName == QStringLiteral("Ana Souza"));
    CHECK(stored.familyName == QStringLiteral("Souza"));
    CHECK(stored.title == QStringLiteral("Editor"));
    CHECK(stored.cadenceDays == 30.0);
    CHECK(stored.createdAt == testNow);
    CHECK(stored.updatedAt == testNow + daySeconds);
    REQUIRE(stored.methods.size() == 2);
    CHECK(stored.methods.at(0).kind == MethodKind::Phone);
    CHECK(stored.methods.at(1).kind == MethodKind::X);
    CHECK(stored.tags == QStringList{QStringLiteral("donors"), QStringLiteral("speakers")});
    CHECK(require(contacts.findByMethod(QStringLiteral("ana@example.com"))) == std::nullopt);
    CHECK(require(contacts.findByMethod(QStringLiteral("+551155550100"), MethodKind::Phone)) == id);
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contact_methods")) == 2);
}

TEST_CASE("Updating a contact that does not exist is a not-found error and stores nothing", "[contacts]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact ghost =
        withMethod(person(QStringLiteral("Ghost"), {}), MethodKind::Email, QStringLiteral("g@example.com"));
    ghost.id = 404;
    ghost.tags << QStringLiteral("spooky");
    const QString before = rowCounts(temp);

    const Status updated = contacts.update(ghost);
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().kind == ErrorKind::NotFound);
    CHECK(updated.error().message.contains(QStringLiteral("404")));
    CHECK(rowCounts(temp) == before);
}

TEST_CASE("An invalid update leaves the stored contact as it was", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact contact =
        withMethod(person(QStringLiteral("Ana"), {}), MethodKind::Email, QStringLiteral("ana@example.com"));
    contact.tags << QStringLiteral("press");
    const qint64 id = require(contacts.create(contact));
    const QString before = rowCounts(temp);

    Contact changed = require(contacts.get(id));
    changed.givenName = QStringLiteral("Anabel");
    SECTION("an invalid email")
    {
        changed.methods = {method(MethodKind::Email, QStringLiteral("anabel-at-example"))};
        const Status updated = contacts.update(changed);
        REQUIRE_FALSE(updated.ok());
        checkRefused(updated.error(), ErrorKind::BadInput, QStringLiteral("email"));
    }
    SECTION("a tag that cannot be stored, found after the contact row was written")
    {
        changed.tags = {QStringLiteral("press, media")};
        const Status updated = contacts.update(changed);
        REQUIRE_FALSE(updated.ok());
        checkRefused(updated.error(), ErrorKind::BadInput, QStringLiteral("tag"));
    }
    SECTION("an owner who does not exist")
    {
        changed.ownerId = 999;
        const Status updated = contacts.update(changed);
        REQUIRE_FALSE(updated.ok());
        checkRefused(updated.error(), ErrorKind::BadInput, QStringLiteral("owner"));
        CHECK(updated.error().message.contains(QStringLiteral("999")));
    }
    CHECK(rowCounts(temp) == before);
    const Contact stored = require(contacts.get(id));
    CHECK(stored.givenName == QStringLiteral("Ana"));
    CHECK(stored.tags == QStringList{QStringLiteral("press")});
    REQUIRE(stored.methods.size() == 1);
    CHECK(stored.methods.at(0).value == QStringLiteral("ana@example.com"));
    CHECK(temp.db().transactionDepth() == 0);
}

TEST_CASE("A contact can be archived and brought back", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 id = require(contacts.create(person(QStringLiteral("Ana"), {})));

    Clock::pin(testNow + 60);
    requireOk(contacts.setArchived(id, true));
    Contact stored = require(contacts.get(id));
    CHECK(stored.archived);
    CHECK(stored.updatedAt == testNow + 60);

    requireOk(contacts.setArchived(id, false));
    CHECK_FALSE(require(contacts.get(id)).archived);

    const Status missing = contacts.setArchived(id + 1, true);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("A contact's owner can be set and cleared", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 owner = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    const qint64 id = require(contacts.create(person(QStringLiteral("Ana"), {})));

    requireOk(contacts.setOwner(id, owner));
    CHECK(require(contacts.get(id)).ownerId == owner);
    requireOk(contacts.setOwner(id, std::nullopt));
    CHECK_FALSE(require(contacts.get(id)).ownerId.has_value());

    const Status missing = contacts.setOwner(id + 100, owner);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ErrorKind::NotFound);
}

TEST_CASE("An owner who is not a team member is refused and nothing changes", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 owner = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));

    SECTION("when creating a contact")
    {
        Contact contact = withMethod(person(QStringLiteral("Ana"), {}), MethodKind::Email,
                                     QStringLiteral("ana@example.com"));
        contact.ownerId = owner + 41;
        contact.tags << QStringLiteral("press");
        const QString before = rowCounts(temp);
        const Result<qint64> created = contacts.create(contact);
        REQUIRE_FALSE(created.ok());
        checkRefused(created.error(), ErrorKind::BadInput, QStringLiteral("owner"));
        CHECK(created.error().message.contains(QString::number(owner + 41)));
        CHECK(rowCounts(temp) == before);
    }
    SECTION("when setting the owner")
    {
        Contact contact = person(QStringLiteral("Ana"), {});
        contact.ownerId = owner;
        const qint64 id = require(contacts.create(contact));
        const Status set = contacts.setOwner(id, owner + 41);
        REQUIRE_FALSE(set.ok());
        checkRefused(set.error(), ErrorKind::BadInput, QStringLiteral("owner"));
        CHECK(require(contacts.get(id)).ownerId == owner);
    }
}

TEST_CASE("A write that fails for another reason is not blamed on a valid owner", "[contacts]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 owner = require(TeamMemberRepository(temp.db()).create({0, QStringLiteral("Robin"), {}}));
    Contact contact = person(QStringLiteral("Ana"), {});
    contact.ownerId = owner;
    const qint64 id = require(contacts.create(contact));
    requireOk(temp.db().execute(QStringLiteral(
        "CREATE TEMP TRIGGER refuse_insert BEFORE INSERT ON contacts BEGIN SELECT RAISE(ABORT, "
        "'the disk said no'); END")));
    requireOk(temp.db().execute(QStringLiteral(
        "CREATE TEMP TRIGGER refuse_update BEFORE UPDATE ON contacts BEGIN SELECT RAISE(ABORT, "
        "'the disk said no'); END")));

    const Result<qint64> created = contacts.create(contact);
    REQUIRE_FALSE(created.ok());
    CHECK(created.error().kind == ErrorKind::Database);
    CHECK(created.error().message.contains(QStringLiteral("the disk said no")));
    const Status updated = contacts.update(require(contacts.get(id)));
    REQUIRE_FALSE(updated.ok());
    CHECK(updated.error().message.contains(QStringLiteral("the disk said no")));
    const Status set = contacts.setOwner(id, std::nullopt);
    REQUIRE_FALSE(set.ok());
    CHECK(set.error().message.contains(QStringLiteral("the disk said no")));
}

TEST_CASE("Removing a contact removes its methods, tag links, log, notes and score state", "[contacts]")
{
    PinnedClock clock;
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact contact =
        withMethod(person(QStringLiteral("Ana"), {}), MethodKind::Email, QStringLiteral("ana@example.com"));
    contact.tags << QStringLiteral("press");
    const qint64 id = require(contacts.create(contact));
    const qint64 other = require(contacts.create(
        withMethod(person(QStringLiteral("Sam"), {}), MethodKind::Email, QStringLiteral("sam@example.com"))));
    Interaction interaction;
    interaction.contactId = id;
    interaction.occurredAt = testNow - daySeconds;
    require(InteractionRepository(temp.db()).insert(interaction));
    TrustNote note;
    note.contactId = id;
    note.text = QStringLiteral("kept a promise");
    require(TrustNoteRepository(temp.db()).insert(note));
    requireOk(temp.db().execute(
        QStringLiteral("INSERT INTO relationship_state VALUES (%1, 0, 0, 0, 0, 0, 0, 0, 30, 1, 1, 0, 1, 0)")
            .arg(id)));

    requireOk(contacts.remove(id));

    CHECK_FALSE(require(contacts.exists(id)));
    CHECK(require(contacts.exists(other)));
    CHECK(require(contacts.count()) == 1);
    const QString ofContact = QStringLiteral(" WHERE contact_id = %1").arg(id);
    for (const char* table :
         {"contact_methods", "contact_tags", "interactions", "trust_notes", "relationship_state"}) {
        CAPTURE(table);
        CHECK(temp.number(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)) + ofContact) ==
              0);
    }
    CHECK(temp.number(QStringLiteral("SELECT count(*) FROM tags")) == 1); // the tag itself stays
    CHECK(require(contacts.get(other)).methods.size() == 1);

    const Status again = contacts.remove(id);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::NotFound);
    CHECK(again.error().message.contains(QString::number(id)));
}

TEST_CASE("Contacts can be counted and checked for existence", "[contacts]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    CHECK(require(contacts.count()) == 0);
    CHECK_FALSE(require(contacts.exists(1)));
    const qint64 first = require(contacts.create(person(QStringLiteral("Ana"), {})));
    const qint64 second = require(contacts.create(person(QStringLiteral("Sam"), {})));
    CHECK(first != second);
    CHECK(require(contacts.count()) == 2);
    CHECK(require(contacts.exists(first)));
    CHECK(require(contacts.exists(second)));
    CHECK_FALSE(require(contacts.exists(second + 1)));
}

TEST_CASE("A contact is found by the normalized value of a method", "[contacts][find]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact ana =
        withMethod(person(QStringLiteral("Ana"), {}), MethodKind::Email, QStringLiteral("Ana@Example.com"));
    ana.methods << method(MethodKind::Phone, QStringLiteral("+1 (555) 010-0100"))
                << method(MethodKind::Website, QStringLiteral("https://www.ana.example/"))
                << method(MethodKind::GitHub, QStringLiteral("@AnaCodes"));
    const qint64 id = require(contacts.create(ana));

    CHECK(require(contacts.findByMethod(QStringLiteral(" ANA@example.COM "))) == id);
    CHECK(require(contacts.findByMethod(QStringLiteral("+15550100100"), MethodKind::Phone)) == id);
    CHECK(require(contacts.findByMethod(QStringLiteral("+1 555 010 0100"))) == id);
    CHECK(require(contacts.findByMethod(QStringLiteral("http://ana.example"))) == id);
    CHECK(require(contacts.findByMethod(QStringLiteral("anacodes"), MethodKind::GitHub)) == id);
    CHECK(require(contacts.findByMethod(QStringLiteral("@anacodes"))) == id);

    // Restricted to another kind, or unknown: nothing.
    CHECK(require(contacts.findByMethod(QStringLiteral("anacodes"), MethodKind::X)) == std::nullopt);
    CHECK(require(contacts.findByMethod(QStringLiteral("nobody@example.com"))) == std::nullopt);
    CHECK(require(contacts.findByMethod(QString())) == std::nullopt);
}

TEST_CASE("Contact references resolve by id, email, service handle or bare handle", "[contacts][resolve]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    Contact ana =
        withMethod(person(QStringLiteral("Ana"), {}), MethodKind::Email, QStringLiteral("ana@example.com"));
    ana.methods << method(MethodKind::GitHub, QStringLiteral("ana-codes"))
                << method(MethodKind::X, QStringLiteral("@sam")); // Sam uses the same name on GitHub
    const qint64 anaId = require(contacts.create(ana));
    Contact sam = withMethod(person(QStringLiteral("Sam"), {}), MethodKind::GitHub, QStringLiteral("sam"));
    sam.methods << method(MethodKind::Phone, QStringLiteral("+44 20 7946 0000"));
    const qint64 samId = require(contacts.create(sam));

    SECTION("an id")
    {
        CHECK(require(contacts.resolve(QString::number(anaId))) == anaId);
        CHECK(require(contacts.resolve(QStringLiteral(" %1 ").arg(samId))) == samId);
    }
    SECTION("an email, in any case")
    {
        CHECK(require(contacts.resolve(QStringLiteral("Ana@Example.com"))) == anaId);
    }
    SECTION("service:handle, with or without at sign and with aliases")
    {
        CHECK(require(contacts.resolve(QStringLiteral("github:ana-codes"))) == anaId);
        CHECK(require(contacts.resolve(QStringLiteral("github:@Sam"))) == samId);
        CHECK(require(contacts.resolve(QStringLiteral("x:sam"))) == anaId);
        CHECK(require(contacts.resolve(QStringLiteral("twitter:@sam"))) == anaId);
        CHECK(require(contacts.resolve(QStringLiteral("phone:+44 20 7946 0000"))) == samId);
        CHECK(require(contacts.resolve(QStringLiteral("email:ana@example.com"))) == anaId);
    }
    SECTION("a bare handle")
    {
        CHECK(require(contacts.resolve(QStringLiteral("@ana-codes"))) == anaId);
        CHECK(require(contacts.resolve(QStringLiteral("ana-codes"))) == anaId);
    }
    SECTION("a bare handle two contacts use on different services is ambiguous")
    {
        const Result<qint64> resolved = contacts.resolve(QStringLiteral("@sam"));
        REQUIRE_FALSE(resolved.ok());
        CHECK(resolved.error().kind == ErrorKind::BadInput);
        CHECK(resolved.error().message.contains(QStringLiteral("'@sam' matches more than one contact")));
    }
}

TEST_CASE("Unknown contact references are not-found errors quoting what was typed", "[contacts][resolve]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 id = require(contacts.create(
        withMethod(person(QStringLiteral("Ana"), {}), MethodKind::GitHub, QStringLiteral("ana-codes"))));

    for (const QString& reference :
         {QString::number(id + 1), QStringLiteral("nobody@example.com"), QStringLiteral("github:nobody"),
          QStringLiteral("x:ana-codes"), QStringLiteral("@nobody"), QStringLiteral("nobody")}) {
        CAPTURE(reference);
        const Result<qint64> resolved = contacts.resolve(reference);
        REQUIRE_FALSE(resolved.ok());
        CHECK(resolved.error().kind == ErrorKind::NotFound);
        CHECK(resolved.error().message.startsWith(QStringLiteral("contact:")));
        CHECK(resolved.error().message.contains(reference));
    }

    const Result<qint64> empty = contacts.resolve(QStringLiteral("   "));
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().kind == ErrorKind::BadInput);
    CHECK(empty.error().message.startsWith(QStringLiteral("contact:")));
}

TEST_CASE("Invalid contacts are refused naming the field and store nothing", "[contacts][validation]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    require(contacts.create(person(QStringLiteral("Existing"), {})));
    const QString before = rowCounts(temp);

    Contact contact = person(QStringLiteral("Ana"), QStringLiteral("Lima"));
    QString field;
    SECTION("an empty name")
    {
        contact = person(QStringLiteral("  "), QString());
        contact.displayName = QStringLiteral(" \t");
        field = QStringLiteral("name");
    }
    SECTION("an invalid email")
    {
        contact.methods << method(MethodKind::Email, QStringLiteral("ana.example.com"));
        field = QStringLiteral("email");
    }
    SECTION("an empty method value")
    {
        contact.methods << method(MethodKind::GitHub, QStringLiteral("  "));
        field = QStringLiteral("github");
    }
    SECTION("a phone without digits")
    {
        contact.methods << method(MethodKind::Phone, QStringLiteral("ask reception"));
        field = QStringLiteral("phone");
    }
    SECTION("a cadence of zero days")
    {
        contact.cadenceDays = 0.0;
        field = QStringLiteral("cadence");
    }
    SECTION("a cadence that is not a number")
    {
        contact.cadenceDays = std::numeric_limits<double>::quiet_NaN();
        field = QStringLiteral("cadence");
    }
    SECTION("a cadence longer than ten years")
    {
        contact.cadenceDays = 1e308;
        field = QStringLiteral("cadence: must be a number of days from 1 to 3650");
    }
    SECTION("a cadence shorter than a day")
    {
        contact.cadenceDays = 1e-300;
        field = QStringLiteral("cadence: must be a number of days from 1 to 3650");
    }
    SECTION("a terminal escape in the name")
    {
        contact.displayName = QStringLiteral("Ana \x1b[31mLima");
        field = QStringLiteral("name: must not contain control characters (U+001B at position 5)");
    }
    SECTION("a line break in the family name")
    {
        contact.familyName = QStringLiteral("Li\nma");
        field = QStringLiteral("family name: must not contain control characters (U+000A at position 3)");
    }
    SECTION("a control character in a handle")
    {
        contact.methods << method(MethodKind::GitHub, QStringLiteral("ana\x07"));
        field = QStringLiteral("github: must not contain control characters");
    }
    SECTION("a line break in a tag")
    {
        contact.tags << QStringLiteral("press\nmedia");
        field = QStringLiteral("tag: must not contain control characters");
    }
    SECTION("an empty tag")
    {
        contact.tags << QStringLiteral("press") << QStringLiteral(" ");
        field = QStringLiteral("tag");
    }
    SECTION("a tag with a comma")
    {
        contact.methods << method(MethodKind::Email, QStringLiteral("ana@example.com"));
        contact.tags << QStringLiteral("press") << QStringLiteral("press,media");
        field = QStringLiteral("tag");
    }

    const QString reason = ContactRepository::validationError(contact);
    const Result<qint64> created = contacts.create(contact);
    REQUIRE_FALSE(created.ok());
    checkRefused(created.error(), ErrorKind::BadInput, field);
    if (!reason.isEmpty())
        CHECK(created.error().message == reason);
    CHECK(rowCounts(temp) == before);
    CHECK(temp.db().transactionDepth() == 0);
}

TEST_CASE("A valid contact has no validation error", "[contacts][validation]")
{
    Contact contact = person(QStringLiteral("Ana"), {});
    contact.cadenceDays = 7.0;
    contact.methods << method(MethodKind::Email, QStringLiteral("ana@example.com"));
    contact.tags << QStringLiteral("press");
    CHECK(ContactRepository::validationError(contact).isEmpty());
    contact.cadenceDays = -1.0;
    CHECK(ContactRepository::validationError(contact).startsWith(QStringLiteral("cadence")));
    contact.cadenceDays = std::numeric_limits<double>::infinity();
    CHECK(ContactRepository::validationError(contact).startsWith(QStringLiteral("cadence")));
}
