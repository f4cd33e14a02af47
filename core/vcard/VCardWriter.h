// SPDX-License-Identifier: GPL-3.0-or-later
// Writes cards as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426): UTF-8, CRLF, lines folded at 75 octets
// without splitting a UTF-8 sequence, parameter values quoted when they hold ':', ';' or ','.
#pragma once

#include "core/vcard/VCard.h"

#include <QByteArray>

namespace rapport {

enum class VCardVersion
{
    V3,
    V4
};

// One card, BEGIN to END; the card's own VERSION property, if any, is replaced by `version`'s.
QByteArray writeVCard(const VCard& card, VCardVersion version = VCardVersion::V4);

} // namespace rapport
