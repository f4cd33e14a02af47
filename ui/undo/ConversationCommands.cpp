// SPDX-License-Identifier: GPL-3.0-or-later
// Logging, deleting and editing conversations as undoable commands.
#include "ui/undo/ConversationCommands.h"

#include "core/services/ConversationLog.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {

QString commandText(const Interaction& interaction, AddRemoveConversationCommand::Action action)
{
    return action == AddRemoveConversationCommand::Action::Log
               ? QCoreApplication::translate("rapport::ui::ConversationCommands", "Log %1")
                     .arg(channelName(interaction.channel))
               : QCoreApplication::translate("rapport::ui::ConversationCommands", "Delete conversation");
}

} // namespace

AddRemoveConversationCommand::AddRemoveConversationCommand(DatabaseSession& session,
                                                           const Interaction& interaction, Action action)
    : DatabaseCommand(session, commandText(interaction, action))
    , m_interaction(interaction)
    , m_action(action)
{}

Status AddRemoveConversationCommand::apply()
{
    return m_action == Action::Log ? add() : remove();
}

Status AddRemoveConversationCommand::revert()
{
    return m_action == Action::Log ? remove() : add();
}

Status AddRemoveConversationCommand::add()
{
    ConversationLog log(session().database(), session().engine());
    if (m_interaction.id > 0) {
        // Back under its own id, which the other commands on the stack know it by: if that fails (the id
        // may have gone to a conversation logged elsewhere since), they would act on the wrong one.
        if (const Result<qint64> restored = log.restore(m_interaction); !restored)
            return historyBroken(restored.error());
    } else {
        const Result<qint64> logged = log.log(m_interaction);
        if (!logged)
            return logged.error();
        m_interaction.id = *logged;
    }
    session().contactTouched(m_interaction.contactId);
    return {};
}

Status AddRemoveConversationCommand::remove()
{
    if (Status removed = ConversationLog(session().database(), session().engine()).remove(m_interaction.id);
        !removed)
        return removed;
    session().contactTouched(m_interaction.contactId);
    return {};
}

EditConversationCommand::EditConversationCommand(DatabaseSession& session, const Interaction& before,
                                                 const Interaction& after)
    : DatabaseCommand(session,
                      QCoreApplication::translate("rapport::ui::ConversationCommands", "Edit conversation"))
    , m_before(before)
    , m_after(after)
{}

Status EditConversationCommand::apply()
{
    return write(m_after, m_before.contactId);
}

Status EditConversationCommand::revert()
{
    return write(m_before, m_after.contactId);
}

Status EditConversationCommand::write(const Interaction& interaction, qint64 otherContactId)
{
    if (Status edited = ConversationLog(session().database(), session().engine()).edit(interaction); !edited)
        return edited;
    session().contactTouched(interaction.contactId);
    // The edit may have moved the conversation to another contact.
    if (otherContactId != interaction.contactId)
        session().contactTouched(otherContactId);
    return {};
}

} // namespace rapport::ui
