// SPDX-License-Identifier: GPL-3.0-or-later
// Roundcube Webmail's contacts CSV, with its own columns beside Outlook's: "First Name,Middle Name,Last
// Name,Display Name,…,Email Home,Email Work,Email Other,…,Phone Mobile,…,Organization,Job Title,…". As in
// Outlook's files, "Title" is a courtesy title (Mr., Dr.) and is not imported; "Job Title" is.
#pragma once

#include "core/import/ContactsFormat.h"

namespace rapport {

class RoundcubeFormat : public ContactsFormat
{
public:
    RoundcubeFormat();
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
};

} // namespace rapport
