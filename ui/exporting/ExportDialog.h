// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export: choose a CSV report (contacts, interactions, notes, health, at-risk) or the contacts as
// vCard (4.0, or 3.0), its period, owner and tag, and a file; the file is written on a worker thread with
// progress and Cancel, and appears only once it is complete.
#pragma once

#include "core/base/Result.h"
#include "core/reports/Report.h"
#include "core/vcard/VCardWriter.h"
#include "ui/jobs/BackgroundTask.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDate;
class QDateEdit;
class QDialogButtonBox;
class QFormLayout;
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

    // Starts the period at `from` and ends it with `until` (both days included).
    void setPeriod(const QDate& from, const QDate& until);
    // The filter the form describes.
    ReportFilter filter() const;
    // The CSV report chosen, or nullopt for the contacts as vCard.
    std::optional<ReportKind> kind() const;
    VCardVersion vcardVersion() const;
    // The file the export goes to, with ".csv" (".vcf" for vCard) added when it has no suffix; empty when
    // none is chosen.
    QString outputPath() const;
    // What the last export did, for the status bar: "Exported 6000 rows to …", "Exported 300 cards to …".
    QString resultMessage() const { return m_resultMessage; }
    BackgroundTask& task() { return m_task; }

    // Starts the export (the Export button).
    void startExport();
    // Cancels a running export and waits for it before closing.
    void reject() override;

private:
    void chooseFile();
    // Shows what the chosen export has: a CSV report its byte-order mark, vCard its version.
    void showChoice();
    void exportFinished();
    void setBusy(bool busy);
    void showProblem(const QString& message);

    QString m_databasePath;
    QWidget* m_form = nullptr;
    QFormLayout* m_formLayout = nullptr;
    QComboBox* m_report = nullptr;
    QCheckBox* m_sinceEnabled = nullptr;
    QDateEdit* m_since = nullptr;
    QCheckBox* m_untilEnabled = nullptr;
    QDateEdit* m_until = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_tag = nullptr;
    QCheckBox* m_bom = nullptr;
    QComboBox* m_vcardVersion = nullptr;
    QLabel* m_hint = nullptr;
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
