// SPDX-License-Identifier: GPL-3.0-or-later
// Adding a follow-up, undone by deleting it; closing one (done, kept, broken, dropped), undone by opening it
// again, where a kept or broken promise's trust note comes and goes with it.
#pragma once

#include "core/model/FollowUp.h"
#include "ui/undo/DatabaseCommand.h"

namespace rapport::ui {

class AddFollowUpCommand : public DatabaseCommand
{
public:
    AddFollowUpCommand(DatabaseSession& session, const FollowUp& followUp, const QString& contactName);
    // Known once written; redo writes it again under the same id, so later commands still find it.
    qint64 followUpId() const { return m_followUp.id; }

protected:
    Status apply() override;
    Status revert() override;

private:
    FollowUp m_followUp;
};

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
