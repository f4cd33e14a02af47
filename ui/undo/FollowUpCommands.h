// SPDX-License-Identifier: GPL-3.0-or-later
// Closing a follow-up (done, kept, broken, dropped), undone by opening it again; a kept or broken promise's
// trust note comes and goes with it.
#pragma once

#include "core/model/FollowUp.h"
#include "ui/undo/DatabaseCommand.h"

namespace rapport::ui {

class CloseFollowUpCommand : public DatabaseCommand
{
public:
    CloseFollowUpCommand(DatabaseSession& session, const FollowUp& followUp, FollowUpStatus status,
                         const QString& contactName);

protected:
    Status apply() override;
    Status revert() override;

private:
    qint64 m_followUpId;
    qint64 m_contactId;
    FollowUpStatus m_status;
    qint64 m_at;
};

} // namespace rapport::ui
