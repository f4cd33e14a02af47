// SPDX-License-Identifier: GPL-3.0-or-later
// The People section edits links: an introducer chosen in its dialog, replaced and removed, an
// acquaintance removed with its ✕ — each one undoable step, shown on both contacts' pages at once.
#include "ui/contacts/PeopleSection.h"

#include "core/base/IsoTime.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/contacts/ContactDetailPanel.h"
#include "ui/contacts/LinkContactDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/ContactPicker.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace rapport;
using namespace rapport::test;

namespace {

// Chooses `otherId` in the link dialog the next click opens, with `note`, and saves.
std::shared_ptr<const DialogVisit> chooseInDialog(qint64 otherId, const QString& note,
                                                  std::optional<qint64> expectedPrefill = std::nullopt)
{
    return whenDialogOpens<ui::LinkContactDialog>([=](ui::LinkContactDialog& dialog) {
        if (expectedPrefill)
            CHECK(dialog.otherId() == *expectedPrefill);
        auto* picker = dialog.findChild<ui::ContactPicker*>(QStringLiteral("linkContact"));
        REQUIRE(picker);
        picker->setContact(otherId);
        auto* noteField = dialog.findChild<QLineEdit*>(QStringLiteral("linkNote"));
        noteField->clear();
        QTest::keyClicks(noteField, note);
        QTest::keyClick(noteField, Qt::Key_Return);
    });
}

QString introducedByLink(qint64 id)
{
    return QStringLiteral("Introduced by <a href=\"contact:%1\">").arg(id);
}

QString introducedLink(qint64 id)
{
    return QStringLiteral("Introduced (1): <a href=\"contact:%1\">").arg(id);
}

} // namespace

TEST_CASE("An introducer chosen in the People section shows on both pages and is undone and redone",
          "[ui][links]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    requireOk(db.execute(QStringLiteral("DELETE FROM contact_links")));
    ui::ContactDetailPanel ada(session);
    ada.resize(1280, 800);
    ada.show();
    ada.showContact(3);
    ui::ContactDetailPanel grace(session);
    grace.show();
    grace.showContact(4);
    QPushButton* introducedBy = ada.peopleSection()->introducerButton();

    auto visit = chooseInDialog(4, QStringLiteral("at the meetup"));
    QTest::mouseClick(introducedBy, Qt::LeftButton);
    REQUIRE(visit->completed());
    const std::optional<ContactLink> link = require(ContactLinkRepository(db).introducerOf(3));
    REQUIRE(link);
    CHECK(link->otherId == 4);
    CHECK(link->details.note == QStringLiteral("at the meetup"));
    CHECK_FALSE(link->details.occurredAt);
    CHECK(ada.peopleText().contains(introducedByLink(4)));
    CHECK(ada.peopleText().contains(QStringLiteral("<i>(at the meetup)</i>")));
    CHECK(grace.peopleText().contains(introducedLink(3)));
    REQUIRE(session.undoStack()->count() == 1);
    const QString adaName = require(ContactRepository(db).get(3)).effectiveDisplayName();
    const QString graceName = require(ContactRepository(db).get(4)).effectiveDisplayName();
    CHECK(session.undoStack()->undoText() == QStringLiteral("%1 introduced by %2").arg(adaName, graceName));

    session.undoStack()->undo();
    CHECK_FALSE(require(ContactLinkRepository(db).introducerOf(3)));
    CHECK_FALSE(ada.peopleText().contains(QStringLiteral("Introduced by")));
    CHECK(grace.peopleText().contains(QStringLiteral("No introductions or acquaintances recorded")));
    session.undoStack()->redo();
    CHECK(require(ContactLinkRepository(db).introducerOf(3))->details.note ==
          QStringLiteral("at the meetup"));
    CHECK(ada.peopleText().contains(introducedByLink(4)));
    CHECK(grace.peopleText().contains(introducedLink(3)));

    // Another introducer replaces the first without asking; undo brings the first back with its note.
    ui::ContactDetailPanel ben(session);
    ben.show();
    ben.showContact(5);
    visit = chooseInDialog(5, QStringLiteral("same team"), 4);
    QTest::mouseClick(introducedBy, Qt::LeftButton);
    REQUIRE(visit->completed());
    CHECK(require(ContactLinkRepository(db).introducerOf(3))->otherId == 5);
    CHECK(ada.peopleText().contains(introducedByLink(5)));
    CHECK(ben.peopleText().contains(introducedLink(3)));
    CHECK_FALSE(grace.peopleText().contains(QStringLiteral("Introduced (")));
    session.undoStack()->undo();
    const std::optional<ContactLink> restored = require(ContactLinkRepository(db).introducerOf(3));
    REQUIRE(restored);
    CHECK(restored->otherId == 4);
    CHECK(restored->details.note == QStringLiteral("at the meetup"));
    CHECK(grace.peopleText().contains(introducedLink(3)));
    CHECK_FALSE(ben.peopleText().contains(QStringLiteral("Introduced (")));

    // The ✕ after the introducer removes it; undo puts it back.
    auto* label = ada.findChild<QLabel*>(QStringLiteral("people"));
    REQUIRE(label);
    REQUIRE(ada.peopleText().contains(QStringLiteral("href=\"remove-introducer:3\"")));
    emit label->linkActivated(QStringLiteral("remove-introducer:3"));
    CHECK_FALSE(require(ContactLinkRepository(db).introducerOf(3)));
    CHECK(session.undoStack()->undoText() ==
          QStringLiteral("Remove %1 as the introducer of %2").arg(graceName, adaName));
    session.undoStack()->undo();
    CHECK(require(ContactLinkRepository(db).introducerOf(3))->otherId == 4);
}

TEST_CASE("A knows link is added with a day, removed with its ✕ on the other page, and the removal undone",
          "[ui][links]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    requireOk(db.execute(QStringLiteral("DELETE FROM contact_links")));
    // Introductions too, for the screenshot of a full section.
    require(ContactLinkRepository(db).setIntroducer(3, 4, {QStringLiteral("at the meetup"), {}}, false));
    require(ContactLinkRepository(db).setIntroducer(5, 3, {}, false));
    require(ContactLinkRepository(db).setIntroducer(6, 3, {}, false));
    ui::ContactDetailPanel ada(session);
    ada.resize(1280, 800);
    ada.show();
    ada.showContact(3);
    ui::ContactDetailPanel seven(session);
    seven.show();
    seven.showContact(7);

    auto visit = whenDialogOpens<ui::LinkContactDialog>([](ui::LinkContactDialog& dialog) {
        dialog.findChild<ui::ContactPicker*>(QStringLiteral("linkContact"))->setContact(7);
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("linkNote")),
                         QStringLiteral("colleagues"));
        dialog.findChild<QCheckBox*>(QStringLiteral("linkDated"))->setChecked(true);
        dialog.findChild<QDateEdit*>(QStringLiteral("linkDate"))->setDate(QDate(2026, 5, 1));
        dialog.accept();
    });
    QTest::mouseClick(ada.peopleSection()->knowsButton(), Qt::LeftButton);
    REQUIRE(visit->completed());
    const std::optional<ContactLink> knows = require(ContactLinkRepository(db).knowsLink(3, 7));
    REQUIRE(knows);
    CHECK(knows->details.note == QStringLiteral("colleagues"));
    CHECK(knows->details.occurredAt ==
          std::optional<qint64>(require(parseIsoMoment(QStringLiteral("2026-05-01")))));
    CHECK(ada.peopleText().contains(QStringLiteral("Knows (1): <a href=\"contact:7\">")));
    CHECK(seven.peopleText().contains(QStringLiteral("Knows (1): <a href=\"contact:3\">")));
    // The section's layout and then the panel's make room for the new line, one event each.
    QCoreApplication::processEvents();
    UiFixture::saveScreenshot(ada, QStringLiteral("contact-people"));
    ada.peopleSection()->grab().save(QStringLiteral("/tmp/people-section.png"));

    auto* label = seven.findChild<QLabel*>(QStringLiteral("people"));
    REQUIRE(label);
    emit label->linkActivated(QStringLiteral("remove-knows:3"));
    CHECK_FALSE(require(ContactLinkRepository(db).knowsLink(3, 7)));
    CHECK_FALSE(ada.peopleText().contains(QStringLiteral("Knows (")));
    CHECK(seven.peopleText().contains(QStringLiteral("No introductions or acquaintances recorded")));
    REQUIRE(session.undoStack()->count() == 2);
    CHECK(ada.peopleText().contains(QStringLiteral("Introduced (2): ")));

    session.undoStack()->undo();
    const std::optional<ContactLink> back = require(ContactLinkRepository(db).knowsLink(3, 7));
    REQUIRE(back);
    CHECK(back->details.note == QStringLiteral("colleagues"));
    CHECK(back->details.occurredAt == knows->details.occurredAt);
    CHECK(ada.peopleText().contains(QStringLiteral("Knows (1): <a href=\"contact:7\">")));
    CHECK(seven.peopleText().contains(QStringLiteral("Knows (1): <a href=\"contact:3\">")));
}

TEST_CASE("The link dialog refuses no contact and the contact itself, and a refused link stays off the stack",
          "[ui][links]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    requireOk(db.execute(QStringLiteral("DELETE FROM contact_links")));
    require(ContactLinkRepository(db).setIntroducer(4, 3, {}, false));
    ui::ContactDetailPanel ada(session);
    ada.show();
    ada.showContact(3);

    auto visit = whenDialogOpens<ui::LinkContactDialog>([](ui::LinkContactDialog& dialog) {
        auto* error = dialog.findChild<QLabel*>(QStringLiteral("linkError"));
        REQUIRE(error);
        dialog.accept();
        CHECK(dialog.isVisible());
        CHECK(error->text().contains(QStringLiteral("Choose a contact")));
        dialog.findChild<ui::ContactPicker*>(QStringLiteral("linkContact"))->setContact(3);
        dialog.accept();
        CHECK(dialog.isVisible());
        CHECK(error->text().contains(QStringLiteral("Choose someone else")));
        // Whom Ada introduced cannot have introduced her: the repository says so.
        dialog.findChild<ui::ContactPicker*>(QStringLiteral("linkContact"))->setContact(4);
        dialog.accept();
    });
    QSignalSpy reported(&session, &ui::DatabaseSession::errorOccurred);
    QTest::mouseClick(ada.peopleSection()->introducerButton(), Qt::LeftButton);
    REQUIRE(visit->completed());
    REQUIRE(reported.count() == 1);
    CHECK(reported.front().front().toString().contains(QStringLiteral("was introduced by")));
    CHECK(session.undoStack()->count() == 0);
    CHECK_FALSE(require(ContactLinkRepository(db).introducerOf(3)));
}
