// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's third page: a dry run of the whole import on a worker thread, with progress and
// Cancel, then what it would create, update, leave unchanged or skip, or every problem with its file,
// line and column. The Import button stays disabled until the file has no problem.
#pragma once

#include <QWizardPage>

class QLabel;
class QListView;
class QPushButton;
class QStringListModel;

namespace rapport::ui {

class TaskProgressRow;
class ImportWizard;

class ImportCheckPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportCheckPage)

public:
    explicit ImportCheckPage(ImportWizard& wizard);

    QLabel* statusLabel() const { return m_status; }
    QStringListModel* problemsModel() const { return m_problems; }
    QPushButton* cancelButton() const;
    QPushButton* againButton() const { return m_again; }
    bool isRunning() const;

    void initializePage() override;
    // Going back cancels a running check.
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void start();
    void finished();
    void setStatus(const QString& text, bool problem);

    ImportWizard& m_wizard;
    QLabel* m_status = nullptr;
    TaskProgressRow* m_progress = nullptr;
    QPushButton* m_again = nullptr;
    QStringListModel* m_problems = nullptr;
    QListView* m_problemsView = nullptr;
    QLabel* m_warning = nullptr;
    bool m_ready = false;
};

} // namespace rapport::ui
