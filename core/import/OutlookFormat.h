// SPDX-License-Identifier: GPL-3.0-or-later
// Outlook's contacts export (Outlook.com and Outlook for Windows, "Comma Separated Values"): "First
// Name,Middle Name,Last Name,Title,Suffix,…,E-mail Address,…,Job Title,…,Company,…,Categories". Its
// "Title" is a courtesy title (Mr., Dr.) and is not imported; "Job Title" is.
#pragma once

#include "core/import/ContactsFormat.h"

namespace rapport {

class OutlookFormat : public ContactsFormat
{
public:
    OutlookFormat();
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
};

} // namespace rapport
