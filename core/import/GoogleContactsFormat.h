// SPDX-License-Identifier: GPL-3.0-or-later
// Google Contacts' CSV export, in both layouts Google has used: the older "Google CSV" ("Name,Given
// Name,Additional Name,Family Name,…,Group Membership,E-mail 1 - Type,E-mail 1 - Value,…") and the
// current one ("First Name,Middle Name,Last Name,…,Labels,E-mail 1 - Label,E-mail 1 - Value,…"). Labels
// become tags, except Google's own ("* myContacts", "* starred").
#pragma once

#include "core/import/ContactsFormat.h"

namespace rapport {

class GoogleContactsFormat : public ContactsFormat
{
public:
    GoogleContactsFormat();
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
};

} // namespace rapport
