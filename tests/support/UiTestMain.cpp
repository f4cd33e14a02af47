// SPDX-License-Identifier: GPL-3.0-or-later
// The Catch2 main of the widget tests: a QApplication on the offscreen platform unless one is set, so the
// tests (and ctest's test discovery) run without a display.
#define CATCH_CONFIG_RUNNER
#include <QApplication>
#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rapport-ui-tests"));
    return Catch::Session().run(argc, argv);
}
