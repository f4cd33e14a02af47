// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export: choose a report (contacts, interactions, notes, health, at-risk), its period, owner and
// tag, and a file; the report is written on a worker thread with progress and Cancel, and the file
// appears only once it is complete.
#pragma once

#include "core/base/Result.h"
#include "core/reports/Report.h"
#include "ui/jobs/BackgroundTask.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace rapport::ui {

class DatabaseSession;

class ExportDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // `owner` and `tag` (names, empty for any) preselect the contact list's current filter.
    ExportDialog(DatabaseSession& session, const QString& owner, const QString& tag,
                 QWidget* parent = nullptr);
    ~ExportDialog() override;

    // The filter the form describes.
    ReportFilter filter() const;
    ReportKind kind() const;
    // The file the report goes to, with ".csv" added when it has no suffix; empty when none is chosen.
    QString outputPath() const;
    // What the last export did, for the status bar: "Exported 6000 rows to …".
    QString resultMessage() const { return m_resultMessage; }
    BackgroundTask& task() { return m_task; }

    // Starts the export (the Export button).
    void startExport();
    // Cancels a running export and waits for it before closing.
    void reject() override;

private:
    void chooseFile();
    void exportFinished();
    void setBusy(bool busy);
    void showProblem(const QString& message);

    QString m_databasePath;
    QWidget* m_form = nullptr;
    QComboBox* m_report = nullptr;
    QCheckBox* m_sinceEnabled = nullptr;
    QDateEdit* m_since = nullptr;
    QCheckBox* m_untilEnabled = nullptr;
    QDateEdit* m_until = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_tag = nullptr;
    QCheckBox* m_bom = nullptr;
    QLineEdit* m_path = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_exportButton = nullptr;
    BackgroundTask m_task;
    // Written by the job on the worker thread, read once the task has finished.
    std::optional<Result<qint64>> m_outcome;
    QString m_exportedPath;
    QString m_resultMessage;
};

} // namespace rapport::ui
