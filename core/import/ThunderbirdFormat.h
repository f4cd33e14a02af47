// SPDX-License-Identifier: GPL-3.0-or-later
// Thunderbird's address book export (Address Book > Tools > Export…, "Comma Separated"): "First Name,Last
// Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,
// Pager Number,Mobile Number,…,Job Title,Department,Organization,Web Page 1,Web Page 2,…,Notes". Its
// "Screen Name" names no service and faxes and pagers are not the person's own numbers, so those stay out.
#pragma once

#include "core/import/ContactsFormat.h"

namespace rapport {

class ThunderbirdFormat : public ContactsFormat
{
public:
    ThunderbirdFormat();
    bool recognizes(const QStringList& header, ImportTarget target) const override;
    ColumnMapping mapping(const QStringList& header, ImportTarget target) const override;
};

} // namespace rapport
