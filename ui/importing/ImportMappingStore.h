// SPDX-License-Identifier: GPL-3.0-or-later
// Remembers the column mapping a person made for a file layout, so that the next file with the same
// header opens the wizard with it. Kept in the user's QSettings, not in the database: the layout of the
// files someone gets from their own tools is theirs, not the team's data, and a mapping must be there
// when they import into a new database.
#pragma once

#include "core/import/ColumnMapping.h"

#include <optional>

namespace rapport::ui {

class ImportMappingStore
{
public:
    // The mapping saved for this target and header, if any still fits it.
    static std::optional<ColumnMapping> load(ImportTarget target, const QStringList& header);
    static void save(ImportTarget target, const QStringList& header, const ColumnMapping& mapping);
    static void forget(ImportTarget target, const QStringList& header);

private:
    static QString key(ImportTarget target, const QStringList& header);
};

} // namespace rapport::ui
