// SPDX-License-Identifier: GPL-3.0-or-later
// ColumnMapping: what the import wizard builds, saves and reuses.
#include "core/import/ColumnMapping.h"

#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("A column is bound to one field at a time, fields may take several columns", "[import][mapping]")
{
    ColumnMapping mapping;
    mapping.bind(2, ImportField::Email);
    mapping.bind(0, ImportField::GivenName);
    mapping.bind(3, ImportField::Email);
    mapping.bind(0, ImportField::DisplayName);
    CHECK(mapping.bindings().size() == 3);
    CHECK(mapping.bindings().constFirst().column == 0);
    CHECK(mapping.bindingOf(0)->field == ImportField::DisplayName);
    CHECK(mapping.bindingsOf(ImportField::Email).size() == 2);
    CHECK_FALSE(mapping.has(ImportField::GivenName));
    mapping.unbind(2);
    CHECK(mapping.bindingsOf(ImportField::Email).size() == 1);
    CHECK_FALSE(mapping.bindingOf(7));
}

TEST_CASE("A mapping says which required field it lacks", "[import][mapping]")
{
    ColumnMapping mapping;
    CHECK(mapping.problem(ImportTarget::Contacts) ==
          QStringLiteral("no column gives a name, an email or a handle"));
    mapping.bind(0, ImportField::Email);
    CHECK(mapping.problem(ImportTarget::Contacts).isEmpty());
    CHECK(mapping.problem(ImportTarget::Interactions)
              .startsWith(QStringLiteral("no column names the contact")));
    mapping.bind(0, ImportField::ContactKey);
    mapping.bind(1, ImportField::OccurredAt);
    mapping.bind(2, ImportField::Channel);
    CHECK(mapping.problem(ImportTarget::Interactions) == QStringLiteral("no column gives the direction"));
    mapping.bind(3, ImportField::Direction);
    CHECK(mapping.problem(ImportTarget::Interactions).isEmpty());
    CHECK(mapping.problem(ImportTarget::Notes) == QStringLiteral("no column gives the date written"));
}

TEST_CASE("A saved mapping is restored by column name, whatever the column order", "[import][mapping]")
{
    const QStringList header{QStringLiteral("Name"), QStringLiteral("Mail"), QStringLiteral("Twitter")};
    ColumnMapping mapping;
    mapping.bind(0, ImportField::DisplayName);
    mapping.bind(1, ImportField::Email);
    mapping.bind(2, ImportField::Handle, MethodKind::X);
    const QStringList saved = mapping.save(header);
    CHECK(saved == QStringList{QStringLiteral("Name=display_name"), QStringLiteral("Mail=email"),
                               QStringLiteral("Twitter=handle:x")});
    const QStringList reordered{QStringLiteral("Twitter"), QStringLiteral("Name"), QStringLiteral("Mail")};
    const ColumnMapping restored = require(ColumnMapping::restore(saved, reordered));
    CHECK(restored.bindingOf(0)->field == ImportField::Handle);
    CHECK(restored.bindingOf(0)->service == MethodKind::X);
    CHECK(restored.bindingOf(1)->field == ImportField::DisplayName);
    CHECK(restored.save(reordered).size() == 3);

    const Result<ColumnMapping> missing = ColumnMapping::restore(saved, {QStringLiteral("Name")});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == QStringLiteral("saved mapping: this file has no column 'Mail'"));
    CHECK_FALSE(ColumnMapping::restore({QStringLiteral("Name=shoe_size")}, header).ok());
    CHECK_FALSE(ColumnMapping::restore({QStringLiteral("Twitter=handle:myspace")}, header).ok());
}

TEST_CASE("The first guess maps columns named like Rapport's fields", "[import][mapping]")
{
    const QStringList header{QStringLiteral("First name"), QStringLiteral("Last Name"),
                             QStringLiteral("E-Mail"),     QStringLiteral("Work email"),
                             QStringLiteral("GitHub"),     QStringLiteral("Shoe size"),
                             QStringLiteral("Labels")};
    const ColumnMapping guess = ColumnMapping::guess(header, ImportTarget::Contacts);
    CHECK(guess.bindingOf(0)->field == ImportField::GivenName);
    CHECK(guess.bindingOf(1)->field == ImportField::FamilyName);
    CHECK(guess.bindingOf(2)->field == ImportField::Email);
    CHECK_FALSE(guess.bindingOf(3));
    CHECK(guess.bindingOf(4)->field == ImportField::Handle);
    CHECK(guess.bindingOf(4)->service == MethodKind::GitHub);
    CHECK_FALSE(guess.bindingOf(5));
    CHECK(guess.bindingOf(6)->field == ImportField::Tags);

    const ColumnMapping log =
        ColumnMapping::guess({QStringLiteral("Contact"), QStringLiteral("Date"), QStringLiteral("Channel"),
                              QStringLiteral("Direction"), QStringLiteral("Subject")},
                             ImportTarget::Interactions);
    CHECK(log.problem(ImportTarget::Interactions).isEmpty());
    CHECK(log.bindingOf(4)->field == ImportField::Summary);
    for (ImportField field : importFields(ImportTarget::Notes))
        CHECK(parseImportField(importFieldKey(field)) == field);
}
