// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ZipArchive.h"

#include <QFile>
#include <zip.h>

namespace rapport {

namespace {

// An entry larger than this is no chat export's file but a zip bomb, or the wrong zip.
constexpr zip_uint64_t entryLimit = zip_uint64_t(1) << 30;

QString zipError(int code)
{
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    const QString text = QString::fromUtf8(zip_error_strerror(&error));
    zip_error_fini(&error);
    return text;
}

} // namespace

Result<std::unique_ptr<ArchiveFolder>> ZipArchive::open(const QString& path)
{
    int code = 0;
    // ZIP_CHECKCONS: a zip cut short, whose directory does not match its entries, is refused here.
    struct zip* archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!archive)
        return Error::badInput(
            QStringLiteral("%1: not a readable zip (truncated or damaged?): %2").arg(path, zipError(code)));
    std::unique_ptr<ZipArchive> folder(new ZipArchive(path, archive));
    QStringList stored;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
        if (name && !QByteArray(name).endsWith('/'))
            stored << QString::fromUtf8(name);
    }
    folder->setFiles(std::move(stored));
    return std::unique_ptr<ArchiveFolder>(std::move(folder));
}

ZipArchive::~ZipArchive()
{
    zip_discard(m_archive);
}

QString ZipArchive::where(const QString& file) const
{
    return QStringLiteral("%1: %2").arg(path(), stored(file));
}

Result<QByteArray> ZipArchive::readStored(const QString& name) const
{
    const QString location = QStringLiteral("%1: %2").arg(path(), name);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_archive, name.toUtf8().constData(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return Error::badInput(
            QStringLiteral("%1: cannot read: %2").arg(location, QString::fromUtf8(zip_strerror(m_archive))));
    if (stat.size > entryLimit)
        return Error::badInput(
            QStringLiteral("%1: too large to be part of an export (%2 bytes)").arg(location).arg(stat.size));
    zip_file_t* entry = zip_fopen(m_archive, name.toUtf8().constData(), 0);
    if (!entry)
        return Error::badInput(
            QStringLiteral("%1: cannot read: %2").arg(location, QString::fromUtf8(zip_strerror(m_archive))));
    QByteArray bytes(static_cast<qsizetype>(stat.size), Qt::Uninitialized);
    qsizetype filled = 0;
    while (filled < bytes.size()) {
        const zip_int64_t got =
            zip_fread(entry, bytes.data() + filled, static_cast<zip_uint64_t>(bytes.size() - filled));
        if (got <= 0)
            break;
        filled += static_cast<qsizetype>(got);
    }
    // Reading to the end is what makes libzip check the CRC.
    char past = 0;
    const zip_int64_t beyond = filled == bytes.size() ? zip_fread(entry, &past, 1) : -1;
    const QString failure = QString::fromUtf8(zip_error_strerror(zip_file_get_error(entry)));
    zip_fclose(entry);
    if (filled != bytes.size() || beyond != 0)
        return Error::badInput(
            QStringLiteral("%1: damaged or truncated in the zip: %2").arg(location, failure));
    return bytes;
}

} // namespace rapport
