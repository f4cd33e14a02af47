// SPDX-License-Identifier: GPL-3.0-or-later
// One logged conversation with a contact.
#pragma once

#include "core/model/Channel.h"

#include <QString>
#include <optional>

namespace rapport {

struct Interaction
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 occurredAt = 0; // seconds since the epoch, UTC
    Channel channel = Channel::Email;
    Direction direction = Direction::Outbound;
    QString summary;
    QString body;
    std::optional<qint64> loggedBy; // team member
};

} // namespace rapport
