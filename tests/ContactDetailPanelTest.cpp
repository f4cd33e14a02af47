// SPDX-License-Identifier: GPL-3.0-or-later
// The contact page's timeline: a conversation or a trust note opens prefilled, saving is one undoable
// edit, and a trust note can be deleted and brought back; changes to the record show with their author,
// and each kind of entry can be hidden.
#include "ui/contacts/ContactDetailPanel.h"

#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/ModelChecks.h"
#include "tests/support/UiFixture.h"
#include "ui/contacts/LogConversationDialog.h"
#include "ui/contacts/TimelineModel.h"
#include "ui/session/DatabaseSession.h"
#include "ui/trustnotes/TrustNoteDialog.h"
#include "ui/undo/ContactCommands.h"
#include "ui/undo/TrustNoteCommands.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace rapport;
using namespace rapport::test;

namespace {

// The timeline row of the newest conversation.
int firstConversationRow(ui::ContactDetailPanel& panel)
{
    const QAbstractItemModel* timeline = panel.timelineView()->model();
    for (int row = 0; row < timeline->rowCount(); ++row) {
        if (timeline->index(row, 0).data(ui::TimelineModel::IsInteractionRole).toBool())
            return row;
    }
    FAIL("no conversation in the timeline");
    return -1;
}

// The timeline row of the trust note with this text.
int rowOfNote(ui::ContactDetailPanel& panel, const QString& text)
{
    const auto* timeline = qobject_cast<const ui::TimelineModel*>(panel.timelineView()->model());
    REQUIRE(timeline != nullptr);
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const auto* note = std::get_if<TrustNote>(timeline->entryAt(row));
        if (note && note->text == text)
            return row;
    }
    FAIL("no such trust note in the timeline");
    return -1;
}

void selectRow(ui::ContactDetailPanel& panel, int row)
{
    panel.timelineView()->setCurrentIndex(panel.timelineView()->model()->index(row, 0));
}

} // namespace

TEST_CASE("A logged conversation is edited from the timeline and the edit undone", "[ui][timeline]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    const Interaction original = require(InteractionRepository(db).listForContact(3, 1)).front();
    ui::ContactDetailPanel panel(session);
    panel.resize(600, 700);
    panel.show();
    panel.showContact(3);
    selectRow(panel, firstConversationRow(panel));
    ModelChecks timelineChecks(panel.timelineView()->model());

    auto visit = whenDialogOpens<ui::LogConversationDialog>([&original](ui::LogConversationDialog& dialog) {
        CHECK(dialog.windowTitle() == QStringLiteral("Edit conversation"));
        CHECK(dialog.interaction().summary == original.summary);
        CHECK(dialog.interaction().occurredAt == original.occurredAt);
        CHECK(dialog.interaction().channel == original.channel);
        auto* direction = dialog.findChildren<QComboBox*>().at(1);
        direction->setCurrentIndex(direction->findData(static_cast<int>(Direction::Mutual)));
        auto* summary = dialog.findChild<QLineEdit*>(QStringLiteral("summary"));
        QTest::keyClicks(summary, QStringLiteral("Roadmap call, notes shared"));
        QTest::keyClick(summary, Qt::Key_Return);
    });
    REQUIRE(panel.editSelectedEntry());
    REQUIRE(visit->completed());
    const Interaction edited = require(InteractionRepository(db).get(original.id));
    CHECK(edited.summary == QStringLiteral("Roadmap call, notes shared"));
    CHECK(edited.direction == Direction::Mutual);
    CHECK(edited.occurredAt == original.occurredAt);
    CHECK(edited.loggedBy == original.loggedBy);

    session.undoStack()->undo();
    const Interaction restored = require(InteractionRepository(db).get(original.id));
    CHECK(restored.summary == original.summary);
    CHECK(restored.direction == original.direction);
}

TEST_CASE("A trust note is edited and deleted from the timeline, both undoable", "[ui][timeline]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    TrustNote note;
    note.contactId = 4;
    note.createdAt = testNow - 2 * daySeconds;
    note.kind = TrustKind::Concern;
    note.text = QStringLiteral("Missed the second review deadline");
    require(
        ui::DatabaseCommand::push(session, std::make_unique<ui::AddRemoveTrustNoteCommand>(
                                               session, note, ui::AddRemoveTrustNoteCommand::Action::Add)));
    const qint64 notesBefore = require(TrustNoteRepository(db).count());
    qint64 noteId = 0;
    for (const TrustNote& stored : require(TrustNoteRepository(db).listForContact(4))) {
        if (stored.text == note.text)
            noteId = stored.id;
    }
    REQUIRE(noteId > 0);

    ui::ContactDetailPanel panel(session);
    panel.show();
    panel.showContact(4);
    selectRow(panel, rowOfNote(panel, note.text));
    auto visit = whenDialogOpens<ui::TrustNoteDialog>([](ui::TrustNoteDialog& dialog) {
        CHECK(dialog.note().text == QStringLiteral("Missed the second review deadline"));
        CHECK(dialog.note().kind == TrustKind::Concern);
        auto* level = dialog.findChildren<QComboBox*>().at(1);
        level->setCurrentIndex(level->findData(2));
        auto* text = dialog.findChild<QPlainTextEdit*>();
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("Missed the deadline; apologised and sent it a day later"));
        UiFixture::saveScreenshot(dialog, QStringLiteral("edit-trust-note"));
        dialog.accept();
    });
    REQUIRE(panel.editSelectedEntry());
    REQUIRE(visit->completed());
    const TrustNote edited = require(TrustNoteRepository(db).get(noteId));
    CHECK(edited.text == QStringLiteral("Missed the deadline; apologised and sent it a day later"));
    CHECK(edited.trustLevel == std::optional<int>(2));
    CHECK(edited.createdAt == note.createdAt);
    session.undoStack()->undo();
    CHECK(require(TrustNoteRepository(db).get(edited.id)).text == note.text);
    CHECK_FALSE(require(TrustNoteRepository(db).get(edited.id)).trustLevel.has_value());

    selectRow(panel, rowOfNote(panel, note.text));
    panel.deleteSelectedEntry();
    CHECK(require(TrustNoteRepository(db).count()) == notesBefore - 1);
    CHECK_FALSE(TrustNoteRepository(db).get(edited.id).ok());
    session.undoStack()->undo();
    CHECK(require(TrustNoteRepository(db).count()) == notesBefore);
    CHECK(require(TrustNoteRepository(db).get(edited.id)).text == note.text);
}

TEST_CASE("A trust note edit the database refuses is reported and puts nothing on the stack",
          "[ui][timeline]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    TrustNote note;
    note.contactId = 5;
    note.createdAt = testNow - daySeconds;
    note.kind = TrustKind::CommitmentKept;
    note.text = QStringLiteral("Reviewed the draft on time");
    const qint64 noteId = require(TrustNoteRepository(db).insert(note));
    ui::ContactDetailPanel panel(session);
    panel.show();
    panel.showContact(5);
    selectRow(panel, rowOfNote(panel, note.text));
    requireOk(db.execute(QStringLiteral("CREATE TEMP TRIGGER refuse BEFORE UPDATE ON trust_notes BEGIN "
                                        "SELECT RAISE(ABORT, 'the disk said no'); END")));

    QSignalSpy reported(&session, &ui::DatabaseSession::errorOccurred);
    auto visit = whenDialogOpens<ui::TrustNoteDialog>([](ui::TrustNoteDialog& dialog) {
        auto* text = dialog.findChild<QPlainTextEdit*>();
        text->selectAll();
        QTest::keyClicks(text, QStringLiteral("Reviewed the draft a day early"));
        dialog.accept();
    });
    CHECK_FALSE(panel.editSelectedEntry());
    REQUIRE(visit->completed());
    REQUIRE(reported.count() == 1);
    CHECK(reported.front().front().toString().contains(QStringLiteral("the disk said no")));
    CHECK(session.undoStack()->count() == 0);
    CHECK(require(TrustNoteRepository(db).get(noteId)).text == note.text);
}

TEST_CASE(
    "The timeline shows a contact's changes with who made them, their undo too, and hides them on request",
    "[ui][timeline][history]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    const qint64 sam = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam Øster")));
    session.setCurrentMemberId(sam);
    ui::ContactDetailPanel panel(session);
    panel.resize(760, 700);
    panel.show();
    panel.showContact(3);
    const auto* timeline = qobject_cast<const ui::TimelineModel*>(panel.timelineView()->model());
    REQUIRE(timeline != nullptr);
    // The changes' rows, newest first, with their role's data.
    const auto changeRows = [timeline](int role = Qt::DisplayRole) {
        QStringList rows;
        for (int row = 0; row < timeline->rowCount(); ++row) {
            const QModelIndex index = timeline->index(row, 0);
            if (index.data(ui::TimelineModel::KindRole).toInt() ==
                static_cast<int>(ui::TimelineModel::Kind::Change))
                rows << index.data(role).toString();
        }
        return rows;
    };
    const int entriesBefore = timeline->rowCount();

    // The edit dialog's save: an undoable edit through the session's connection.
    const Contact before = require(ContactRepository(db).get(3));
    Contact after = before;
    after.organization = QStringLiteral("Royal Society of Examples");
    REQUIRE(
        ui::DatabaseCommand::push(session, std::make_unique<ui::EditContactCommand>(session, before, after))
            .ok());
    REQUIRE(changeRows().size() == 1);
    const QString organization =
        before.organization.isEmpty()
            ? QStringLiteral("Organization set to Royal Society of Examples")
            : QStringLiteral("Organization: %1 → Royal Society of Examples").arg(before.organization);
    CHECK(changeRows().constFirst().endsWith(organization));
    CHECK(changeRows(Qt::ToolTipRole) == QStringList{QStringLiteral("Changed by Sam Øster")});
    CHECK(timeline->rowCount() == entriesBefore + 1);

    // The history is append-only: undoing records the change back.
    session.undoStack()->undo();
    REQUIRE(changeRows().size() == 2);
    CHECK(changeRows().constFirst().endsWith(QStringLiteral("(undo)")));
    CHECK(require(ContactRepository(db).get(3)).organization == before.organization);
    session.undoStack()->redo();
    UiFixture::saveScreenshot(panel, QStringLiteral("contact-history"));

    auto* showChanges = panel.findChild<QCheckBox*>(QStringLiteral("showChanges"));
    REQUIRE(showChanges != nullptr);
    CHECK(showChanges->isChecked());
    showChanges->setChecked(false);
    CHECK(changeRows().isEmpty());
    CHECK(timeline->rowCount() == entriesBefore);
    panel.findChild<QCheckBox*>(QStringLiteral("showConversations"))->setChecked(false);
    for (int row = 0; row < timeline->rowCount(); ++row)
        CHECK_FALSE(timeline->index(row, 0).data(ui::TimelineModel::IsInteractionRole).toBool());
    showChanges->setChecked(true);
    CHECK(changeRows().size() == 3);
}

TEST_CASE("The People section shows who introduced the contact, whom they introduced and know, as links",
          "[ui][links]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Database& db = session.database();
    // The fixture's demo community has links of its own; these tests' are the only ones.
    requireOk(db.execute(QStringLiteral("DELETE FROM contact_links")));
    ContactLinkRepository links(db);
    require(links.setIntroducer(3, 4, {QStringLiteral("at the meetup"), {}}, false));
    require(links.setIntroducer(5, 3, {}, false));
    require(links.setIntroducer(6, 3, {}, false));
    require(links.addKnows(3, 7, {}));
    const QString name4 = require(ContactRepository(db).get(4)).effectiveDisplayName().toHtmlEscaped();
    const QString name7 = require(ContactRepository(db).get(7)).effectiveDisplayName().toHtmlEscaped();

    ui::ContactDetailPanel panel(session);
    panel.resize(1280, 800);
    panel.show();
    panel.showContact(3);
    const QString people = panel.peopleText();
    CHECK(people.contains(
        QStringLiteral("Introduced by <a href=\"contact:4\">%1</a> <i>(at the meetup)</i>").arg(name4)));
    CHECK(people.contains(QStringLiteral("Introduced (2): <a href=\"contact:")));
    CHECK(people.contains(QStringLiteral("Knows (1): <a href=\"contact:7\">%1</a>").arg(name7)));
    QApplication::processEvents(); // the layout makes room for the section's lines
    panel.grab().save(QStringLiteral("/tmp/links-people.png"));

    // Clicking a name asks for that contact; the other contact's page shows the link from its side.
    auto* label = panel.findChild<QLabel*>(QStringLiteral("people"));
    REQUIRE(label);
    QSignalSpy activated(&panel, &ui::ContactDetailPanel::contactLinkActivated);
    emit label->linkActivated(QStringLiteral("contact:4"));
    REQUIRE(activated.size() == 1);
    CHECK(activated.at(0).at(0).toLongLong() == 4);
    panel.showContact(4);
    CHECK(panel.peopleText().contains(QStringLiteral("Introduced (1): <a href=\"contact:3\">")));
    panel.showContact(8);
    CHECK(panel.peopleText().contains(QStringLiteral("No introductions or acquaintances recorded")));
}
