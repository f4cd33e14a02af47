// SPDX-License-Identifier: GPL-3.0-or-later
// Reach out, read from the score board: every overdue contact and only those, most overdue first,
// archived contacts left out, a logged conversation updating its row in place, and names that cannot
// be read reported once.
#include "ui/reachout/ReachOutPage.h"

#include "core/storage/ContactDirectory.h"
#include "core/storage/ContactRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/reachout/OverdueContactsModel.h"
#include "ui/undo/ConversationCommands.h"

#include <QComboBox>
#include <QLabel>
#include <QSet>
#include <QSignalSpy>

using namespace rapport;
using namespace rapport::test;

TEST_CASE("Reach out lists exactly the overdue contacts, most overdue first", "[ui][reachout]")
{
    UiFixture fixture(200, 3000);
    ui::DatabaseSession& session = fixture.session();
    requireOk(ContactRepository(session.database()).setArchived(7, true));
    session.contactTouched(7);
    ui::ReachOutPage page(session);
    ModelChecks checks(page.model());
    page.refresh();
    const ui::OverdueContactsModel& overdue = *page.model();

    QSet<qint64> expected;
    for (const ContactScore& score : require(session.engine().scoreAll(testNow, false))) {
        if (score.score.hasHistory && score.score.overdueRatio > 1.0 && score.contactId != 7)
            expected.insert(score.contactId);
    }
    REQUIRE(!expected.isEmpty());
    QSet<qint64> listed;
    double previous = 1e9;
    for (int row = 0; row < overdue.rowCount(); ++row) {
        const double ratio = overdue.index(row, 0).data(ui::ContactTableModel::OverdueRole).toDouble();
        CHECK(ratio <= previous);
        previous = ratio;
        listed.insert(overdue.contactAt(row));
    }
    CHECK(listed == expected);
    CHECK(overdue.headerData(ui::OverdueContactsModel::OverdueColumn, Qt::Horizontal).toString() ==
          QStringLiteral("× overdue"));
    const double topRatio = overdue.index(0, 0).data(ui::ContactTableModel::OverdueRole).toDouble();
    CHECK(overdue.index(0, ui::OverdueContactsModel::OverdueColumn).data().toString() ==
          QStringLiteral("%1×").arg(topRatio, 0, 'f', 1));
    CHECK(!overdue.index(0, ui::OverdueContactsModel::NameColumn).data().toString().isEmpty());
    CHECK(page.currentContactId() == overdue.contactAt(0));

    // Logging with the most overdue contact updates its row without reordering the list.
    const qint64 top = overdue.contactAt(0);
    const int rows = overdue.rowCount();
    Interaction call;
    call.contactId = top;
    call.occurredAt = testNow;
    call.channel = Channel::Call;
    require(ui::DatabaseCommand::push(session,
                                      std::make_unique<ui::AddRemoveConversationCommand>(
                                          session, call, ui::AddRemoveConversationCommand::Action::Log)));
    CHECK(overdue.contactAt(0) == top);
    CHECK(overdue.rowCount() == rows);
    CHECK(overdue.index(0, 0).data(ui::ContactTableModel::OverdueRole).toDouble() < 1.0);
    // The count is live: the reached row stays in place, greyed, and leaves the count at once.
    CHECK(overdue.stillOverdueCount() == rows - 1);
    CHECK(overdue.index(0, ui::OverdueContactsModel::OverdueColumn).data().toString() ==
          QStringLiteral("reached"));
    CHECK(overdue.index(0, 0).data(Qt::ForegroundRole).isValid());
    const auto* summary = page.findChildren<QLabel*>().at(0);
    CHECK(summary->text().contains(QStringLiteral("<b>%1 people</b>").arg(rows - 1)));
    CHECK(summary->text().contains(QStringLiteral("Reached since this list was made (grey): 1.")));
    page.refresh();
    CHECK(overdue.rowCount() == rows - 1);
    CHECK(overdue.stillOverdueCount() == rows - 1);
}

TEST_CASE("Reach out filters by owner and tag and shows each row's owner", "[ui][reachout]")
{
    UiFixture fixture(200, 3000);
    ui::DatabaseSession& session = fixture.session();
    ui::ReachOutPage page(session);
    page.refresh();
    const ui::OverdueContactsModel& overdue = *page.model();
    const int everyone = overdue.rowCount();
    REQUIRE(everyone > 0);

    auto* owner = page.findChild<QComboBox*>(QStringLiteral("reachOutOwner"));
    auto* tag = page.findChild<QComboBox*>(QStringLiteral("reachOutTag"));
    REQUIRE((owner && tag));
    REQUIRE(owner->count() > 2); // All owners, Nobody, each member
    owner->setCurrentIndex(2);
    const qint64 ownerId = owner->currentData().toLongLong();
    REQUIRE(overdue.rowCount() > 0);
    CHECK(overdue.rowCount() < everyone);
    for (int row = 0; row < overdue.rowCount(); ++row) {
        CHECK(session.board().find(overdue.contactAt(row))->ownerId == ownerId);
        CHECK(overdue.index(row, ui::OverdueContactsModel::OwnerColumn).data().toString() ==
              owner->currentText());
    }

    REQUIRE(tag->count() > 1);
    tag->setCurrentIndex(1);
    const QSet<qint64> carriers =
        require(ContactDirectory(session.database()).carrying(tag->currentData().toLongLong()));
    for (int row = 0; row < overdue.rowCount(); ++row) {
        CHECK(carriers.contains(overdue.contactAt(row)));
        CHECK(session.board().find(overdue.contactAt(row))->ownerId == ownerId);
    }
    CHECK(overdue.stillOverdueCount() == overdue.rowCount());

    owner->setCurrentIndex(0);
    tag->setCurrentIndex(0);
    CHECK(overdue.rowCount() == everyone);
    page.resize(1150, 500);
    page.show();
    UiFixture::saveScreenshot(page, QStringLiteral("reach-out-filtered"));
}

TEST_CASE("Reach out reports names it cannot read, once", "[ui][reachout][errors]")
{
    UiFixture fixture(200, 3000);
    ui::DatabaseSession& session = fixture.session();
    ui::OverdueContactsModel overdue(session);
    overdue.refresh();
    REQUIRE(overdue.rowCount() > 1);
    const int rows = overdue.rowCount();
    QSignalSpy errors(&session, &ui::DatabaseSession::errorOccurred);
    requireOk(session.database().execute(QStringLiteral("ALTER TABLE contacts RENAME TO contacts_gone")));
    CHECK(overdue.index(0, ui::OverdueContactsModel::NameColumn).data().toString().isEmpty());
    CHECK(overdue.index(1, ui::OverdueContactsModel::NameColumn).data().toString().isEmpty());
    requireOk(session.database().execute(QStringLiteral("ALTER TABLE contacts_gone RENAME TO contacts")));
    CHECK(overdue.rowCount() == rows);
    REQUIRE(errors.count() == 1);
    CHECK(errors.at(0).at(0).toString().startsWith(
        QStringLiteral("Could not read the names of the overdue contacts: ")));
    CHECK_FALSE(overdue.index(0, ui::OverdueContactsModel::NameColumn).data().toString().isEmpty());
}
