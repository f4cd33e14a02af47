// SPDX-License-Identifier: GPL-3.0-or-later
// The rule for names and identities (a contact's names, a tag, a team member, an email, phone or
// handle): no control characters. A terminal escape in a name would reach every terminal that prints
// `rapport score`, and a line break would split the lists that show them. Descriptive fields
// (organization, title) may hold line breaks, as the address books Rapport imports allow.
#pragma once

#include <QString>

namespace rapport {

// Empty when `text` has no control character, otherwise e.g. "must not contain control characters
// (U+001B at position 3)".
QString singleLineTextProblem(const QString& text);

} // namespace rapport
