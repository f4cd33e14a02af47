// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ImportReport.h"

namespace rapport {

QString ImportReport::summary() const
{
    return QStringLiteral("%1 created, %2 unchanged, %3 updated, %4 skipped")
        .arg(created)
        .arg(unchanged)
        .arg(updated)
        .arg(skipped);
}

} // namespace rapport
