// SPDX-License-Identifier: GPL-3.0-or-later
// A demo database opened in a GUI session, with the clock pinned, for widget and model tests.
#pragma once

#include "tests/support/TestSupport.h"
#include "ui/session/DatabaseSession.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>
#include <functional>
#include <memory>

namespace rapport::ui {
class MainWindow;
}

namespace rapport::test {

// What became of a dialog a test meant to drive: whether it opened and the test's code for it ran to
// its end. Check it after the call that opened the dialog: REQUIRE(visit->completed()).
class DialogVisit
{
public:
    bool completed() const { return m_completed; }
    void markCompleted() { m_completed = true; }

private:
    bool m_completed = false;
};

// Closes the modal widget a failed visit leaves open, so that the call which opened it returns.
void closeModal(QWidget* modal);

// Runs `interact` on the modal dialog of type Dialog that the next call opens, `delayMs` after that
// call starts. A failed REQUIRE inside `interact` is recorded by Catch as usual, ends `interact` and
// closes the dialog: the exception never travels through Qt's event loop.
template <typename Dialog>
[[nodiscard]] std::shared_ptr<const DialogVisit> whenDialogOpens(std::function<void(Dialog&)> interact,
                                                                 int delayMs = 0)
{
    auto visit = std::make_shared<DialogVisit>();
    QTimer::singleShot(delayMs, [interact = std::move(interact), visit] {
        QWidget* modal = QApplication::activeModalWidget();
        auto* dialog = qobject_cast<Dialog*>(modal);
        if (!dialog) {
            FAIL_CHECK("expected a modal " << Dialog::staticMetaObject.className() << ", found "
                                           << (modal ? modal->metaObject()->className() : "none"));
            closeModal(modal);
            return;
        }
        try {
            interact(*dialog);
            visit->markCompleted();
        } catch (const Catch::TestFailureException&) {
            closeModal(dialog);
        } catch (const std::exception& thrown) {
            FAIL_CHECK("exception while driving " << Dialog::staticMetaObject.className() << ": "
                                                  << thrown.what());
            closeModal(dialog);
        }
    });
    return visit;
}

// Edit > Undo or Edit > Redo as a person takes it: the window's action, then the wait for a step that
// runs as a job (a bulk edit's).
void undoInWindow(ui::MainWindow& window);
void redoInWindow(ui::MainWindow& window);

class UiFixture
{
public:
    // A demo database of that size; no contacts is an empty database.
    explicit UiFixture(qint64 contacts = 300, qint64 interactions = 6000);
    QString path() const { return m_dir.filePath(QStringLiteral("demo.sqlite3")); }
    // A new connection to the fixture's file.
    std::unique_ptr<Database> openDatabase() const;
    ui::DatabaseSession& session() { return *m_session; }
    // The main window on a new connection to the fixture's file, scores loaded, shown and active at
    // 1280×800.
    std::unique_ptr<ui::MainWindow> openMainWindow() const;
    // Saves a screenshot for the README under build/screenshots.
    static void saveScreenshot(QWidget& widget, const QString& name);

private:
    PinnedClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::DatabaseSession> m_session;
};

} // namespace rapport::test
