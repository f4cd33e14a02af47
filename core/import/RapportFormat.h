// SPDX-License-Identifier: GPL-3.0-or-later
// Rapport's own export (the contacts, interactions and notes reports), read back column by column so
// that an export imported into the same or another database loses nothing.
#pragma once

#include "core/import/ImportFormat.h"

namespace rapport {

class RapportFormat : public ImportFormat
{
public:
    QString key() const override { return QStringLiteral("rapport"); }
    QString name() const override { return QStringLiteral("Rapport export"); }
    bool supports(ImportTarget) const override { return true; }
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
    bool neutralizesFormulas() const override { return true; }
    QString headerHint(ImportTarget target) const override;
};

} // namespace rapport
