// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 8601 moments as users type them on the command line and in CSV files.
#pragma once

#include "core/base/Result.h"

#include <QByteArrayView>
#include <QString>

namespace rapport {

// "2026-05-01" is 00:00 UTC that day; "2026-05-01T14:30", "2026-05-01 14:30:15" without an offset are
// UTC; "…Z" and "…+02:00" are honoured. Returns seconds since the epoch, or an error that quotes the text
// and, for "2026-02-30", says which part does not exist.
Result<qint64> parseIsoMoment(const QString& text);

// The same for UTF-8 text (a CSV cell): the common forms "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM[:SS][Z]" are
// read without building a QString, which matters when importing millions of rows.
Result<qint64> parseIsoMoment(QByteArrayView utf8);

// "2026-05-01T14:30:00Z".
QString formatIsoMoment(qint64 seconds);
// Appends formatIsoMoment(seconds) to `out` without temporaries: for exports of millions of rows.
void appendIsoMoment(QByteArray& out, qint64 seconds);

} // namespace rapport
