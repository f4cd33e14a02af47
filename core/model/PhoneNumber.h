// SPDX-License-Identifier: GPL-3.0-or-later
// Phone numbers in E.164 (+4930123456) through libphonenumber, Google's library made for this, so that
// "030 123456" in Berlin, "+49 30 123456" and "0049 (30) 12 34 56" are one number.
#pragma once

#include <QString>

namespace rapport {

// The number in E.164, or empty when it is not a possible number. A number without a country code is
// read as dialled in `region` (an ISO 3166 code such as "DE"); with an empty or unknown region only
// numbers that start with + or 00 are read.
QString phoneE164(const QString& number, const QString& region);

// The region of the system's locale ("DE" for de_DE), or empty when it names none.
QString localPhoneRegion();

} // namespace rapport
