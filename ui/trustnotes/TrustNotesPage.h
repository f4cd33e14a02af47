// SPDX-License-Identifier: GPL-3.0-or-later
// Trust notes across all contacts, newest first, filtered by kind: where promises were kept or
// broken this week, and who raised a concern.
#pragma once

#include <QWidget>

class QComboBox;
class QTableView;

namespace rapport::ui {

class DatabaseSession;
class RecentNotesModel;

class TrustNotesPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrustNotesPage)

public:
    explicit TrustNotesPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~TrustNotesPage() override;

    RecentNotesModel* model() const { return m_model; }
    QComboBox* kindFilter() const { return m_kind; }
    // The contact of the selected note, or 0.
    qint64 currentContactId() const;

signals:
    void contactRequested(qint64 contactId);

private:
    RecentNotesModel* m_model = nullptr;
    QComboBox* m_kind = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace rapport::ui
