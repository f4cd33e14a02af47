// SPDX-License-Identifier: GPL-3.0-or-later
// ModelChecks finds a broken model, and the models no page test builds on its own pass it while they
// change: the duplicate pairs, the team members and the contact picker's suggestions.
#include "tests/support/ModelChecks.h"

#include "core/services/DuplicateFinder.h"
#include "core/storage/TeamMemberRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/contacts/DuplicatePairModel.h"
#include "ui/settings/TeamMemberModel.h"
#include "ui/widgets/ContactSuggestionModel.h"

using namespace rapport;
using namespace rapport::test;

namespace {

// Says it has three rows but gives an invalid index for the last one.
class ShortModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 3; }
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override
    {
        return row < 2 ? QAbstractListModel::index(row, column, parent) : QModelIndex();
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        return role == Qt::DisplayRole ? QVariant(index.row()) : QVariant();
    }
};

} // namespace

TEST_CASE("ModelChecks reports what QAbstractItemModelTester finds", "[ui][models]")
{
    ShortModel broken;
    ModelChecks checks(&broken);
    const QStringList found = checks.takeFindings();
    REQUIRE_FALSE(found.isEmpty());
    CHECK(checks.takeFindings().isEmpty());
}

TEST_CASE("The duplicate pairs model keeps the contract as pairs are dismissed and merged away",
          "[ui][models]")
{
    // Contact 4 is in two pairs: merging it away drops both.
    const auto pair = [](qint64 first, qint64 second, DuplicateReason reason) {
        DuplicatePair made;
        made.firstId = first;
        made.secondId = second;
        made.firstName = QStringLiteral("Person %1").arg(first);
        made.secondName = QStringLiteral("Person %1").arg(second);
        made.reason = reason;
        made.confidence = 0.9;
        made.detail = QStringLiteral("p%1@example.org").arg(first);
        return made;
    };
    ui::DuplicatePairModel pairs(
        {pair(1, 2, DuplicateReason::SameEmail), pair(3, 4, DuplicateReason::SameEmail),
         pair(4, 5, DuplicateReason::SamePhone), pair(6, 7, DuplicateReason::SameEmail)});
    ModelChecks checks(&pairs);
    pairs.removePair(0);
    REQUIRE(pairs.rowCount() == 3);
    pairs.removeContacts({4});
    REQUIRE(pairs.rowCount() == 1);
    CHECK(pairs.pairAt(0).firstId == 6);
    pairs.removePair(1); // past the end: nothing happens
    CHECK(pairs.rowCount() == 1);
    CHECK(pairs.data(pairs.index(0, ui::DuplicatePairModel::FirstColumn)).toString() ==
          QStringLiteral("Person 6 (#6)"));
    CHECK_FALSE(pairs.data(pairs.index(0, ui::DuplicatePairModel::ReasonColumn)).toString().isEmpty());
}

TEST_CASE("The team member model keeps the contract through adds and renames", "[ui][models]")
{
    UiFixture fixture;
    ui::TeamMemberModel members(fixture.session());
    ModelChecks checks(&members);
    requireOk(members.reload());
    const int before = members.rowCount();
    TeamMember newcomer;
    newcomer.name = QStringLiteral("Noor Haddad");
    const qint64 id = require(TeamMemberRepository(fixture.session().database()).create(newcomer));
    requireOk(members.reload());
    REQUIRE(members.rowCount() == before + 1);
    const int row = members.rowOf(id);
    REQUIRE(row >= 0);
    CHECK(members.setData(members.index(row), QStringLiteral("Noor Haddad-Kaya")));
    CHECK(members.data(members.index(row)).toString() == QStringLiteral("Noor Haddad-Kaya"));
    CHECK(members.data(members.index(row), ui::TeamMemberModel::MemberIdRole).toLongLong() == id);
}

TEST_CASE("The contact picker's suggestions keep the contract as the text changes", "[ui][models]")
{
    UiFixture fixture;
    ui::ContactSuggestionModel suggestions(fixture.session());
    ModelChecks checks(&suggestions);
    requireOk(suggestions.search(QStringLiteral("a"), 10));
    const int broad = suggestions.rowCount();
    CHECK(broad > 0);
    CHECK(broad <= 10);
    requireOk(suggestions.search(QStringLiteral("zzzzqx"), 10));
    CHECK(suggestions.rowCount() == 0);
    requireOk(suggestions.search(QStringLiteral("a"), 3));
    CHECK(suggestions.rowCount() == std::min(broad, 3));
    for (int row = 0; row < suggestions.rowCount(); ++row)
        CHECK(
            suggestions.data(suggestions.index(row), ui::ContactSuggestionModel::ContactIdRole).toLongLong() >
            0);
}
