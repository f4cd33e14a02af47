// SPDX-License-Identifier: GPL-3.0-or-later
// The contact list a community manager lives in: search and filters on top, the sortable list, and
// the selected contact's page beside it.
#pragma once

#include "core/model/Contact.h"

#include <QList>
#include <QWidget>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace rapport::ui {

class ContactDetailPanel;
class ContactFilterModel;
class ContactTableModel;
class BackgroundCommand;
class DatabaseSession;

class ContactsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactsPage)

public:
    explicit ContactsPage(DatabaseSession& session, QWidget* parent = nullptr);
    ~ContactsPage() override;

    void focusSearch();
    void selectContact(qint64 contactId);
    qint64 currentContactId() const;
    int visibleContactCount() const;

    ContactTableModel* tableModel() const { return m_model; }
    ContactFilterModel* filterModel() const { return m_filter; }
    ContactDetailPanel* detailPanel() const { return m_detail; }
    QLineEdit* searchField() const { return m_search; }
    QTableView* tableView() const { return m_table; }
    // The team member and the tag the list is filtered by (names), empty when it is not: what File >
    // Export starts from.
    QString ownerFilterName() const;
    QString tagFilterName() const;

    // Applies the search text now instead of after the typing pause.
    void applySearch();

    // The contacts selected in the list (several with Shift or Ctrl), in list order.
    QList<qint64> selectedContactIds() const;
    QCheckBox* showArchivedBox() const { return m_showArchived; }
    // The bulk edits of the selection, for menus besides the list's own context menu.
    QList<QAction*> bulkActions() const;
    // Bulk edits of the selection, each one undoable step written off the UI thread (BackgroundCommand):
    // true when it started, false when nothing was selected or another edit is still running. The same
    // contacts stay selected once it is done.
    bool addTagToSelection(const QString& tag);
    bool assignOwnerToSelection(std::optional<qint64> ownerId);
    bool archiveSelection(bool archived);
    // Asks for confirmation naming the count first.
    bool deleteSelection();
    // Opens the merge dialog for the selected contacts (two or more), then merges them.
    bool mergeSelection();
    // Starts merging `otherIds` into `keepId` in one undoable step; selects the merged contact when done.
    bool mergeContacts(qint64 keepId, const QList<qint64>& otherIds, const std::optional<Contact>& fields,
                       const QString& keptName);
    // Possible duplicates: runs the finder, then lists its pairs to merge or mark.
    void findDuplicates();

signals:
    void logConversationRequested(qint64 contactId);
    void trustNoteRequested(qint64 contactId);
    void followUpRequested(qint64 contactId, const QString& text);
    void editContactRequested(qint64 contactId);
    void deleteConversationRequested(qint64 interactionId);

private:
    void createBulkActions();
    void askForTag();
    void askForOwner();
    // Pushes a bulk edit and keeps its contacts selected; false when it failed or was cancelled.
    bool pushBulkEdit(std::unique_ptr<BackgroundCommand> command, const QList<qint64>& ids);
    void selectContacts(const QList<qint64>& ids);
    void fillFilterChoices();
    void applyFilters();
    void updateCount();

    DatabaseSession& m_session;
    ContactTableModel* m_model = nullptr;
    ContactFilterModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_band = nullptr;
    QComboBox* m_owner = nullptr;
    QComboBox* m_tag = nullptr;
    QCheckBox* m_showArchived = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    ContactDetailPanel* m_detail = nullptr;
    QTimer* m_searchDelay = nullptr;
};

} // namespace rapport::ui
