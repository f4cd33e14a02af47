// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/LinkActions.h"

#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "ui/contacts/LinkContactDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/ContactLinkCommands.h"

namespace rapport::ui {

QString LinkActions::nameOf(qint64 contactId) const
{
    const Result<Contact> contact = ContactRepository(m_session.database()).get(contactId);
    return contact ? contact->effectiveDisplayName() : ContactLinkRepository::contactText(contactId, {});
}

bool LinkActions::chooseIntroducer(qint64 contactId)
{
    if (contactId <= 0)
        return false;
    LinkContactDialog dialog(m_session, contactId, LinkKind::IntroducedBy, m_parent);
    const Result<std::optional<ContactLink>> current =
        ContactLinkRepository(m_session.database()).introducerOf(contactId);
    if (!current) {
        emit m_session.errorOccurred(current.error().message);
        return false;
    }
    if (*current)
        dialog.setLink((*current)->otherId, (*current)->details);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return DatabaseCommand::push(m_session,
                                 std::make_unique<ChangeIntroducerCommand>(
                                     m_session, contactId, LinkTarget{dialog.otherId(), dialog.details()},
                                     nameOf(contactId), nameOf(dialog.otherId())))
        .ok();
}

bool LinkActions::chooseAcquaintance(qint64 contactId)
{
    if (contactId <= 0)
        return false;
    LinkContactDialog dialog(m_session, contactId, LinkKind::Knows, m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return DatabaseCommand::push(m_session, std::make_unique<ChangeKnowsCommand>(
                                                m_session, contactId, dialog.otherId(), dialog.details(),
                                                nameOf(contactId), nameOf(dialog.otherId())))
        .ok();
}

bool LinkActions::removeIntroducer(qint64 contactId)
{
    const Result<std::optional<ContactLink>> current =
        ContactLinkRepository(m_session.database()).introducerOf(contactId);
    if (!current) {
        emit m_session.errorOccurred(current.error().message);
        return false;
    }
    if (!*current)
        return false;
    return DatabaseCommand::push(m_session, std::make_unique<ChangeIntroducerCommand>(
                                                m_session, contactId, std::nullopt, nameOf(contactId),
                                                nameOf((*current)->otherId)))
        .ok();
}

bool LinkActions::removeKnows(qint64 contactId, qint64 otherId)
{
    return DatabaseCommand::push(
               m_session, std::make_unique<ChangeKnowsCommand>(m_session, contactId, otherId, std::nullopt,
                                                               nameOf(contactId), nameOf(otherId)))
        .ok();
}

} // namespace rapport::ui
