// SPDX-License-Identifier: GPL-3.0-or-later
// The edit dialogs' shared layout: Save is the default button and Ctrl+Enter saves, even from the
// multi-line note field where Enter starts a new line.
#include "ui/trustnotes/TrustNoteDialog.h"

#include <QPlainTextEdit>
#include <QShortcut>
#include <QTest>
#include <catch2/catch.hpp>

using namespace rapport;

TEST_CASE("Ctrl+Enter saves a trust note from its text field", "[ui][dialogs]")
{
    ui::TrustNoteDialog dialog(1, QStringLiteral("Ana Lima"));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    auto* text = dialog.findChild<QPlainTextEdit*>();
    REQUIRE(text != nullptr);
    text->setFocus();
    QTest::keyClicks(text, QStringLiteral("Sent the slides"));
    QTest::keyClick(text, Qt::Key_Return);
    CHECK(dialog.isVisible()); // Enter alone is a new line
    QTest::keyClicks(text, QStringLiteral("as promised"));
    // The shortcut itself, not a key press: whether the offscreen platform delivers a shortcut depends on
    // window activation, which a loaded machine makes racy.
    QShortcut* save = nullptr;
    for (QShortcut* shortcut : dialog.findChildren<QShortcut*>()) {
        if (shortcut->key() == QKeySequence(Qt::CTRL | Qt::Key_Return))
            save = shortcut;
    }
    REQUIRE(save != nullptr);
    emit save->activated();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK_FALSE(dialog.isVisible());
    CHECK(dialog.note().text == QStringLiteral("Sent the slides\nas promised"));
}
