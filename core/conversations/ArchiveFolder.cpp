// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ArchiveFolder.h"

#include "core/conversations/ZipArchive.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace rapport {

namespace {

// An unpacked export.
class DirectoryFolder : public ArchiveFolder
{
public:
    explicit DirectoryFolder(const QString& path)
        : ArchiveFolder(path)
    {
        QStringList stored;
        const QDir root(path);
        QDirIterator found(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (found.hasNext())
            stored << root.relativeFilePath(found.next());
        setFiles(std::move(stored));
    }

    QString where(const QString& file) const override { return QDir(path()).filePath(stored(file)); }

protected:
    Result<QByteArray> readStored(const QString& name) const override
    {
        QFile file(QDir(path()).filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return Error::badInput(
                QStringLiteral("%1: cannot open: %2").arg(file.fileName(), file.errorString()));
        return file.readAll();
    }
};

} // namespace

bool ArchiveFolder::isZip(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(4);
    return head == QByteArray("PK\x03\x04", 4) || head == QByteArray("PK\x05\x06", 4);
}

Result<std::unique_ptr<ArchiveFolder>> ArchiveFolder::open(const QString& path)
{
    if (QFileInfo(path).isDir())
        return std::unique_ptr<ArchiveFolder>(new DirectoryFolder(path));
    return ZipArchive::open(path);
}

void ArchiveFolder::setFiles(QStringList stored)
{
    stored.sort();
    const QString first = stored.isEmpty() ? QString() : stored.constFirst();
    const qsizetype slash = first.indexOf(QLatin1Char('/'));
    if (slash > 0) {
        const QString top = first.left(slash + 1);
        if (std::all_of(stored.cbegin(), stored.cend(),
                        [&](const QString& file) { return file.startsWith(top); })) {
            m_top = top;
            for (QString& file : stored)
                file.remove(0, top.size());
        }
    }
    m_files = std::move(stored);
}

bool ArchiveFolder::contains(const QString& file) const
{
    return std::binary_search(m_files.cbegin(), m_files.cend(), file);
}

QStringList ArchiveFolder::filesIn(const QString& folder) const
{
    const QString prefix = folder + QLatin1Char('/');
    QStringList found;
    for (auto it = std::lower_bound(m_files.cbegin(), m_files.cend(), prefix);
         it != m_files.cend() && it->startsWith(prefix); ++it) {
        if (!it->mid(prefix.size()).contains(QLatin1Char('/')))
            found << *it;
    }
    return found;
}

Result<QByteArray> ArchiveFolder::read(const QString& file) const
{
    return readStored(stored(file));
}

} // namespace rapport
