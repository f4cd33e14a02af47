// SPDX-License-Identifier: GPL-3.0-or-later
// ContactGroups: owners, tags and archive state in memory, filtered like the dashboard filters.
#include "core/dashboard/ContactGroups.h"

#include "core/storage/ContactRepository.h"
#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

using namespace rapport;
using namespace rapport::test;

TEST_CASE("Contact groups keep what the dashboard filter asks for and follow writes", "[dashboard][groups]")
{
    PinnedClock clock;
    TempDatabase temp;
    Database& db = temp.db();
    const qint64 ada = require(TeamMemberRepository(db).ensure(QStringLiteral("Ada")));
    Contact contact;
    contact.displayName = QStringLiteral("Owned and tagged");
    contact.ownerId = ada;
    contact.tags = {QStringLiteral("press")};
    const qint64 owned = require(ContactRepository(db).create(contact));
    contact = Contact();
    contact.displayName = QStringLiteral("Nobody's");
    const qint64 loose = require(ContactRepository(db).create(contact));
    const qint64 press = require(TagRepository(db).ensure(QStringLiteral("press")));

    ContactGroups groups = require(ContactGroups::load(db));
    REQUIRE(groups.entries().size() == 2);
    DashboardFilter filter = DashboardFilter::lastDays(DashboardPeriod::Last90Days, testNow);
    CHECK(groups.keeps(*groups.find(owned), filter));
    CHECK(groups.keeps(*groups.find(loose), filter));
    filter.ownerId = ada;
    CHECK(groups.keeps(*groups.find(owned), filter));
    CHECK_FALSE(groups.keeps(*groups.find(loose), filter));
    filter.ownerId = 0;
    CHECK(groups.keeps(*groups.find(loose), filter));
    filter.ownerId.reset();
    filter.tagId = press;
    CHECK(groups.keeps(*groups.find(owned), filter));
    CHECK_FALSE(groups.keeps(*groups.find(loose), filter));

    requireOk(ContactRepository(db).setArchived(owned, true));
    requireOk(groups.refresh(db, owned));
    CHECK_FALSE(groups.keeps(*groups.find(owned), filter));
    requireOk(ContactRepository(db).remove(loose));
    requireOk(groups.refresh(db, loose));
    CHECK(groups.find(loose) == nullptr);
    CHECK(groups.entries().size() == 1);
}
