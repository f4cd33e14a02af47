// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/BackgroundCommand.h"

#include "core/scoring/ScoringEngine.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>
#include <QPointer>
#include <QUndoStack>
#include <QWidget>
#include <memory>

namespace rapport::ui {

namespace {

DatabaseJob::Job jobOf(BackgroundCommand::Work work)
{
    return [work = std::move(work)](Database& db, const ProgressCallback& progress) -> Status {
        Result<ScoringEngine> engine = ScoringEngine::open(db);
        if (!engine)
            return engine.error();
        return work(db, *engine, progress);
    };
}

QString stillRunning()
{
    return QCoreApplication::translate("rapport::ui::BackgroundCommand",
                                       "Another edit is still running; try again when it is done.");
}

} // namespace

bool BackgroundCommand::start(DatabaseSession& session, std::unique_ptr<BackgroundCommand> command,
                              QWidget* parent, std::function<void(const BackgroundCommand&)> pushed)
{
    DatabaseJob* job =
        session.startJob(command->text(), jobOf(command->applyWork()), DatabaseJob::Cancel::Allowed, parent);
    if (!job) {
        emit session.errorOccurred(stillRunning());
        return false;
    }
    // Owned here until it is pushed: the slot object keeps it while the job runs.
    auto owned = std::make_shared<std::unique_ptr<BackgroundCommand>>(std::move(command));
    QObject::connect(job, &DatabaseJob::finished, &session,
                     [&session, owned, guard = QPointer<QWidget>(parent), hadParent = parent != nullptr,
                      pushed = std::move(pushed)](const Status& outcome) {
                         (*owned)->m_outcome = outcome;
                         const Result<const BackgroundCommand*> done = push(session, std::move(*owned));
                         if (done && pushed && (guard || !hadParent))
                             pushed(**done);
                     });
    return true;
}

BackgroundCommand::Stepping BackgroundCommand::stepInBackground(QUndoStack& stack, Step step, QWidget* parent)
{
    const int index = step == Step::Undo ? stack.index() - 1 : stack.index();
    if (index < 0 || index >= stack.count())
        return Stepping::NotInBackground;
    auto* command = dynamic_cast<BackgroundCommand*>(const_cast<QUndoCommand*>(stack.command(index)));
    if (!command || historyIsBroken(stack))
        return Stepping::NotInBackground;
    DatabaseSession& session = command->session();
    const QString label = step == Step::Undo
                              ? QCoreApplication::translate("rapport::ui::BackgroundCommand", "Undoing: %1")
                                    .arg(command->text())
                              : QCoreApplication::translate("rapport::ui::BackgroundCommand", "Redoing: %1")
                                    .arg(command->text());
    DatabaseJob* job =
        session.startJob(label, jobOf(step == Step::Undo ? command->revertWork() : command->applyWork()),
                         DatabaseJob::Cancel::NotAllowed, parent,
                         step == Step::Undo ? ChangeSource::Undo : ChangeSource::Redo);
    if (!job) {
        emit session.errorOccurred(stillRunning());
        return Stepping::Refused;
    }
    QObject::connect(job, &DatabaseJob::finished, &stack,
                     [&stack, &session, index, step, command](const Status& outcome) {
                         // Nothing else steps the stack while the session is busy; if it changed all the
                         // same, the views at least show what the database now holds.
                         const int expected = step == Step::Undo ? stack.index() - 1 : stack.index();
                         if (expected != index || stack.command(index) != command) {
                             session.everythingTouched();
                             return;
                         }
                         command->m_outcome = outcome;
                         if (step == Step::Undo)
                             stack.undo();
                         else
                             stack.redo();
                     });
    return Stepping::Started;
}

Status BackgroundCommand::apply()
{
    return finishStep(applyWork());
}

Status BackgroundCommand::revert()
{
    const Status reverted = finishStep(revertWork());
    if (!reverted && reverted.error().kind != ErrorKind::Cancelled && failedRevertBreaksHistory())
        return historyBroken(reverted.error());
    return reverted;
}

Status BackgroundCommand::finishStep(const Work& work)
{
    Status outcome;
    if (m_outcome) {
        outcome = *m_outcome;
        m_outcome.reset();
    } else {
        outcome = work(session().database(), session().engine(), [](qint64, qint64) { return true; });
    }
    // The job wrote on its own connection, and either way many contacts may have changed.
    if (outcome)
        session().everythingTouched();
    return outcome;
}

} // namespace rapport::ui
