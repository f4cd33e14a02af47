// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ExportSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <zip.h>

namespace rapport::test {

void writeExportFolder(const QString& folder, const ExportFiles& files)
{
    for (const auto& [name, bytes] : files) {
        const QString path = QDir(folder).filePath(name);
        REQUIRE(QDir().mkpath(QFileInfo(path).path()));
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(bytes) == bytes.size());
    }
}

void writeExportZip(const QString& path, const ExportFiles& files)
{
    int code = 0;
    zip_t* archive = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    REQUIRE(archive);
    for (const auto& [name, bytes] : files) {
        // libzip reads the buffer at zip_close, so it gets a copy of its own to free (the last argument).
        char* copy = static_cast<char*>(std::malloc(static_cast<size_t>(bytes.size()) + 1));
        REQUIRE(copy);
        std::memcpy(copy, bytes.constData(), static_cast<size_t>(bytes.size()));
        zip_source_t* source = zip_source_buffer(archive, copy, static_cast<zip_uint64_t>(bytes.size()), 1);
        REQUIRE(source);
        REQUIRE(zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) >= 0);
    }
    REQUIRE(zip_close(archive) == 0);
}

} // namespace rapport::test
