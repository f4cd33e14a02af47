// SPDX-License-Identifier: GPL-3.0-or-later
// The archive import itself: one transaction on a worker thread, with progress and Cancel (which rolls it
// back), then what it wrote.
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;

namespace rapport::ui {

class TaskProgressRow;
class ArchiveImportWizard;

class ArchiveResultPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveResultPage)

public:
    explicit ArchiveResultPage(ArchiveImportWizard& wizard);

    QLabel* statusLabel() const { return m_status; }
    QPushButton* cancelButton() const;
    bool isRunning() const;
    bool written() const { return m_written; }

    void initializePage() override;
    bool isComplete() const override;

private:
    void finished();

    ArchiveImportWizard& m_wizard;
    QLabel* m_status = nullptr;
    TaskProgressRow* m_progress = nullptr;
    bool m_written = false;
};

} // namespace rapport::ui
