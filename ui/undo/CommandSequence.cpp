// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/CommandSequence.h"

namespace rapport::ui {

CommandSequence::CommandSequence(DatabaseSession& session, const QString& text,
                                 std::vector<std::unique_ptr<DatabaseCommand>> steps)
    : DatabaseCommand(session, text)
    , m_steps(std::move(steps))
{}

CommandSequence::~CommandSequence() = default;

Status CommandSequence::apply()
{
    for (size_t done = 0; done < m_steps.size(); ++done) {
        DatabaseCommand& step = *m_steps[done];
        step.m_firstRun = isFirstRun();
        const Status applied = step.apply();
        step.m_firstRun = false;
        if (applied)
            continue;
        // What the failed step's predecessors wrote goes too.
        Error error = applied.error();
        while (done-- > 0) {
            if (Status reverted = m_steps[done]->revert(); !reverted)
                error.message += QStringLiteral("\n") + reverted.error().message;
        }
        return error;
    }
    return {};
}

Status CommandSequence::revert()
{
    for (auto step = m_steps.rbegin(); step != m_steps.rend(); ++step) {
        if (Status reverted = (*step)->revert(); !reverted)
            return reverted;
    }
    return {};
}

} // namespace rapport::ui
