// SPDX-License-Identifier: GPL-3.0-or-later
// ContactResolver reads a contact reference exactly as ContactRepository::resolve does.
#include "core/import/ContactResolver.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("ContactResolver agrees with ContactRepository::resolve", "[import]")
{
    TempDatabase database;
    ContactRepository contacts(database.db());
    auto add = [&contacts](const QString& name, const QList<ContactMethod>& methods) {
        Contact contact;
        contact.displayName = name;
        contact.methods = methods;
        return require(contacts.create(contact));
    };
    add(QStringLiteral("Ada"), {{0, MethodKind::Email, QStringLiteral("Ada@Example.org"), {}},
                                {0, MethodKind::X, QStringLiteral("@ada"), {}}});
    add(QStringLiteral("Bob"), {{0, MethodKind::Forum, QStringLiteral("shared"), {}},
                                {0, MethodKind::Phone, QStringLiteral("+1 (555) 0100"), {}}});
    add(QStringLiteral("Carol"),
        {{0, MethodKind::GitHub, QStringLiteral("shared"), {}},
         {0, MethodKind::Website, QStringLiteral("https://www.carol.example/"), {}}});
    const ContactResolver resolver = require(ContactResolver::load(database.db(), true));
    for (const char* reference :
         {"1", "3", "99", "ada@example.org", "ADA@EXAMPLE.ORG ", "x:ada", "twitter:@ada", "ada", "@ada",
          "forum:shared", "github:shared", "shared", "phone:+15550100", "website:carol.example",
          "nobody@example.org", "", "myspace:ada"}) {
        INFO(reference);
        const Result<qint64> expected = contacts.resolve(QString::fromUtf8(reference));
        const Result<qint64> actual = resolver.resolve(QString::fromUtf8(reference));
        REQUIRE(actual.ok() == expected.ok());
        if (expected.ok())
            CHECK(*actual == *expected);
        else
            CHECK(actual.error().kind == expected.error().kind);
    }
}
