// SPDX-License-Identifier: GPL-3.0-or-later
// Holding a contact back from reach-out suggestions (a snooze until a moment, or a dismissal until the next
// conversation), undone to whatever hold they had before.
#pragma once

#include "core/model/ReachOutHold.h"
#include "ui/undo/DatabaseCommand.h"

#include <optional>

namespace rapport::ui {

class HoldReachOutCommand : public DatabaseCommand
{
public:
    // `until` snoozes until then; none dismisses.
    HoldReachOutCommand(DatabaseSession& session, qint64 contactId, std::optional<qint64> until,
                        const QString& name);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_contactId;
    std::optional<qint64> m_until;
    qint64 m_at = 0;
    std::optional<ReachOutHold> m_before;
};

} // namespace rapport::ui
