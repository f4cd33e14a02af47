// SPDX-License-Identifier: GPL-3.0-or-later
// Possible duplicates: the pairs the finder proposes, most likely first; each merged (after the merge
// dialog) or marked "not the same person", both undoable, and the tags spelled twice.
#pragma once

#include "core/services/DuplicateFinder.h"

#include <QDialog>
#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace rapport::ui {

class DatabaseSession;
class DuplicatePairModel;

class DuplicatesDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesDialog)

public:
    // Runs the finder on a worker, behind a progress dialog; nullopt when it failed (already reported).
    static std::optional<DuplicateReport> find(DatabaseSession& session, QWidget* parent);

    DuplicatesDialog(DatabaseSession& session, DuplicateReport report, QWidget* parent = nullptr);
    ~DuplicatesDialog() override;

    // The pair on the current row: opens the merge dialog, then merges; false when cancelled or failed.
    bool mergeCurrent();
    bool markCurrentDistinct();

signals:
    // After a merge, for the contact list to select the merged record.
    void merged(qint64 keptId);

private:
    int currentRow() const;
    void updateState();

    DatabaseSession& m_session;
    DuplicatePairModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_merge = nullptr;
    QPushButton* m_distinct = nullptr;
};

} // namespace rapport::ui
