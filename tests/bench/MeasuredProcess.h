// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a program to its end and measures it as the kernel saw it: wall-clock time and peak resident memory
// (getrusage of the child), which QProcess cannot report.
#pragma once

#include "core/base/Result.h"

#include <QString>
#include <QStringList>

namespace rapport::bench {

struct ProcessMeasure
{
    double milliseconds = 0;
    double peakResidentMegabytes = 0;
    QByteArray output; // what it printed on stdout and stderr
};

// An error when it cannot start or exits other than with 0, naming what it printed.
Result<ProcessMeasure> runMeasured(const QString& program, const QStringList& arguments);

} // namespace rapport::bench
