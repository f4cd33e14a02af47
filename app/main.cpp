// SPDX-License-Identifier: GPL-3.0-or-later
// Rapport's entry point: a command runs headless on QCoreApplication; no command starts the GUI.
#include "app/CommandLine.h"
#include "app/commands/CommandSupport.h"
#include "core/demo/DemoGenerator.h"
#include "core/storage/Database.h"
#include "ui/FirstPaintProbe.h"
#include "ui/MainWindow.h"
#include "ui/today/TodayPage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTableView>
#include <QTranslator>
#include <memory>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Rapport"));
    QCoreApplication::setApplicationName(QStringLiteral("rapport"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
}

// The demo database lives beside the default one and is generated on first use.
rapport::Result<QString> prepareDemoDatabase()
{
    const QString path =
        QFileInfo(rapport::Database::defaultPath()).absolutePath() + QStringLiteral("/demo.sqlite3");
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto db = rapport::Database::open(path);
    if (!db)
        return db.error();
    const auto contacts = (*db)->scalar(QStringLiteral("SELECT count(*) FROM contacts"));
    if (contacts && contacts->toLongLong() == 0) {
        const auto generated = rapport::DemoGenerator(**db, rapport::DemoOptions{}).generate();
        if (!generated)
            return generated.error();
    }
    return path;
}

// A desktop start that cannot go on: the message goes to stderr and, for someone who started the app
// from a menu and sees no terminal, into a dialog — except in a benchmark run, which nobody watches.
int failToStart(const QString& what, const rapport::Error& error, bool interactive)
{
    const int code = rapport::cli::fail(what, error);
    if (interactive)
        QMessageBox::critical(nullptr, QObject::tr("Rapport cannot start"), error.message);
    return code;
}

int runGui(int argc, char* argv[], const QElapsedTimer& sinceStart)
{
    QApplication app(argc, argv);
    describeApplication();
    // Lets Wayland compositors match windows to the installed desktop entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rapport.Rapport"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rapport.svg")));
    // The system locale's translations, when there are any: Qt's own (standard dialogs and buttons), then
    // Rapport's, compiled into the resources.
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rapport"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    QCommandLineParser parser;
    parser.setApplicationDescription(rapport::cli::generalHelp());
    parser.addOption(
        {QStringLiteral("database"), QStringLiteral("The database file to open."), QStringLiteral("PATH")});
    parser.addOption(
        {QStringLiteral("demo"), QStringLiteral("Open the demo database (generated on first use).")});
    parser.addOption(
        {QStringLiteral("quit-after-first-paint"),
         QStringLiteral("Print the time to the first painted contact list and the resident memory, "
                        "then quit (for benchmarks).")});
    if (!parser.parse(QCoreApplication::arguments()))
        return failToStart(QStringLiteral("(gui)"), rapport::Error::usage(parser.errorText()), true);
    const bool interactive = !parser.isSet(QStringLiteral("quit-after-first-paint"));

    QString path = parser.value(QStringLiteral("database"));
    // An explicitly empty --database (an unset shell variable) must not quietly open the default file.
    if (parser.isSet(QStringLiteral("database")) && path.trimmed().isEmpty())
        return failToStart(QStringLiteral("(gui)"),
                           rapport::Error::usage(QStringLiteral("--database: no path given")), interactive);
    if (parser.isSet(QStringLiteral("demo"))) {
        const rapport::Result<QString> demo = prepareDemoDatabase();
        if (!demo)
            return failToStart(QStringLiteral("--demo"), demo.error(), interactive);
        path = *demo;
    }
    if (path.isEmpty()) {
        path = rapport::Database::defaultPath();
        QDir().mkpath(QFileInfo(path).absolutePath());
    }
    auto db = rapport::Database::open(path, rapport::OpenMode::ReadWrite);
    if (!db)
        return failToStart(QStringLiteral("(gui)"), db.error(), interactive);

    rapport::ui::MainWindow window(std::move(*db));
    if (!interactive)
        new rapport::ui::FirstPaintProbe(
            sinceStart, window.findChild<rapport::ui::TodayPage*>()->reachOutView()->viewport());
    window.show();
    return QApplication::exec();
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (rapport::cli::asksForHeadlessRun(arguments)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return rapport::cli::runHeadless(arguments);
    }
    return runGui(argc, argv, sinceStart);
}
