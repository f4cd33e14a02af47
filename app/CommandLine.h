// Dispatches `rapport <command> …` to the headless commands and answers --help and --version.
#pragma once

#include <QStringList>
#include <optional>

namespace rapport::cli {

// The exit code when the arguments ask for a headless run (a command, --help, --version); nullopt when
// they ask for the GUI.
std::optional<int> runHeadless(const QStringList& arguments);

QString generalHelp();

} // namespace rapport::cli
