// SPDX-License-Identifier: GPL-3.0-or-later
// Possible duplicates: the pairs the finder proposes, most likely first; each merged (after the merge
// dialog) or marked "not the same person", and the tags spelled twice, each group merged into the
// spelling most contacts carry or another one chosen; all undoable.
#pragma once

#include "core/services/DuplicateFinder.h"

#include <QDialog>
#include <QList>
#include <functional>
#include <optional>
#include <vector>

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
    // Starts the finder as a job of the session (DatabaseJob) and hands its report to `found`, unless
    // `parent` is gone by then; a failure is reported instead. False when another job is still running.
    static bool find(DatabaseSession& session, QWidget* parent,
                     std::function<void(DuplicateReport report)> found);

    DuplicatesDialog(DatabaseSession& session, DuplicateReport report, QWidget* parent = nullptr);
    ~DuplicatesDialog() override;

    // The pair on the current row: opens the merge dialog, then merges; false when cancelled or failed.
    bool mergeCurrent();
    bool markCurrentDistinct();
    // Merges the tags of group `group` (in the report's order) into the spelling `keep`, undoably;
    // false when it failed (already reported).
    bool mergeTagGroup(int group, const QString& keep);

signals:
    // After a merge, for the contact list to select the merged record.
    void merged(qint64 keptId);

private:
    int currentRow() const;
    void updateState();
    QWidget* tagGroupRow(int group);

    DatabaseSession& m_session;
    DuplicatePairModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_merge = nullptr;
    QPushButton* m_distinct = nullptr;
    std::vector<DuplicateTags> m_tagGroups;
    QList<QWidget*> m_tagRows; // one per group, hidden once merged
};

} // namespace rapport::ui
