// SPDX-License-Identifier: GPL-3.0-or-later
// Keys under which two spellings of one thing compare equal: names without case, accents or punctuation
// ("Jörg  Müller" and "jorg muller"), tags without case, spaces, dashes or underscores ("Core contributors"
// and "core-contributors"), and email addresses as the mail server reads them (Gmail ignores dots and a
// "+tag" in the local part).
#pragma once

#include <QString>

namespace rapport {

// Lower case, accents and other marks removed (NFKD), ß → ss, æ → ae, ø → o, ł → l, đ → d, and every
// run of characters that are neither letters nor digits one space; trimmed.
QString foldName(const QString& name);

// foldName() without the spaces, dashes and underscores.
QString foldTag(const QString& tag);

// The address lower-cased; for gmail.com and googlemail.com also the local part without dots and without
// a "+tag", and the domain gmail.com. Other providers give dots and "+" a meaning of their own.
QString canonicalEmail(const QString& email);

// The part after the last '@', lower-cased; empty when there is none.
QString emailDomain(const QString& email);

// Edits (insertions, deletions, substitutions, swaps of neighbours) that turn `a` into `b`, counted up to
// `limit`: any larger distance is returned as limit + 1, so that dissimilar long names cost little.
int editDistance(const QString& a, const QString& b, int limit);

} // namespace rapport
