// SPDX-License-Identifier: GPL-3.0-or-later
// The files of an export, read the same way whether it was unpacked into a folder or is still a .zip:
// their paths relative to the export's top ("channels.json", "general/2025-03-17.json") and the bytes
// of one file at a time. An export zipped with its folder around it reads from inside that folder.
#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

namespace rapport {

class ArchiveFolder
{
public:
    // A folder, or a file that starts as a zip does. A bad-input error names a zip that cannot be read.
    static Result<std::unique_ptr<ArchiveFolder>> open(const QString& path);
    // Whether the file starts with a zip's signature.
    static bool isZip(const QString& path);
    virtual ~ArchiveFolder() = default;

    // Every file, with '/' between folders, sorted.
    const QStringList& files() const { return m_files; }
    bool contains(const QString& file) const;
    // The files directly in `folder` ("general"), sorted.
    QStringList filesIn(const QString& folder) const;
    // A file's whole bytes; a bad-input error naming it when it cannot be read (a damaged zip entry).
    Result<QByteArray> read(const QString& file) const;
    // How messages name a file: "/exports/slack/general/2025-03-17.json", "slack.zip: general/….json".
    virtual QString where(const QString& file) const = 0;
    const QString& path() const { return m_path; }

protected:
    explicit ArchiveFolder(QString path)
        : m_path(std::move(path))
    {}
    // Sets the files from their full paths within the folder or zip, dropping a folder all are in.
    void setFiles(QStringList stored);
    virtual Result<QByteArray> readStored(const QString& stored) const = 0;
    QString stored(const QString& file) const { return m_top + file; }

private:
    QString m_path;
    QString m_top; // "slack-export/" when every file is in that folder
    QStringList m_files;
};

} // namespace rapport
