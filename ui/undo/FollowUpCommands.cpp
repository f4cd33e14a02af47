// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/FollowUpCommands.h"

#include "core/base/Clock.h"
#include "core/storage/FollowUpRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

namespace {

QString closeText(FollowUpStatus status, const QString& contactName)
{
    const char* text = "Close follow-up with %1";
    switch (status) {
    case FollowUpStatus::Done:
        text = QT_TRANSLATE_NOOP("rapport::ui::FollowUpCommands", "Mark follow-up with %1 done");
        break;
    case FollowUpStatus::Kept:
        text = QT_TRANSLATE_NOOP("rapport::ui::FollowUpCommands", "Promise to %1 kept");
        break;
    case FollowUpStatus::Broken:
        text = QT_TRANSLATE_NOOP("rapport::ui::FollowUpCommands", "Promise to %1 broken");
        break;
    case FollowUpStatus::Dropped:
        text = QT_TRANSLATE_NOOP("rapport::ui::FollowUpCommands", "Drop follow-up with %1");
        break;
    case FollowUpStatus::Open:
        break;
    }
    return QCoreApplication::translate("rapport::ui::FollowUpCommands", text).arg(contactName);
}

} // namespace

AddFollowUpCommand::AddFollowUpCommand(DatabaseSession& session, const FollowUp& followUp,
                                       const QString& contactName)
    : DatabaseCommand(
          session,
          QCoreApplication::translate("rapport::ui::FollowUpCommands", "Follow up with %1").arg(contactName))
    , m_followUp(followUp)
{
    if (m_followUp.createdAt <= 0)
        m_followUp.createdAt = Clock::nowSeconds();
}

Status AddFollowUpCommand::apply()
{
    FollowUpRepository followUps(session().database());
    if (isFirstRun()) {
        const Result<qint64> id = followUps.add(m_followUp);
        if (!id)
            return id.error();
        m_followUp.id = *id;
    } else if (Status restored = followUps.restore(m_followUp); !restored) {
        return restored;
    }
    session().contactTouched(m_followUp.contactId);
    return {};
}

Status AddFollowUpCommand::revert()
{
    const Status removed = FollowUpRepository(session().database()).remove(m_followUp.id);
    if (removed)
        session().contactTouched(m_followUp.contactId);
    return removed;
}

CloseFollowUpCommand::CloseFollowUpCommand(DatabaseSession& session, const FollowUp& followUp,
                                           FollowUpStatus status, const QString& contactName)
    : DatabaseCommand(session, closeText(status, contactName))
    , m_followUpId(followUp.id)
    , m_contactId(followUp.contactId)
    , m_status(status)
    , m_at(Clock::nowSeconds())
{}

Status CloseFollowUpCommand::apply()
{
    const Result<FollowUp> closed =
        FollowUpRepository(session().database()).close(m_followUpId, m_status, m_at);
    if (!closed)
        return closed.error();
    session().contactTouched(m_contactId);
    return {};
}

Status CloseFollowUpCommand::revert()
{
    const Status reopened = FollowUpRepository(session().database()).reopen(m_followUpId);
    if (reopened)
        session().contactTouched(m_contactId);
    return reopened;
}

} // namespace rapport::ui
