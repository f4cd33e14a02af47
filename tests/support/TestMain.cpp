// SPDX-License-Identifier: GPL-3.0-or-later
// The Catch2 main of every test program: a QCoreApplication (Qt SQL loads its driver plugin through it)
// and no display needed.
#define CATCH_CONFIG_RUNNER
#include <QCoreApplication>
#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rapport-tests"));
    return Catch::Session().run(argc, argv);
}
