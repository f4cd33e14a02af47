// SPDX-License-Identifier: GPL-3.0-or-later
// How a team member appears in the archives the team imports: an email or a handle on a service, written
// `kind: value` like a contact's methods ("email: grace@example.org", "discord: grace"). The conversation
// import takes the --by member's identities as "me", and never makes a contact of any member's.
#pragma once

#include "core/base/Result.h"
#include "core/model/ContactMethod.h"

#include <QString>

namespace rapport {

struct TeamIdentity
{
    qint64 id = 0;
    qint64 memberId = 0;
    MethodKind kind = MethodKind::Email;
    QString value;

    // "discord:grace", as `rapport team identity` takes and prints it.
    QString text() const;
    // The comparable form, equal for two spellings of one identity (case, a leading '@').
    QString key() const;
};

// "KIND:VALUE" (or "KIND: VALUE") with a known kind and a value that kind accepts, trimmed; a bad-input
// error saying what is wrong otherwise.
Result<TeamIdentity> parseTeamIdentity(const QString& text);

} // namespace rapport
