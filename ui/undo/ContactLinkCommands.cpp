// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/ContactLinkCommands.h"

#include "core/storage/ContactLinkRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

ChangeIntroducerCommand::ChangeIntroducerCommand(DatabaseSession& session, qint64 contactId,
                                                 std::optional<LinkTarget> introducer,
                                                 const QString& contactName, const QString& introducerName)
    : DatabaseCommand(session, (introducer ? QCoreApplication::translate("rapport::ui::ContactLinkCommands",
                                                                         "%1 introduced by %2")
                                           : QCoreApplication::translate("rapport::ui::ContactLinkCommands",
                                                                         "Remove %2 as the introducer of %1"))
                                   .arg(contactName, introducerName))
    , m_contactId(contactId)
    , m_after(std::move(introducer))
{}

Status ChangeIntroducerCommand::apply()
{
    const Result<std::optional<ContactLink>> replaced = write(m_after);
    if (!replaced)
        return replaced.error();
    if (isFirstRun()) {
        // Removing an introducer nobody recorded would put a step that does nothing on the stack.
        if (!m_after && !*replaced)
            return Error::notFound(QCoreApplication::translate(
                "rapport::ui::ContactLinkCommands", "Nobody is recorded as having introduced them."));
        if (*replaced)
            m_before = LinkTarget{(*replaced)->otherId, (*replaced)->details};
    }
    touchContacts();
    return {};
}

Status ChangeIntroducerCommand::revert()
{
    const Result<std::optional<ContactLink>> replaced = write(m_before);
    if (!replaced)
        return replaced.error();
    touchContacts();
    return {};
}

Result<std::optional<ContactLink>> ChangeIntroducerCommand::write(const std::optional<LinkTarget>& introducer)
{
    ContactLinkRepository links(session().database());
    // Replacing is what the person asked for: the command remembers the introducer it replaces.
    return introducer ? links.setIntroducer(m_contactId, introducer->contactId, introducer->details, true)
                      : links.removeIntroducer(m_contactId);
}

void ChangeIntroducerCommand::touchContacts()
{
    // The introducers' pages list whom they introduced.
    session().contactTouched(m_contactId);
    for (const std::optional<LinkTarget>& introducer : {m_before, m_after}) {
        if (introducer)
            session().contactTouched(introducer->contactId);
    }
}

ChangeKnowsCommand::ChangeKnowsCommand(DatabaseSession& session, qint64 contactId, qint64 otherId,
                                       std::optional<LinkDetails> details, const QString& contactName,
                                       const QString& otherName)
    : DatabaseCommand(
          session, (details ? QCoreApplication::translate("rapport::ui::ContactLinkCommands", "%1 knows %2")
                            : QCoreApplication::translate("rapport::ui::ContactLinkCommands",
                                                          "Remove that %1 knows %2"))
                       .arg(contactName, otherName))
    , m_contactId(contactId)
    , m_otherId(otherId)
    , m_after(std::move(details))
{}

Status ChangeKnowsCommand::apply()
{
    const Result<std::optional<ContactLink>> replaced = write(m_after);
    if (!replaced)
        return replaced.error();
    if (isFirstRun()) {
        if (!m_after && !*replaced)
            return Error::notFound(QCoreApplication::translate(
                "rapport::ui::ContactLinkCommands", "They are not recorded as knowing each other."));
        if (*replaced)
            m_before = (*replaced)->details;
    }
    touchContacts();
    return {};
}

Status ChangeKnowsCommand::revert()
{
    const Result<std::optional<ContactLink>> replaced = write(m_before);
    if (!replaced)
        return replaced.error();
    touchContacts();
    return {};
}

Result<std::optional<ContactLink>> ChangeKnowsCommand::write(const std::optional<LinkDetails>& details)
{
    ContactLinkRepository links(session().database());
    return details ? links.addKnows(m_contactId, m_otherId, *details)
                   : links.removeKnows(m_contactId, m_otherId);
}

void ChangeKnowsCommand::touchContacts()
{
    session().contactTouched(m_contactId);
    session().contactTouched(m_otherId);
}

} // namespace rapport::ui
