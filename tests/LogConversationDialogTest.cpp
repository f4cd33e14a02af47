// SPDX-License-Identifier: GPL-3.0-or-later
// The log dialog's "When" field: typed date-times are kept exactly, future ones are refused visibly.
#include "ui/contacts/LogConversationDialog.h"

#include "tests/support/UiFixture.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/DateTimeField.h"

#include <QAction>
#include <QCalendarWidget>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rapport;
using namespace rapport::test;

namespace {

// The field labelled "When", as the user reaches it with Alt+W.
QWidget* whenField(ui::LogConversationDialog& dialog)
{
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->text() == QStringLiteral("&When:"))
            return label->buddy();
    }
    return nullptr;
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
