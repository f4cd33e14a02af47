// SPDX-License-Identifier: GPL-3.0-or-later
// An undoable edit of many contacts whose writes run off the UI thread: the first run, the undo and the
// redo each run as a DatabaseJob on a connection of their own, with progress, and the undo stack's own
// step then only records what the job did. No event loop ever spins inside the stack. Only the first run
// may be cancelled (the command then never reaches the stack): an undo or redo must finish what it starts,
// or the stack would no longer say what the database holds.
#pragma once

#include "core/base/Progress.h"
#include "ui/undo/DatabaseCommand.h"

#include <functional>
#include <optional>

class QUndoStack;
class QWidget;

namespace rapport {
class Database;
class ScoringEngine;
} // namespace rapport

namespace rapport::ui {

class BackgroundCommand : public DatabaseCommand
{
public:
    // Runs on the job's connection and scoring engine.
    using Work = std::function<Status(Database& db, ScoringEngine& engine, const ProgressCallback& progress)>;

    // Starts the first run. Once it has succeeded, the command goes on the session's stack and `pushed`
    // runs with it, unless `parent` (the progress dialog's window) is gone by then. A failure is reported
    // as push() reports it. False when nothing started: another edit of the session is still running.
    static bool start(DatabaseSession& session, std::unique_ptr<BackgroundCommand> command, QWidget* parent,
                      std::function<void(const BackgroundCommand&)> pushed = {});

    enum class Step
    {
        Undo,
        Redo
    };
    enum class Stepping
    {
        NotInBackground, // the step is not a background command's: the caller takes it itself
        Started,         // the stack takes the step when the job is done
        Refused          // another edit is still running; reported
    };
    // The undo or redo `stack` would take next, when it is a BackgroundCommand's: its work runs as a job
    // and the stack takes the step afterwards.
    static Stepping stepInBackground(QUndoStack& stack, Step step, QWidget* parent);

protected:
    using DatabaseCommand::DatabaseCommand;

    virtual Work applyWork() = 0;
    virtual Work revertWork() = 0;
    // For a command whose undo, when it fails, leaves the rest of the stack acting on the wrong records.
    virtual bool failedRevertBreaksHistory() const { return false; }

private:
    // The outcome of the job that did this step already; without one (a stack stepped directly, a
    // CommandSequence) the work runs here, on the session's connection.
    Status apply() final;
    Status revert() final;
    Status finishStep(const Work& work);

    std::optional<Status> m_outcome;
};

} // namespace rapport::ui
