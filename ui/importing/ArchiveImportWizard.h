// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import Conversations from an Archive: pick a mail archive, a Slack, Mastodon, Discord or
// Discourse export (file, folder or zip) and who "me" is; a dry run on a worker thread with progress and
// Cancel shows the counts by direction and skip reason and the people found, any of whom can be unticked;
// then the import writes everything in one transaction, with progress and Cancel, and the views reload.
#pragma once

#include "core/conversations/ConversationImport.h"
#include "ui/jobs/BackgroundTask.h"

#include <QWizard>
#include <optional>

namespace rapport::ui {

class ArchiveCheckPage;
class ArchivePeopleModel;
class ArchiveResultPage;
class ArchiveSourcePage;
class DatabaseSession;

class ArchiveImportWizard : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveImportWizard)

public:
    enum PageId
    {
        SourcePageId,
        CheckPageId,
        ResultPageId
    };

    explicit ArchiveImportWizard(DatabaseSession& session, QWidget* parent = nullptr);
    ~ArchiveImportWizard() override;

    ArchiveSourcePage* sourcePage() const { return m_sourcePage; }
    ArchiveCheckPage* checkPage() const { return m_checkPage; }
    ArchiveResultPage* resultPage() const { return m_resultPage; }
    ArchivePeopleModel* people() const { return m_people; }
    BackgroundTask& task() { return m_task; }
    DatabaseSession& session() { return m_session; }

    // The archive and the options the source page settled on.
    void setSource(const QString& path, const ConversationImportOptions& options);
    const QString& path() const { return m_path; }

    // Starts the dry run (everyone found) or the import (without the people unticked since) on the worker
    // thread; outcome() holds its result once the task has finished.
    void startRun(bool dryRun);
    const std::optional<Result<ConversationReport>>& outcome() const { return m_outcome; }
    // After a written import: reloads the views and the scores.
    void importWritten();

    // Cancels a running dry run or import and waits for it before closing.
    void reject() override;

private:
    DatabaseSession& m_session;
    BackgroundTask m_task;
    ArchivePeopleModel* m_people = nullptr;
    ArchiveSourcePage* m_sourcePage = nullptr;
    ArchiveCheckPage* m_checkPage = nullptr;
    ArchiveResultPage* m_resultPage = nullptr;
    QString m_path;
    ConversationImportOptions m_options;
    // Written by the job on the worker thread, read once the task has finished.
    std::optional<Result<ConversationReport>> m_outcome;
};

} // namespace rapport::ui
