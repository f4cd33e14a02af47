// SPDX-License-Identifier: GPL-3.0-or-later
// Dispatches `rapport <command> …` to the headless commands and answers --help and --version.
#pragma once

#include <QStringList>

namespace rapport::cli {

// Whether the arguments ask for a headless run (a command, --help, --version, or an unknown command to
// refuse) rather than the GUI. Decided before any application object exists, so that a command never
// constructs one for nothing.
bool asksForHeadlessRun(const QStringList& arguments);
// Runs what asksForHeadlessRun() said yes to, inside a QCoreApplication, and returns the exit code.
int runHeadless(const QStringList& arguments);

QString generalHelp();

} // namespace rapport::cli
