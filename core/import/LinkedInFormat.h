// SPDX-License-Identifier: GPL-3.0-or-later
// LinkedIn's Connections.csv (Settings > Data privacy > Get a copy of your data): a few "Notes:" lines,
// then "First Name,Last Name,URL,Email Address,Company,Position,Connected On" (older files lack URL).
// The profile URL becomes the contact's LinkedIn handle.
#pragma once

#include "core/import/ContactsFormat.h"

namespace rapport {

class LinkedInFormat : public ContactsFormat
{
public:
    LinkedInFormat();
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    int preambleRecords() const override { return 5; }
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
};

} // namespace rapport
