// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/importing/ImportWizard.h"

#include "ui/importing/ImportCheckPage.h"
#include "ui/importing/ImportFilePage.h"
#include "ui/importing/ImportMappingPage.h"
#include "ui/importing/ImportMappingStore.h"
#include "ui/importing/ImportResultPage.h"
#include "ui/session/DatabaseSession.h"

namespace rapport::ui {

namespace {

constexpr int previewRows = 20;

} // namespace

ImportWizard::ImportWizard(DatabaseSession& session, QWidget* parent)
    : QWizard(parent)
    , m_session(session)
    , m_filePage(new ImportFilePage(*this))
    , m_mappingPage(new ImportMappingPage(*this))
    , m_checkPage(new ImportCheckPage(*this))
    , m_resultPage(new ImportResultPage(*this))
{
    setWindowTitle(tr("Import from CSV or vCard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    setPage(FilePageId, m_filePage);
    setPage(MappingPageId, m_mappingPage);
    setPage(CheckPageId, m_checkPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(FilePageId);
    resize(920, 680);
}

ImportWizard::~ImportWizard() = default;

Status ImportWizard::load(const QString& path, ImportTarget target, CsvEncoding encoding)
{
    ImportOptions options;
    options.target = target;
    options.csv.encoding = encoding;
    Result<ImportPreview> preview = CsvImporter(m_session.database(), path, options).preview(previewRows);
    QString detectionProblem;
    if (!preview) {
        // Not a layout Rapport knows: the first row is the header and the person maps its columns.
        detectionProblem = preview.error().message;
        options.format = QStringLiteral("manual");
        preview = CsvImporter(m_session.database(), path, options).preview(previewRows);
        if (!preview)
            return preview.error();
    }
    m_path = path;
    m_target = target;
    m_encoding = encoding;
    m_preview = std::move(*preview);
    m_detectionProblem = detectionProblem;
    if (m_preview.cards) {
        m_mappingWasSaved = false;
        m_mapping = ColumnMapping();
        return {};
    }
    const std::optional<ColumnMapping> saved = ImportMappingStore::load(target, m_preview.header);
    m_mappingWasSaved = saved.has_value();
    m_mapping = saved ? *saved : m_preview.mapping;
    return {};
}

ImportOptions ImportWizard::options() const
{
    ImportOptions options;
    options.target = m_target;
    options.format = m_preview.formatKey.isEmpty() ? QStringLiteral("manual") : m_preview.formatKey;
    if (!m_preview.cards)
        options.mapping = m_mapping;
    options.csv.encoding = m_encoding;
    return options;
}

void ImportWizard::startImport(bool dryRun)
{
    m_outcome.reset();
    m_task.start([this, databasePath = m_session.path(), attribution = m_session.changeAttribution(),
                  path = m_path, options = options(), dryRun](const ProgressCallback& progress) {
        // Its own connection: the GUI's stays idle, so the import's write transaction never waits on it.
        Result<std::unique_ptr<Database>> db = Database::open(databasePath);
        if (!db) {
            m_outcome = db.error();
            return;
        }
        (*db)->setChangeAttribution(attribution);
        m_outcome = CsvImporter(**db, path, options).run(dryRun, progress);
    });
}

void ImportWizard::importWritten()
{
    // A vCard file has no mapping to remember.
    if (!m_preview.cards) {
        if (m_mapping == m_preview.mapping)
            ImportMappingStore::forget(m_target, m_preview.header);
        else
            ImportMappingStore::save(m_target, m_preview.header, m_mapping);
    }
    // Commands on the undo stack hold contacts as they were before the import: undoing one now could
    // overwrite or delete what the import wrote.
    m_session.undoStack()->clear();
    m_session.everythingTouched();
}

void ImportWizard::reject()
{
    if (m_task.isRunning()) {
        m_task.cancel();
        m_task.wait();
    }
    QWizard::reject();
}

} // namespace rapport::ui
