// SPDX-License-Identifier: GPL-3.0-or-later
// A .zip read in place through libzip: its directory at open, one entry's bytes when asked, each
// checked against its CRC, so that a truncated or damaged zip is refused rather than half read.
#pragma once

#include "core/conversations/ArchiveFolder.h"

struct zip;

namespace rapport {

class ZipArchive : public ArchiveFolder
{
public:
    static Result<std::unique_ptr<ArchiveFolder>> open(const QString& path);
    ~ZipArchive() override;
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    QString where(const QString& file) const override;

protected:
    Result<QByteArray> readStored(const QString& stored) const override;

private:
    ZipArchive(QString path, struct zip* archive)
        : ArchiveFolder(std::move(path))
        , m_archive(archive)
    {}

    struct zip* m_archive;
};

} // namespace rapport
