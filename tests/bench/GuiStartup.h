// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the desktop app on a database with --quit-after-first-paint and reads what it reports: the
// benchmark's cold-start and resident-memory rows, measured on the real binary.
#pragma once

#include "core/base/Result.h"

#include <QString>

namespace rapport::bench {

struct GuiStartupSample
{
    double firstPaintMilliseconds = 0; // from process start, as the app measures it
    double residentMegabytes = 0;
};

// Runs `binary --database databasePath --quit-after-first-paint` offscreen when there is no display.
Result<GuiStartupSample> measureGuiStartup(const QString& binary, const QString& databasePath);

} // namespace rapport::bench
