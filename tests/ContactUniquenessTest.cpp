// SPDX-License-Identifier: GPL-3.0-or-later
// One contact per email, phone and handle: refused inside the write, kept for files that had clashes
// before schema version 4, and listed by the consistency check for someone to settle.
#include "core/services/ConsistencyCheck.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/Migrations.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

Contact named(const QString& name, QList<ContactMethod> methods = {})
{
    Contact contact;
    contact.displayName = name;
    contact.methods = std::move(methods);
    return contact;
}

ContactMethod email(const QString& value)
{
    return ContactMethod{0, MethodKind::Email, value, QString()};
}

// A file at schema version 3, written through the migrations list as version 3 of Rapport wrote it.
QString makeVersion3File(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("v3.sqlite3"));
    QByteArray schema = schemaUpTo(3);
    rawExecute(path, schema.constData());
    return path;
}

} // namespace

TEST_CASE("An email, phone or handle another contact has is refused, naming that contact",
          "[contacts][uniqueness]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 ana =
        require(contacts.create(named(QStringLiteral("Ana"), {email(QStringLiteral("team@example.com"))})));
    const qint64 sam = require(contacts.create(named(QStringLiteral("Sam"))));

    SECTION("on create, whatever the case of the address")
    {
        const Result<qint64> created =
            contacts.create(named(QStringLiteral("Kim"), {email(QStringLiteral(" TEAM@example.COM"))}));
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().kind == ErrorKind::BadInput);
        CHECK(created.error().message ==
              QStringLiteral("email: 'TEAM@example.COM' already belongs to contact %1 (Ana)").arg(ana));
        CHECK(temp.number(QStringLiteral("SELECT count(*) FROM contacts")) == 2);
    }
    SECTION("on update, leaving the contact as it was")
    {
        Contact edited = require(contacts.get(sam));
        edited.displayName = QStringLiteral("Samuel");
        edited.methods << email(QStringLiteral("team@example.com"));
        const Status updated = contacts.update(edited);
        REQUIRE_FALSE(updated.ok());
        CHECK(updated.error().message.contains(QStringLiteral("contact %1 (Ana)").arg(ana)));
        CHECK(require(contacts.get(sam)).displayName == QStringLiteral("Sam"));
        CHECK(require(contacts.get(sam)).methods.isEmpty());
    }
    SECTION("a phone written differently")
    {
        requireOk(contacts.update([&] {
            Contact withPhone = require(contacts.get(ana));
            withPhone.methods << ContactMethod{0, MethodKind::Phone, QStringLiteral("+1 555 010 0100"), {}};
            return withPhone;
        }()));
        const Result<qint64> created =
            contacts.create(named(QStringLiteral("Kim"),
                                  {ContactMethod{0, MethodKind::Phone, QStringLiteral("+15550100100"), {}}}));
        REQUIRE_FALSE(created.ok());
        CHECK(created.error().message.startsWith(QStringLiteral("phone: ")));
    }
    // The index is the last word, whatever path a row takes.
    CHECK_FALSE(
        temp.db()
            .execute(QStringLiteral("INSERT INTO contact_methods (contact_id, kind, value, normalized)"
                                    " VALUES (%1, 'email', 'team@example.com', 'team@example.com')")
                         .arg(sam))
            .ok());
}

TEST_CASE("The same address twice in one contact is stored once", "[contacts][uniqueness]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 id =
        require(contacts.create(named(QStringLiteral("Ana"), {email(QStringLiteral("ana@example.com")),
                                                              email(QStringLiteral("ANA@example.com"))})));
    const Contact stored = require(contacts.get(id));
    REQUIRE(stored.methods.size() == 1);
    CHECK(stored.methods.at(0).value == QStringLiteral("ana@example.com"));
}

TEST_CASE("Undoing a delete gives a contact back its email even when another has it now",
          "[contacts][uniqueness]")
{
    TempDatabase temp;
    ContactRepository contacts(temp.db());
    const qint64 ana =
        require(contacts.create(named(QStringLiteral("Ana"), {email(QStringLiteral("team@example.com"))})));
    // Not the newest row, so that SQLite does not give its id to the next contact.
    require(contacts.create(named(QStringLiteral("Lee"))));
    const ContactSnapshot snapshot = require(contacts.snapshot(ana));
    requireOk(contacts.remove(ana));
    const qint64 kim =
        require(contacts.create(named(QStringLiteral("Kim"), {email(QStringLiteral("team@example.com"))})));

    requireOk(contacts.restore(snapshot));
    CHECK(require(contacts.get(ana)).methods.size() == 1);
    const Result<std::optional<qint64>> found = contacts.findByMethod(QStringLiteral("team@example.com"));
    REQUIRE_FALSE(found.ok());
    CHECK(found.error().message.contains(QStringLiteral("more than one contact")));

    // An edit of either keeps what it has; the check lists the address for someone to settle.
    Contact renamed = require(contacts.get(ana));
    renamed.displayName = QStringLiteral("Ana Lima");
    requireOk(contacts.update(renamed));
    CHECK(require(contacts.get(ana)).methods.size() == 1);
    const ConsistencyReport report = require(ConsistencyCheck(temp.db()).run());
    CHECK(report.consistent());
    REQUIRE(report.toReview.size() == 1);
    CHECK(report.toReview.at(0) ==
          QStringLiteral("email 'team@example.com' belongs to contacts %1, %2: merge them or remove it "
                         "from all but one")
              .arg(kim)
              .arg(ana));
}

TEST_CASE("A version 3 file whose contacts share addresses upgrades, keeping every address",
          "[contacts][uniqueness][migrations]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = makeVersion3File(dir);
    rawExecute(path, "INSERT INTO contacts (id, display_name, created_at, updated_at) VALUES"
                     " (1, 'Ana', 0, 0), (2, 'Ana L.', 0, 0), (3, 'Sam', 0, 0), (4, 'Ana Lima', 0, 0);"
                     "INSERT INTO contact_methods (contact_id, kind, value, normalized) VALUES"
                     " (1, 'email', 'ana@example.com', 'ana@example.com'),"
                     " (2, 'email', 'Ana@Example.com', 'ana@example.com'),"
                     " (3, 'email', 'sam@example.com', 'sam@example.com'),"
                     " (4, 'email', 'ana@example.com', 'ana@example.com'),"
                     " (3, 'github', 'sam', 'sam');");

    std::unique_ptr<Database> db = require(Database::open(path));
    CHECK(db->schemaVersion() == currentSchemaVersion());
    const auto clashes = [&] {
        QStringList rows;
        QSqlQuery query = db->prepare(
            QStringLiteral("SELECT contact_id, clash FROM contact_methods WHERE kind = 'email' ORDER BY id"));
        requireOk(Database::run(query));
        while (query.next())
            rows << QStringLiteral("%1:%2").arg(query.value(0).toString(), query.value(1).toString());
        return rows.join(QLatin1Char(' '));
    };
    CHECK(clashes() == QStringLiteral("1:0 2:1 3:0 4:2"));

    const ConsistencyReport report = require(ConsistencyCheck(*db).run());
    CHECK(report.consistent());
    REQUIRE(report.toReview.size() == 1);
    CHECK(report.toReview.at(0).startsWith(
        QStringLiteral("email 'Ana@Example.com' belongs to contacts 1, 2, 4")));

    ContactRepository contacts(*db);
    const Result<qint64> another =
        contacts.create(named(QStringLiteral("Kim"), {email(QStringLiteral("ana@example.com"))}));
    REQUIRE_FALSE(another.ok());
    CHECK(another.error().message.contains(QStringLiteral("already belongs to contact 1 (Ana)")));
    CHECK_FALSE(require(contacts.create(
                    named(QStringLiteral("Kim"), {email(QStringLiteral("kim@example.com"))}))) == 0);
}
