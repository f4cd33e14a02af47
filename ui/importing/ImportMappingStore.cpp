// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportMappingStore.h"

#include <QCryptographicHash>
#include <QSettings>

namespace rapport::ui {

QString ImportMappingStore::key(ImportTarget target, const QStringList& header)
{
    // The header in full, hashed: a key must stay short whatever the number of columns.
    const QByteArray digest =
        QCryptographicHash::hash(header.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("importMappings/%1/%2")
        .arg(importTargetName(target), QString::fromLatin1(digest.toHex()));
}

std::optional<ColumnMapping> ImportMappingStore::load(ImportTarget target, const QStringList& header)
{
    const QStringList saved = QSettings().value(key(target, header)).toStringList();
    if (saved.isEmpty())
        return std::nullopt;
    Result<ColumnMapping> restored = ColumnMapping::restore(saved, header);
    if (!restored)
        return std::nullopt;
    return *restored;
}

void ImportMappingStore::save(ImportTarget target, const QStringList& header, const ColumnMapping& mapping)
{
    QSettings().setValue(key(target, header), mapping.save(header));
}

void ImportMappingStore::forget(ImportTarget target, const QStringList& header)
{
    QSettings().remove(key(target, header));
}

} // namespace rapport::ui
