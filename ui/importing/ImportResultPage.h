// SPDX-License-Identifier: GPL-3.0-or-later
// The import wizard's last page: the import itself, written in one transaction on a worker thread with
// progress and Cancel, then what it did. A written import reloads the views and the scores.
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace rapport::ui {

class TaskProgressRow;
class ImportWizard;

class ImportResultPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportResultPage)

public:
    explicit ImportResultPage(ImportWizard& wizard);

    QLabel* statusLabel() const { return m_status; }
    QPushButton* cancelButton() const;
    bool isRunning() const;
    bool written() const { return m_written; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void finished();

    ImportWizard& m_wizard;
    QLabel* m_status = nullptr;
    TaskProgressRow* m_progress = nullptr;
    bool m_written = false;
};

} // namespace rapport::ui
