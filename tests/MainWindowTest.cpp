// The main window on a demo database: it builds offscreen and shows every band's count.
#include "MainWindow.h"

#include "TestSupport.h"
#include "demo/DemoGenerator.h"

#include <QDir>
#include <QLabel>

using namespace rapport;
using namespace rapport::test;

TEST_CASE("The main window shows the open database and its relationships by band", "[ui]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.sqlite3"));
    {
        std::unique_ptr<Database> db = require(Database::open(path));
        DemoOptions options;
        options.contacts = 300;
        options.interactions = 6000;
        require(DemoGenerator(*db, options).generate());
    }
    ui::MainWindow window(require(Database::open(path)));
    window.resize(1280, 800);
    window.show();
    CHECK(window.windowTitle().startsWith(QStringLiteral("demo.sqlite3")));
    const QList<QLabel*> labels = window.findChildren<QLabel*>();
    QString shown;
    for (const QLabel* label : labels)
        shown += label->text();
    for (const char* band : {"Thriving", "Steady", "New", "Cooling", "At risk", "No history"})
        CHECK(shown.contains(QString::fromLatin1(band)));
    CHECK(shown.contains(QStringLiteral("300 contacts")));

    QDir().mkpath(QStringLiteral(RAPPORT_SCREENSHOT_DIR));
    CHECK(window.grab().save(QStringLiteral(RAPPORT_SCREENSHOT_DIR "/main-window.png")));
}
