// SPDX-License-Identifier: GPL-3.0-or-later
// Chat exports the tests write themselves: a set of files as an unpacked folder or as a .zip.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <utility>

namespace rapport::test {

using ExportFiles = QList<std::pair<QString, QByteArray>>; // path inside the export -> bytes

// Writes the files under `folder`, making the subfolders; REQUIREs that it worked.
void writeExportFolder(const QString& folder, const ExportFiles& files);
// Writes the files into a new zip at `path` through libzip; REQUIREs that it worked.
void writeExportZip(const QString& path, const ExportFiles& files);

} // namespace rapport::test
