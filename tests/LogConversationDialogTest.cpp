// SPDX-License-Identifier: GPL-3.0-or-later
// The log dialog: typed date-times are kept exactly, future ones are refused visibly; the channel starts
// as the last one with that person, and the direction is picked by typing its first letter.
#include "ui/contacts/LogConversationDialog.h"

#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "tests/support/UiFixture.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/DateTimeField.h"

#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace rapport::test;

namespace {

// The field with this label, as the user reaches it with its Alt shortcut.
QWidget* fieldLabelled(ui::LogConversationDialog& dialog, const QString& label)
{
    for (QLabel* candidate : dialog.findChildren<QLabel*>()) {
        if (candidate->text() == label)
            return candidate->buddy();
    }
    return nullptr;
}

QWidget* whenField(ui::LogConversationDialog& dialog)
{
    return fieldLabelled(dialog, QStringLiteral("&When:"));
}

void retype(QWidget* field, const QString& text)
{
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

QLabel* visibleError(ui::LogConversationDialog& dialog)
{
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->isVisible() && label->wordWrap() && !label->text().isEmpty())
            return label;
    }
    return nullptr;
}

qint64 localSeconds(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute)).toSecsSinceEpoch();
}

} // namespace

TEST_CASE("Typing a whole date-time into When keeps the year", "[ui][log]")
{
    UiFixture fixture;
    ui::LogConversationDialog dialog(fixture.session(), 42);
    dialog.show();
    QWidget* when = whenField(dialog);
    REQUIRE(when != nullptr);

    retype(when, QStringLiteral("2025-06-15 09:30"));
    CHECK(dialog.interaction().occurredAt == localSeconds(2025, 6, 15, 9, 30));
    retype(when, QStringLiteral("2024-02-29 23:05"));
    CHECK(dialog.interaction().occurredAt == localSeconds(2024, 2, 29, 23, 5));

    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.interaction().occurredAt == localSeconds(2024, 2, 29, 23, 5));
}

TEST_CASE("A future When is refused with a message and the dialog stays open", "[ui][log]")
{
    UiFixture fixture;
    ui::LogConversationDialog dialog(fixture.session(), 42);
    dialog.show();
    QWidget* when = whenField(dialog);
    REQUIRE(when != nullptr);

    retype(when, QStringLiteral("2027-01-05 10:00"));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.isVisible());
    QLabel* error = visibleError(dialog);
    REQUIRE(error != nullptr);
    CHECK(error->text().contains(QStringLiteral("2027-01-05 10:00")));
    CHECK(error->text().contains(QStringLiteral("future")));
    UiFixture::saveScreenshot(dialog, QStringLiteral("log-conversation-future"));
}

TEST_CASE("When reads today and yesterday, rejects impossible days, and steps with Up/Down", "[ui][log]")
{
    const QDateTime now(QDate(2026, 5, 20), QTime(16, 45));
    CHECK(ui::DateTimeField::parse(QStringLiteral("today 14:00"), now) ==
          QDateTime(QDate(2026, 5, 20), QTime(14, 0)));
    CHECK(ui::DateTimeField::parse(QStringLiteral("Yesterday"), now) ==
          QDateTime(QDate(2026, 5, 19), QTime(0, 0)));
    CHECK(ui::DateTimeField::parse(QStringLiteral("2026-02-30 10:00"), now) == std::nullopt);
    CHECK(ui::DateTimeField::parse(QStringLiteral("2026-05-01 24:00"), now) == std::nullopt);
    CHECK(ui::DateTimeField::parse(QStringLiteral("next week"), now) == std::nullopt);

    UiFixture fixture;
    ui::LogConversationDialog dialog(fixture.session(), 42);
    dialog.show();
    auto* when = qobject_cast<QLineEdit*>(whenField(dialog));
    REQUIRE(when != nullptr);
    retype(when, QStringLiteral("2025-12-31 23:30"));
    when->setCursorPosition(9);
    QTest::keyClick(when, Qt::Key_Up);
    CHECK(when->text() == QStringLiteral("2026-01-01 23:30"));
    when->setCursorPosition(2);
    QTest::keyClick(when, Qt::Key_Down);
    CHECK(when->text() == QStringLiteral("2025-01-01 23:30"));
    when->setCursorPosition(15);
    QTest::keyClick(when, Qt::Key_Up);
    CHECK(when->text() == QStringLiteral("2025-01-01 23:31"));

    // The calendar button picks the day and keeps the time.
    REQUIRE(when->actions().size() == 1);
    when->actions().front()->trigger();
    auto* calendar = when->findChild<QCalendarWidget*>();
    REQUIRE(calendar != nullptr);
    CHECK(calendar->isVisible());
    CHECK(calendar->selectedDate() == QDate(2025, 1, 1));
    emit calendar->clicked(QDate(2025, 3, 7));
    CHECK(when->text() == QStringLiteral("2025-03-07 23:31"));
    CHECK_FALSE(calendar->isVisible());

    retype(when, QStringLiteral("2026-02-30 10:00"));
    dialog.accept();
    CHECK(dialog.isVisible());
    QLabel* error = visibleError(dialog);
    REQUIRE(error != nullptr);
    CHECK(error->text().contains(QStringLiteral("YYYY-MM-DD HH:MM")));
}

TEST_CASE("A new conversation starts on the channel last used with that person", "[ui][log]")
{
    UiFixture fixture(30, 300);
    ui::DatabaseSession& session = fixture.session();
    Interaction meeting;
    meeting.contactId = 3;
    meeting.occurredAt = Clock::nowSeconds() - 3600;
    meeting.channel = Channel::Meeting;
    meeting.direction = Direction::Mutual;
    require(ConversationLog(session.database(), session.engine()).log(meeting));
    Contact stranger;
    stranger.displayName = QStringLiteral("Ilse Stranger");
    const qint64 strangerId = require(ContactRepository(session.database()).create(stranger));

    ui::LogConversationDialog withThree(session, 3);
    auto* channel = qobject_cast<QComboBox*>(fieldLabelled(withThree, QStringLiteral("C&hannel:")));
    REQUIRE(channel != nullptr);
    CHECK(channel->currentData().toInt() == static_cast<int>(Channel::Meeting));

    ui::LogConversationDialog withStranger(session, strangerId);
    channel = qobject_cast<QComboBox*>(fieldLabelled(withStranger, QStringLiteral("C&hannel:")));
    REQUIRE(channel != nullptr);
    CHECK(channel->currentData().toInt() == static_cast<int>(Channel::Email));

    // Editing keeps the conversation's own channel.
    Interaction call = meeting;
    call.channel = Channel::Call;
    ui::LogConversationDialog editor(session, 0);
    editor.editInteraction(call);
    channel = qobject_cast<QComboBox*>(fieldLabelled(editor, QStringLiteral("C&hannel:")));
    CHECK(channel->currentData().toInt() == static_cast<int>(Channel::Call));
}

TEST_CASE("Typing a direction's first letter picks it", "[ui][log]")
{
    UiFixture fixture(30, 300);
    ui::LogConversationDialog dialog(fixture.session(), 3);
    dialog.show();
    auto* direction = qobject_cast<QComboBox*>(fieldLabelled(dialog, QStringLiteral("&Direction:")));
    REQUIRE(direction != nullptr);
    direction->setFocus();
    QTest::keyClicks(direction, QStringLiteral("i"));
    CHECK(direction->currentData().toInt() == static_cast<int>(Direction::Inbound));
    QTest::qWait(QApplication::keyboardInputInterval() + 50); // a new search, not "im"
    QTest::keyClicks(direction, QStringLiteral("m"));
    CHECK(direction->currentData().toInt() == static_cast<int>(Direction::Mutual));
    CHECK(direction->currentText().startsWith(QStringLiteral("Mutual")));
}
