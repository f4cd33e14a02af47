// SPDX-License-Identifier: GPL-3.0-or-later
// The export rows: `rapport export` of the interactions, contacts and health reports, each run as the
// command a user types, beside the sqlite3 shell dumping the raw tables that report reads as CSV (the
// disk-and-SQLite limit), and the in-process interactions report beside a sqlite3 query computing its very
// columns.
#pragma once

#include "core/storage/Database.h"
#include "tests/bench/BenchmarkTable.h"

namespace rapport::bench {

struct ExportBenchOptions
{
    QString workdir;
    QString app;    // the rapport binary
    QString sqlite; // the sqlite3 shell
    int runs = 3;
};

// An error when a run fails or writes no rows.
Status measureExports(Database& dataset, const ExportBenchOptions& options, BenchmarkTable& table);

} // namespace rapport::bench
