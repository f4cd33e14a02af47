// SPDX-License-Identifier: GPL-3.0-or-later
// The schema history of Rapport's database. Each migration takes a file from the version before it to
// its own version; Database applies the pending ones in one transaction after a backup copy.
#pragma once

#include <QList>
#include <QStringList>

namespace rapport {

struct Migration
{
    int version;
    const char* description;
    QStringList statements;
};

// Marks a SQLite file as Rapport's ("RAPT"), so a foreign database is recognised and refused.
inline constexpr int rapportApplicationId = 0x52415054;

const QList<Migration>& migrations();
int currentSchemaVersion();

} // namespace rapport
