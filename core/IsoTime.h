// ISO 8601 moments as users type them on the command line and in CSV files.
#pragma once

#include "Result.h"

#include <QString>

namespace rapport {

// "2026-05-01" is 00:00 UTC that day; "2026-05-01T14:30", "2026-05-01 14:30:15" without an offset are
// UTC; "…Z" and "…+02:00" are honoured. Returns seconds since the epoch, or an error that quotes the text.
Result<qint64> parseIsoMoment(const QString& text);

// "2026-05-01T14:30:00Z".
QString formatIsoMoment(qint64 seconds);

} // namespace rapport
