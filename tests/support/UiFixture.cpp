// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/UiFixture.h"

#include "core/demo/DemoGenerator.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QTest>
#include <QWidget>

namespace rapport::test {

void closeModal(QWidget* modal)
{
    if (auto* dialog = qobject_cast<QDialog*>(modal))
        dialog->reject();
    else if (modal)
        modal->close();
}

UiFixture::UiFixture(qint64 contacts, qint64 interactions)
{
    REQUIRE(m_dir.isValid());
    std::unique_ptr<Database> db = require(Database::open(path()));
    if (contacts > 0) {
        DemoOptions options;
        options.contacts = contacts;
        options.interactions = interactions;
        require(DemoGenerator(*db, options).generate());
    }
    m_session = require(ui::DatabaseSession::open(std::move(db), ui::DatabaseSession::ScoreLoading::Now));
}

namespace {

void stepInWindow(ui::MainWindow& window, const QString& actionName)
{
    auto* action = window.findChild<QAction*>(actionName);
    REQUIRE(action != nullptr);
    REQUIRE(action->isEnabled());
    action->trigger();
    window.session()->waitForJob();
}

} // namespace

void undoInWindow(ui::MainWindow& window)
{
    stepInWindow(window, QStringLiteral("undoAction"));
}

void redoInWindow(ui::MainWindow& window)
{
    stepInWindow(window, QStringLiteral("redoAction"));
}

std::unique_ptr<Database> UiFixture::openDatabase() const
{
    return require(Database::open(path()));
}

void UiFixture::saveScreenshot(QWidget& widget, const QString& name)
{
    // Let pending layouts and paints happen first, as they would before a person looks.
    QCoreApplication::processEvents();
    QDir().mkpath(QStringLiteral(RAPPORT_SCREENSHOT_DIR));
    CHECK(widget.grab().save(QStringLiteral(RAPPORT_SCREENSHOT_DIR "/%1.png").arg(name)));
}

std::unique_ptr<ui::MainWindow> UiFixture::openMainWindow() const
{
    auto window = std::make_unique<ui::MainWindow>(openDatabase());
    window->session()->waitForScores();
    window->resize(1280, 800);
    window->show();
    window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(window.get()));
    return window;
}

} // namespace rapport::test
