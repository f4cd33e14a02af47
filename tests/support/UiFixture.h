// A demo database opened in a GUI session, with the clock pinned, for widget and model tests.
#pragma once

#include "DatabaseSession.h"
#include "TestSupport.h"

#include <QTemporaryDir>
#include <memory>

namespace rapport::test {

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
