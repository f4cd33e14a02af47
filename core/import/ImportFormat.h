// SPDX-License-Identifier: GPL-3.0-or-later
// A known CSV layout Rapport can import without help: Rapport's own export, LinkedIn Connections, Google
// Contacts, Thunderbird, Roundcube and Outlook. Each is a small class behind this interface; importers pick one by looking at
// the file's header row.
#pragma once

#include "core/import/ColumnMapping.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace rapport {

class ImportFormat
{
public:
    virtual ~ImportFormat() = default;

    virtual QString key() const = 0;  // "rapport", "linkedin", "google", "thunderbird", …
    virtual QString name() const = 0; // "LinkedIn Connections"
    virtual bool supports(ImportTarget target) const = 0;
    // Whether `header`, one record of the file, is this format's header row for `target`.
    virtual bool recognizes(const QStringList& header, ImportTarget target) const = 0;
    // How many records may come before the header (LinkedIn starts with a few "Notes:" lines).
    virtual int preambleRecords() const { return 0; }
    virtual ColumnMapping mapping(const QStringList& header, ImportTarget target) const = 0;
    // Rapport's own export neutralizes text that a spreadsheet would run as a formula; reading it back
    // undoes that so that a round trip keeps the text as it was.
    virtual bool neutralizesFormulas() const { return false; }
    // The start of the header row this format expects, for messages.
    virtual QString headerHint(ImportTarget target) const = 0;

protected:
    // The index of the column with this name (case and surrounding spaces ignored), or -1.
    static int column(const QStringList& header, const QString& name);
    static bool hasColumns(const QStringList& header, const QStringList& names);
};

// Every known format, Rapport's own first.
const std::vector<std::unique_ptr<ImportFormat>>& importFormats();
// nullptr for an unknown key.
const ImportFormat* findImportFormat(const QString& key);
QStringList importFormatKeys();

} // namespace rapport
