// SPDX-License-Identifier: GPL-3.0-or-later
// The archives the benchmark imports, written from the demo dataset's contacts: an mbox as Thunderbird or
// Google Takeout writes it (Received headers, multipart/alternative bodies in quoted-printable, RFC 2047
// subjects, "From " lines escaped inside bodies, one message in ten automated) and a Slack workspace export
// (users, channels with threads and mentions, DMs). Deterministic, so runs compare.
#pragma once

#include "core/base/Result.h"
#include "core/storage/Database.h"

namespace rapport::bench {

// The address and Slack name the archives give "me".
inline constexpr const char* benchMe = "me.bench@rapport.invalid";

struct WrittenArchive
{
    qint64 messages = 0;
    qint64 bytes = 0;
};

// Messages until the file holds `bytes`, between `me` and the dataset's contacts (and a few strangers).
Result<WrittenArchive> writeBenchMbox(Database& db, const QString& path, qint64 bytes);

// An unpacked Slack export in `folder` with `messages` messages.
Result<WrittenArchive> writeBenchSlackExport(Database& db, const QString& folder, qint64 messages);

} // namespace rapport::bench
