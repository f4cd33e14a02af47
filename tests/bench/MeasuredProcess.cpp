// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/MeasuredProcess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char** environ;

namespace rapport::bench {

Result<ProcessMeasure> runMeasured(const QString& program, const QStringList& arguments)
{
    QTemporaryFile log;
    if (!log.open())
        return Error::database(QStringLiteral("cannot create a file for the output of %1").arg(program));
    const QByteArray logPath = QFile::encodeName(log.fileName());
    std::vector<QByteArray> words{QFile::encodeName(program)};
    for (const QString& argument : arguments)
        words.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logPath.constData(), O_WRONLY | O_TRUNC, 0);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    QElapsedTimer timer;
    timer.start();
    pid_t child = 0;
    const int spawned = posix_spawn(&child, argv.front(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return Error::database(QStringLiteral("cannot start %1: %2").arg(program, qt_error_string(spawned)));
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            return Error::database(QStringLiteral("lost %1: %2").arg(program, qt_error_string(errno)));
    }
    ProcessMeasure measure;
    measure.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    measure.peakResidentMegabytes = static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB
    measure.output = log.readAll();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error::database(QStringLiteral("%1 %2 failed (status %3): %4")
                                   .arg(program, arguments.join(QLatin1Char(' ')))
                                   .arg(status)
                                   .arg(QString::fromLocal8Bit(measure.output)));
    return measure;
}

} // namespace rapport::bench
