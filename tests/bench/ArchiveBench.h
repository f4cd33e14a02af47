// SPDX-License-Identifier: GPL-3.0-or-later
// The conversation-import rows: a generated mbox and Slack export imported by the command line into a copy
// of the dataset (time, messages per second, peak resident memory of that process), each beside the time
// of the bare parse of the same archive (GMime's own message loop; Qt's JSON parser over every file).
#pragma once

#include "core/storage/Database.h"
#include "tests/bench/BenchmarkTable.h"

namespace rapport::bench {

struct ArchiveBenchOptions
{
    QString workdir;
    QString app;              // the rapport binary
    qint64 mboxBytes = 0;     // 0 leaves the mbox rows out
    qint64 slackMessages = 0; // 0 leaves the Slack rows out
    int runs = 3;             // of the bare parses; each import runs once, on a fresh copy
};

// An error when an archive cannot be written or an import fails.
Status measureArchives(Database& dataset, const ArchiveBenchOptions& options, BenchmarkTable& table);

} // namespace rapport::bench
