// SPDX-License-Identifier: GPL-3.0-or-later
// The first bytes by which a file that is not CSV text gives itself away. CsvReader refuses such a file
// with a message saying what it is; CsvWriter quotes a first cell that starts with them, so that a file it
// writes always reads back.
#pragma once

#include <QByteArrayView>
#include <QString>

namespace rapport {

// What a file starting with these bytes most likely is ("a PDF document"), or empty when it may be CSV.
QString binaryFileKind(QByteArrayView start);

// Whether these bytes start with a UTF-16 byte-order mark (either order).
bool startsLikeUtf16(QByteArrayView start);

} // namespace rapport
