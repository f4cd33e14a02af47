// SPDX-License-Identifier: GPL-3.0-or-later
// The archive import's dry run: the whole archive read on a worker thread, with progress and Cancel, then
// what the import would write — conversations by direction, messages skipped by reason, contacts created
// and matched — and the people found, each of whom can be unticked to leave them out.
#pragma once

#include <QWizardPage>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rapport::ui {

class TaskProgressRow;
class ArchiveImportWizard;

class ArchiveCheckPage : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveCheckPage)

public:
    explicit ArchiveCheckPage(ArchiveImportWizard& wizard);

    QLabel* statusLabel() const { return m_status; }
    QLabel* skippedLabel() const { return m_skipped; }
    QLabel* choiceLabel() const { return m_choice; }
    QTableView* peopleView() const { return m_peopleView; }
    QPushButton* cancelButton() const;
    bool isRunning() const;

    void initializePage() override;
    // Going back cancels a running dry run.
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void start();
    void finished();
    void showChoice();
    void setStatus(const QString& text, bool problem);

    ArchiveImportWizard& m_wizard;
    QLabel* m_status = nullptr;
    TaskProgressRow* m_progress = nullptr;
    QPushButton* m_again = nullptr;
    QLabel* m_skipped = nullptr;
    QSortFilterProxyModel* m_sorted = nullptr;
    QTableView* m_peopleView = nullptr;
    QLabel* m_choice = nullptr;
    bool m_ready = false;
};

} // namespace rapport::ui
