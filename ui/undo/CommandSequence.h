// SPDX-License-Identifier: GPL-3.0-or-later
// Several edits as one undo step, e.g. logging a conversation and adding its follow-up: applied in order,
// undone in reverse. When one fails on the way, those before it are reverted, so the step is all or
// nothing as far as the database lets it be.
#pragma once

#include "ui/undo/DatabaseCommand.h"

#include <vector>

namespace rapport::ui {

class CommandSequence : public DatabaseCommand
{
public:
    CommandSequence(DatabaseSession& session, const QString& text,
                    std::vector<std::unique_ptr<DatabaseCommand>> steps);
    ~CommandSequence() override;
    const DatabaseCommand* step(size_t index) const { return m_steps.at(index).get(); }

protected:
    Status apply() override;
    Status revert() override;

private:
    std::vector<std::unique_ptr<DatabaseCommand>> m_steps;
};

} // namespace rapport::ui
