// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ArchiveImportWizard.h"

#include "ui/importing/ArchiveCheckPage.h"
#include "ui/importing/ArchivePeopleModel.h"
#include "ui/importing/ArchiveResultPage.h"
#include "ui/importing/ArchiveSourcePage.h"
#include "ui/session/DatabaseSession.h"

namespace rapport::ui {

ArchiveImportWizard::ArchiveImportWizard(DatabaseSession& session, QWidget* parent)
    : QWizard(parent)
    , m_session(session)
    , m_people(new ArchivePeopleModel(this))
    , m_sourcePage(new ArchiveSourcePage(*this))
    , m_checkPage(new ArchiveCheckPage(*this))
    , m_resultPage(new ArchiveResultPage(*this))
{
    setWindowTitle(tr("Import Conversations from an Archive"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(SourcePageId, m_sourcePage);
    setPage(CheckPageId, m_checkPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(SourcePageId);
    resize(920, 680);
}

ArchiveImportWizard::~ArchiveImportWizard() = default;

void ArchiveImportWizard::setSource(const QString& path, const ConversationImportOptions& options)
{
    m_path = path;
    m_options = options;
}

void ArchiveImportWizard::startRun(bool dryRun)
{
    m_outcome.reset();
    ConversationImportOptions options = m_options;
    if (!dryRun)
        options.leftOut = m_people->leftOut();
    m_task.start([this, databasePath = m_session.path(), attribution = m_session.changeAttribution(),
                  path = m_path, options, dryRun](const ProgressCallback& progress) {
        // Its own connection: the GUI's stays idle, so the import's write transaction never waits on it.
        Result<std::unique_ptr<Database>> db = Database::open(databasePath);
        if (!db) {
            m_outcome = db.error();
            return;
        }
        (*db)->setChangeAttribution(attribution);
        m_outcome = ConversationImporter(**db, path, options).run(dryRun, progress);
    });
}

void ArchiveImportWizard::importWritten()
{
    // Commands on the undo stack hold contacts as they were before the import: undoing one now could
    // overwrite or delete what the import wrote.
    m_session.undoStack()->clear();
    m_session.everythingTouched();
}

void ArchiveImportWizard::reject()
{
    if (m_task.isRunning()) {
        m_task.cancel();
        m_task.wait();
    }
    QWizard::reject();
}

} // namespace rapport::ui
