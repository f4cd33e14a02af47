// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ImportFormat.h"

#include "core/import/GoogleContactsFormat.h"
#include "core/import/LinkedInFormat.h"
#include "core/import/OutlookFormat.h"
#include "core/import/RapportFormat.h"
#include "core/import/RoundcubeFormat.h"
#include "core/import/ThunderbirdFormat.h"

#include <algorithm>

namespace rapport {

int ImportFormat::column(const QStringList& header, const QString& name)
{
    for (int i = 0; i < header.size(); ++i) {
        if (header.at(i).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

bool ImportFormat::hasColumns(const QStringList& header, const QStringList& names)
{
    return std::all_of(names.begin(), names.end(),
                       [&header](const QString& name) { return column(header, name) >= 0; });
}

const std::vector<std::unique_ptr<ImportFormat>>& importFormats()
{
    static const std::vector<std::unique_ptr<ImportFormat>> formats = [] {
        std::vector<std::unique_ptr<ImportFormat>> all;
        all.push_back(std::make_unique<RapportFormat>());
        all.push_back(std::make_unique<LinkedInFormat>());
        all.push_back(std::make_unique<GoogleContactsFormat>());
        // Before Outlook: a Roundcube file may have Outlook's email columns beside its own.
        all.push_back(std::make_unique<ThunderbirdFormat>());
        all.push_back(std::make_unique<RoundcubeFormat>());
        all.push_back(std::make_unique<OutlookFormat>());
        return all;
    }();
    return formats;
}

const ImportFormat* findImportFormat(const QString& key)
{
    for (const auto& format : importFormats()) {
        if (format->key().compare(key.trimmed(), Qt::CaseInsensitive) == 0)
            return format.get();
    }
    return nullptr;
}

QStringList importFormatKeys()
{
    QStringList keys;
    for (const auto& format : importFormats())
        keys << format->key();
    return keys;
}

} // namespace rapport
