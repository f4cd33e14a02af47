// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/contacts/ContactsPage.h"

#include "core/storage/SearchIndex.h"
#include "ui/contacts/ContactDetailPanel.h"
#include "ui/contacts/ContactFilterModel.h"
#include "ui/contacts/ContactTableModel.h"
#include "ui/contacts/DuplicatesDialog.h"
#include "ui/contacts/MergeContactsDialog.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/BulkContactCommands.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/FilterChoices.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

namespace rapport::ui {

namespace {

// Search runs when typing pauses, so a fast typist does not wait for each letter.
constexpr int searchPauseMs = 150;
// The most contacts a search shows; enough for any person to scan.
constexpr int searchLimit = 5000;

} // namespace

ContactsPage::ContactsPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ContactTableModel(session, this))
    , m_filter(new ContactFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_band(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_showArchived(new QCheckBox(tr("Show archi&ved"), this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_detail(new ContactDetailPanel(session, this))
    , m_searchDelay(new QTimer(this))
{
    m_filter->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Search names, emails, handles, conversations and notes (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(
        m_search->fontMetrics().horizontalAdvance(QStringLiteral("Search names, emails")));
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(searchPauseMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &ContactsPage::applySearch);

    m_band->addItem(tr("All bands"), anyChoice);
    for (int band = 0; band < bandCount; ++band)
        m_band->addItem(bandIcon(static_cast<Band>(band)), bandName(static_cast<Band>(band)), band);
    fillFilterChoices();
    for (QComboBox* box : {m_band, m_owner, m_tag})
        connect(box, &QComboBox::currentIndexChanged, this, &ContactsPage::applyFilters);
    connect(m_showArchived, &QCheckBox::toggled, this, [this](bool show) {
        m_filter->setShowArchived(show);
        updateCount();
    });

    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ContactTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setItemDelegateForColumn(ContactTableModel::BandColumn, new BandChipDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const std::array<int, ContactTableModel::ColumnCount> widths{170, 140, 105, 130, 55, 100, 95, 95, 60};
    for (int column = 0; column < ContactTableModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, widths[static_cast<size_t>(column)]);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_detail->showContact(current.data(ContactTableModel::ContactIdRole).toLongLong());
            });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        emit logConversationRequested(index.data(ContactTableModel::ContactIdRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ContactsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ContactsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ContactsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ContactsPage::updateCount);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ContactsPage::updateCount);
    connect(&m_session, &DatabaseSession::contactsReset, this, &ContactsPage::fillFilterChoices);
    // The detail pane's score and explanation come from the scores, which load after the page opens.
    connect(&m_session, &DatabaseSession::scoresLoaded, this,
            [this] { m_detail->showContact(currentContactId()); });

    connect(m_detail, &ContactDetailPanel::logConversationRequested, this,
            &ContactsPage::logConversationRequested);
    connect(m_detail, &ContactDetailPanel::trustNoteRequested, this, &ContactsPage::trustNoteRequested);
    connect(m_detail, &ContactDetailPanel::followUpRequested, this, &ContactsPage::followUpRequested);
    connect(m_detail, &ContactDetailPanel::contactLinkActivated, this, &ContactsPage::selectContact);
    connect(m_detail, &ContactDetailPanel::editContactRequested, this, &ContactsPage::editContactRequested);
    connect(m_detail, &ContactDetailPanel::deleteEntryRequested, this,
            &ContactsPage::deleteConversationRequested);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_band);
    filters->addWidget(m_owner);
    filters->addWidget(m_tag);
    filters->addWidget(m_showArchived);
    filters->addWidget(m_count);
    auto* listSide = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_table);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({720, 480});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(splitter);
    createBulkActions();
    updateCount();
}

ContactsPage::~ContactsPage() = default;

void ContactsPage::createBulkActions()
{
    const auto add = [this](const QString& text, const QKeySequence& shortcut, auto slot) {
        auto* action = new QAction(text, m_table);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_table->addAction(action);
    };
    add(tr("Add &tag to selected…"), QKeySequence(tr("Ctrl+Shift+T")), [this] { askForTag(); });
    add(tr("Assign &owner to selected…"), QKeySequence(tr("Ctrl+Shift+O")), [this] { askForOwner(); });
    add(tr("&Archive selected"), QKeySequence(tr("Ctrl+Shift+A")), [this] { archiveSelection(true); });
    add(tr("&Unarchive selected"), QKeySequence(), [this] { archiveSelection(false); });
    add(tr("&Delete selected…"), QKeySequence::Delete, [this] { deleteSelection(); });
    add(tr("&Merge selected…"), QKeySequence(tr("Ctrl+Shift+M")), [this] { mergeSelection(); });
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
}

QList<QAction*> ContactsPage::bulkActions() const
{
    return m_table->actions();
}

QList<qint64> ContactsPage::selectedContactIds() const
{
    QList<qint64> ids;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        ids << row.data(ContactTableModel::ContactIdRole).toLongLong();
    return ids;
}

void ContactsPage::askForTag()
{
    if (selectedContactIds().isEmpty())
        return;
    QStringList names;
    for (int row = 1; row < m_tag->count(); ++row)
        names << m_tag->itemText(row);
    bool ok = false;
    const QString tag = QInputDialog::getItem(
        this, tr("Add tag"), tr("Tag to add to the selected contacts (%1):").arg(selectedContactIds().size()),
        names, -1, true, &ok);
    if (ok && !tag.trimmed().isEmpty())
        addTagToSelection(tag);
}

void ContactsPage::askForOwner()
{
    if (selectedContactIds().isEmpty())
        return;
    // The owner filter's choices after "All owners": "Nobody", then each member.
    QStringList names;
    for (int row = 1; row < m_owner->count(); ++row)
        names << m_owner->itemText(row);
    bool ok = false;
    const QString name = QInputDialog::getItem(
        this, tr("Assign owner"), tr("Owner of the selected contacts (%1):").arg(selectedContactIds().size()),
        names, 0, false, &ok);
    if (!ok)
        return;
    const qint64 ownerId = m_owner->itemData(m_owner->findText(name)).toLongLong();
    assignOwnerToSelection(ownerId > 0 ? std::optional<qint64>(ownerId) : std::nullopt);
}

bool ContactsPage::addTagToSelection(const QString& tag)
{
    const QList<qint64> ids = selectedContactIds();
    if (ids.isEmpty() || tag.trimmed().isEmpty())
        return false;
    return pushBulkEdit(std::make_unique<BulkTagCommand>(m_session, ids, tag), ids);
}

bool ContactsPage::assignOwnerToSelection(std::optional<qint64> ownerId)
{
    const QList<qint64> ids = selectedContactIds();
    if (ids.isEmpty())
        return false;
    return pushBulkEdit(std::make_unique<BulkOwnerCommand>(m_session, ids, ownerId), ids);
}

bool ContactsPage::archiveSelection(bool archived)
{
    const QList<qint64> ids = selectedContactIds();
    if (ids.isEmpty())
        return false;
    return pushBulkEdit(std::make_unique<BulkArchiveCommand>(m_session, ids, archived), ids);
}

bool ContactsPage::pushBulkEdit(std::unique_ptr<BackgroundCommand> command, const QList<qint64>& ids)
{
    return BackgroundCommand::start(m_session, std::move(command), this,
                                    [this, ids](const BackgroundCommand&) { selectContacts(ids); });
}

void ContactsPage::selectContacts(const QList<qint64>& ids)
{
    // The list reloaded after the edit; the same people stay selected for the next one.
    std::vector<int> rows;
    rows.reserve(static_cast<size_t>(ids.size()));
    for (const qint64 id : ids) {
        const QModelIndex shown = m_filter->mapFromSource(m_model->indexOfContact(id));
        if (shown.isValid())
            rows.push_back(shown.row());
    }
    std::sort(rows.begin(), rows.end());
    QItemSelection selection;
    const int lastColumn = ContactTableModel::ColumnCount - 1;
    for (size_t first = 0; first < rows.size();) {
        size_t last = first;
        while (last + 1 < rows.size() && rows[last + 1] == rows[last] + 1)
            ++last;
        selection.select(m_filter->index(rows[first], 0), m_filter->index(rows[last], lastColumn));
        first = last + 1;
    }
    if (rows.empty())
        return;
    m_table->selectionModel()->setCurrentIndex(m_filter->index(rows.front(), 0),
                                               QItemSelectionModel::NoUpdate);
    m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

bool ContactsPage::deleteSelection()
{
    const QList<qint64> ids = selectedContactIds();
    if (ids.isEmpty())
        return false;
    const QString question =
        ids.size() == 1
            ? tr("Delete %1 with their conversations and notes?")
                  .arg(m_table->selectionModel()->selectedRows().front().data().toString())
            : tr("Delete %1 contacts with their conversations and notes?").arg(static_cast<int>(ids.size()));
    if (QMessageBox::question(
            this, tr("Delete contacts"),
            question + QLatin1Char(' ') +
                tr("Undo (%1) brings them back.")
                    .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    return BackgroundCommand::start(m_session, std::make_unique<BulkDeleteCommand>(m_session, ids), this);
}

bool ContactsPage::mergeSelection()
{
    const QList<qint64> ids = selectedContactIds();
    if (ids.size() < 2) {
        QMessageBox::information(
            this, tr("Merge contacts"),
            tr("Select the records to merge first: two or more, with Ctrl+click or "
               "Shift+click. Find possible duplicates (%1) proposes pairs.")
                .arg(QKeySequence(tr("Ctrl+Shift+D")).toString(QKeySequence::NativeText)));
        return false;
    }
    Result<QList<MergeCandidate>> candidates = MergeContactsDialog::load(m_session.database(), ids);
    if (!candidates) {
        emit m_session.errorOccurred(
            tr("Could not read the contacts to merge: %1").arg(candidates.error().message));
        return false;
    }
    MergeContactsDialog dialog(std::move(*candidates), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return mergeContacts(dialog.keptId(), dialog.otherIds(), dialog.chosenFields(), dialog.keptName());
}

bool ContactsPage::mergeContacts(qint64 keepId, const QList<qint64>& otherIds,
                                 const std::optional<Contact>& fields, const QString& keptName)
{
    return pushBulkEdit(std::make_unique<MergeContactsCommand>(m_session, keepId, otherIds, fields, keptName),
                        {keepId});
}

void ContactsPage::findDuplicates()
{
    DuplicatesDialog::find(m_session, this, [this](DuplicateReport report) {
        auto* dialog = new DuplicatesDialog(m_session, std::move(report), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &DuplicatesDialog::merged, this, [this](qint64 keptId) { selectContacts({keptId}); });
        dialog->open();
    });
}

QString ContactsPage::ownerFilterName() const
{
    return chosenName(*m_owner);
}

QString ContactsPage::tagFilterName() const
{
    return chosenName(*m_tag);
}

void ContactsPage::fillFilterChoices()
{
    fillOwnerAndTagChoices(m_session.database(), *m_owner, *m_tag);
}

void ContactsPage::applyFilters()
{
    const std::optional<qint64> band = chosenId(*m_band);
    m_filter->setBand(band ? std::optional<Band>(static_cast<Band>(*band)) : std::nullopt);
    m_filter->setOwner(chosenId(*m_owner));
    m_filter->setTag(chosenId(*m_tag));
    updateCount();
}

void ContactsPage::applySearch()
{
    m_searchDelay->stop();
    const QString text = m_search->text().trimmed();
    if (text.isEmpty()) {
        m_filter->setMatchingContacts(std::nullopt);
    } else {
        const Result<QList<qint64>> found = SearchIndex(m_session.database()).findContacts(text, searchLimit);
        m_filter->setMatchingContacts(found ? QSet<qint64>(found->cbegin(), found->cend()) : QSet<qint64>());
    }
    updateCount();
    if (m_filter->rowCount() > 0 && !m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_filter->index(0, 0));
}

void ContactsPage::updateCount()
{
    const qsizetype selected = m_table->selectionModel()->selectedRows().size();
    QString text = tr("%1 of %2").arg(m_filter->rowCount()).arg(m_model->rowCount());
    if (selected > 1)
        text = tr("%1 selected · %2").arg(selected).arg(text);
    m_count->setText(text);
    m_count->setToolTip(selected > 1
                            ? tr("Right-click the list to tag, assign, archive or delete the selected "
                                 "contacts at once.")
                            : QString());
}

void ContactsPage::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void ContactsPage::selectContact(qint64 contactId)
{
    const QModelIndex source = m_model->indexOfContact(contactId);
    const QModelIndex shown = m_filter->mapFromSource(source);
    if (shown.isValid()) {
        m_table->setCurrentIndex(shown);
        m_table->scrollTo(shown);
    } else {
        m_detail->showContact(contactId);
    }
}

qint64 ContactsPage::currentContactId() const
{
    return m_detail->contactId();
}

int ContactsPage::visibleContactCount() const
{
    return m_filter->rowCount();
}

} // namespace rapport::ui
