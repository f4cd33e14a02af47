// A demo database opened in a GUI session, with the clock pinned, for widget and model tests.
#pragma once

#include "DatabaseSession.h"
#include "TestSupport.h"

#include <QApplication>
#include <QTemporaryDir>
#include <QTimer>
#include <functional>
#include <memory>

namespace rapport::test {

// Runs `interact` on the modal dialog that the next call opens.
template <typename Dialog>
void whenDialogOpens(const std::function<void(Dialog&)>& interact)
{
    QTimer::singleShot(0, [interact] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog != nullptr);
        interact(*dialog);
    });
}

class UiFixture
{
public:
    explicit UiFixture(qint64 contacts = 300, qint64 interactions = 6000);
    QString path() const { return m_dir.filePath(QStringLiteral("demo.sqlite3")); }
    // A new connection to the fixture's file.
    std::unique_ptr<Database> openDatabase() const;
    ui::DatabaseSession& session() { return *m_session; }
    // Saves a screenshot for the README under build/screenshots.
    static void saveScreenshot(QWidget& widget, const QString& name);

private:
    PinnedClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<ui::DatabaseSession> m_session;
};

} // namespace rapport::test
