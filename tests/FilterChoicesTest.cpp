// SPDX-License-Identifier: GPL-3.0-or-later
// FilterChoices: the owner and tag boxes of the contact list and the dashboard.
#include "ui/widgets/FilterChoices.h"

#include "core/storage/TagRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/TestSupport.h"

#include <QComboBox>

using namespace rapport;
using namespace rapport::test;
using namespace rapport::ui;

TEST_CASE("Filter boxes list everyone and every tag, and keep the choice made when refilled", "[ui][filters]")
{
    TempDatabase temp;
    Database& db = temp.db();
    const qint64 ada = require(TeamMemberRepository(db).create(TeamMember{0, QStringLiteral("Ada"), {}}));
    const qint64 meetups = require(TagRepository(db).ensure(QStringLiteral("meetups")));
    QComboBox owner;
    QComboBox tag;
    fillOwnerAndTagChoices(db, owner, tag);
    REQUIRE(owner.count() == 3); // All owners, Nobody, Ada
    REQUIRE(tag.count() == 2);   // All tags, meetups
    CHECK_FALSE(chosenId(owner).has_value());
    owner.setCurrentIndex(1);
    CHECK(chosenId(owner) == 0);

    owner.setCurrentIndex(owner.findData(ada));
    tag.setCurrentIndex(tag.findData(meetups));
    require(TeamMemberRepository(db).create(TeamMember{0, QStringLiteral("Aaron"), {}}));
    fillOwnerAndTagChoices(db, owner, tag);
    CHECK(owner.count() == 4);
    CHECK(chosenId(owner) == ada);
    CHECK(chosenId(tag) == meetups);
}
