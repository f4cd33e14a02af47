// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/ReachOutCommands.h"

#include "core/base/Clock.h"
#include "core/storage/ReachOutHoldRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace rapport::ui {

namespace {

QString holdText(std::optional<qint64> until, const QString& name)
{
    if (!until)
        return QCoreApplication::translate("rapport::ui::ReachOutCommands", "Dismiss %1").arg(name);
    return QCoreApplication::translate("rapport::ui::ReachOutCommands", "Snooze %1 until %2")
        .arg(name, QLocale().toString(QDateTime::fromSecsSinceEpoch(*until).date(), QLocale::ShortFormat));
}

} // namespace

HoldReachOutCommand::HoldReachOutCommand(DatabaseSession& session, qint64 contactId,
                                         std::optional<qint64> until, const QString& name)
    : DatabaseCommand(session, holdText(until, name))
    , m_contactId(contactId)
    , m_until(until)
    , m_at(Clock::nowSeconds())
{}

Status HoldReachOutCommand::apply()
{
    ReachOutHoldRepository holds(session().database());
    if (isFirstRun()) {
        Result<std::optional<ReachOutHold>> before = holds.of(m_contactId);
        if (!before)
            return before.error();
        m_before = *before;
    }
    const Status held =
        m_until ? holds.snooze(m_contactId, *m_until, m_at) : holds.dismiss(m_contactId, m_at);
    if (held)
        session().contactTouched(m_contactId);
    return held;
}

Status HoldReachOutCommand::revert()
{
    ReachOutHoldRepository holds(session().database());
    Status reverted;
    if (m_before) {
        reverted = holds.restore(*m_before);
    } else if (Result<bool> lifted = holds.lift(m_contactId); !lifted) {
        reverted = lifted.error();
    }
    if (reverted)
        session().contactTouched(m_contactId);
    return reverted;
}

} // namespace rapport::ui
