// SPDX-License-Identifier: GPL-3.0-or-later
// The open database as the GUI sees it: the connection, the scoring engine, the in-memory score board,
// and the undo stack. Every edit goes through here so that views hear which contacts changed.
#pragma once

#include "core/scoring/ScoreBoard.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"
#include "ui/jobs/DatabaseJob.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUndoStack>
#include <memory>
#include <optional>

class QThread;

namespace rapport::ui {

class DatabaseSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DatabaseSession)

public:
    enum class ScoreLoading
    {
        InBackground, // the window paints its list at once; scores follow (large databases)
        Now
    };

    // Opens the scoring engine and starts loading the score board of an open database.
    static Result<std::unique_ptr<DatabaseSession>> open(std::unique_ptr<Database> database,
                                                         ScoreLoading loading = ScoreLoading::InBackground,
                                                         QObject* parent = nullptr);
    ~DatabaseSession() override;

    Database& database() { return *m_database; }
    ScoringEngine& engine() { return m_engine; }
    const ScoreBoard& board() const { return m_board; }
    // False while the score board is still loading in the background.
    bool scoresReady() const { return m_scoresReady; }
    // Blocks until the score board is loaded (tests, and actions that need every score).
    void waitForScores();
    QUndoStack* undoStack() { return &m_undoStack; }
    QString path() const { return m_database->path(); }
    // The team member this user is, used as "logged by" and as a note's author; 0 when not set. Kept
    // in QSettings per database path: a shared database file is opened by many people.
    qint64 currentMemberId() const { return m_currentMemberId; }
    // Also the author of the contact changes this session's connection writes.
    void setCurrentMemberId(qint64 id);
    // Who and why the changes written now are, for a worker's own connection to carry (the session's
    // connection's: the current member, and an undo while one runs).
    ChangeAttribution changeAttribution() const { return m_database->changeAttribution(); }

    // Starts `job` on its own connection to this database, its writes attributed as this connection's
    // are now; null (and nothing started) while another job of this session runs: edits happen one at a
    // time, in the order the undo stack records them. See DatabaseJob.
    DatabaseJob* startJob(const QString& label, DatabaseJob::Job job, DatabaseJob::Cancel cancel,
                          QWidget* parent, std::optional<ChangeSource> source = std::nullopt);
    bool isBusy() const { return !m_job.isNull(); }
    // Blocks until the running job, if any, is done (tests; closing the window).
    void waitForJob();

    // Re-reads a contact after it or its log changed and tells the views.
    void contactTouched(qint64 contactId);
    // After a change that may affect many contacts (tags' priors, settings, bulk edits).
    void everythingTouched();
    // Re-reads everything when another program — the command line, a script, a teammate's Rapport on
    // the same file — has committed since the last look; the commits of this process's own workers
    // (imports, bulk edits, the dashboard's cache) do not count, their callers refresh what they
    // changed. Cheap enough to call every second.
    void checkForOutsideChanges();

signals:
    void contactChanged(qint64 contactId);
    void contactsReset();
    void scoresLoaded();
    void errorOccurred(const QString& message);
    // An undo or redo of the step named `text` was written (not the edit itself, nor a failed one).
    void undone(const QString& text);
    void redone(const QString& text);
    // A job started or the last one finished.
    void busyChanged(bool busy);

private:
    DatabaseSession(std::unique_ptr<Database> database, ScoringEngine engine, QObject* parent);
    void startLoadingScores();
    void finishLoadingScores();
    void restoreCurrentMember();
    void attributeChangesToCurrentMember();
    // Remembers the file's change stamp as read now: what was committed up to here is on screen.
    void rememberChangeStamp();

    std::unique_ptr<Database> m_database;
    ScoringEngine m_engine;
    ScoreBoard m_board;
    bool m_scoresReady = false;
    std::unique_ptr<QThread> m_loader;
    std::shared_ptr<std::optional<Result<ScoreBoard>>> m_loaded;
    QSet<qint64> m_touchedWhileLoading;
    QUndoStack m_undoStack;
    QPointer<DatabaseJob> m_job;
    qint64 m_currentMemberId = 0;
    Database::ChangeStamp m_seen; // the file's change stamp when everything was last read
};

} // namespace rapport::ui
