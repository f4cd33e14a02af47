// SPDX-License-Identifier: GPL-3.0-or-later
// A member of the community team: owns relationships, logs conversations, writes trust notes.
#pragma once

#include <QString>

namespace rapport {

struct TeamMember
{
    qint64 id = 0;
    QString name;
    QString email;
};

} // namespace rapport
