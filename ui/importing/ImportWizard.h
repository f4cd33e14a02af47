// SPDX-License-Identifier: GPL-3.0-or-later
// File > Import: a wizard that picks a CSV file and what it holds, shows the detected format with a
// column mapping to correct and a preview of the first rows, checks every row in a dry run, then writes
// them all in one transaction. The long steps run on a worker thread with their own connection, with
// progress and Cancel; afterwards the views and the scores reload.
#pragma once

#include "core/import/CsvImporter.h"
#include "ui/jobs/BackgroundTask.h"

#include <QWizard>
#include <optional>

namespace rapport::ui {

class DatabaseSession;
class ImportCheckPage;
class ImportFilePage;
class ImportMappingPage;
class ImportResultPage;

class ImportWizard : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportWizard)

public:
    enum PageId
    {
        FilePageId,
        MappingPageId,
        CheckPageId,
        ResultPageId
    };

    explicit ImportWizard(DatabaseSession& session, QWidget* parent = nullptr);
    ~ImportWizard() override;

    ImportFilePage* filePage() const { return m_filePage; }
    ImportMappingPage* mappingPage() const { return m_mappingPage; }
    ImportCheckPage* checkPage() const { return m_checkPage; }
    ImportResultPage* resultPage() const { return m_resultPage; }
    BackgroundTask& task() { return m_task; }
    DatabaseSession& session() { return m_session; }

    // Reads the header and first rows of `path` as `target`: the detected format, or a guessed mapping
    // when the header is not one Rapport knows, and the mapping saved for that header, if any.
    Status load(const QString& path, ImportTarget target, CsvEncoding encoding);
    const ImportPreview& preview() const { return m_preview; }
    // Why the detection failed when the columns are mapped by hand ("not a known contacts file…").
    const QString& detectionProblem() const { return m_detectionProblem; }
    bool mappingWasSaved() const { return m_mappingWasSaved; }
    const ColumnMapping& mapping() const { return m_mapping; }
    void setMapping(const ColumnMapping& mapping) { m_mapping = mapping; }
    ImportTarget target() const { return m_target; }
    const QString& path() const { return m_path; }

    // Starts a dry run or the import on the worker thread; outcome() holds its result once the task
    // has finished.
    void startImport(bool dryRun);
    const std::optional<Result<ImportReport>>& outcome() const { return m_outcome; }
    // After a written import: saves the mapping for the next file with this header, and reloads the
    // views and the scores.
    void importWritten();

    // Cancels a running check or import and waits for it before closing.
    void reject() override;

private:
    ImportOptions options() const;

    DatabaseSession& m_session;
    BackgroundTask m_task;
    ImportFilePage* m_filePage = nullptr;
    ImportMappingPage* m_mappingPage = nullptr;
    ImportCheckPage* m_checkPage = nullptr;
    ImportResultPage* m_resultPage = nullptr;

    QString m_path;
    ImportTarget m_target = ImportTarget::Contacts;
    CsvEncoding m_encoding = CsvEncoding::Utf8;
    ImportPreview m_preview;
    QString m_detectionProblem;
    bool m_mappingWasSaved = false;
    ColumnMapping m_mapping;
    // Written by the job on the worker thread, read once the task has finished.
    std::optional<Result<ImportReport>> m_outcome;
};

} // namespace rapport::ui
