// SPDX-License-Identifier: GPL-3.0-or-later
// Key/value settings stored in the database, shared by everyone who opens it.
#pragma once

#include "core/storage/Database.h"

#include <QMap>

namespace rapport {

class SettingsRepository
{
public:
    explicit SettingsRepository(Database& db)
        : m_db(db)
    {}

    // All settings whose key starts with `prefix`, with the prefix removed.
    Result<QMap<QString, QString>> load(const QString& prefix) const;
    // Replaces the settings under `prefix` with these values.
    Status save(const QString& prefix, const QMap<QString, QString>& values);

private:
    Database& m_db;
};

} // namespace rapport
