// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/events/EventsPage.h"

#include "core/storage/ContactDirectory.h"
#include "ui/events/EventDialog.h"
#include "ui/events/EventTableModel.h"
#include "ui/events/ParticipantModel.h"
#include "ui/events/RoleDelegate.h"
#include "ui/session/DatabaseSession.h"
#include "ui/undo/CommandSequence.h"
#include "ui/undo/EventCommands.h"
#include "ui/widgets/DeferredRefresh.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace rapport::ui {

namespace {

QTableView* newTable(QAbstractItemModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QAction* addTableAction(QTableView* table, const QString& text, const QKeySequence& keys)
{
    auto* action = new QAction(text, table);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetShortcut);
    table->addAction(action);
    return action;
}

bool sameDetails(const Event& a, const Event& b)
{
    return a.name == b.name && a.kind == b.kind && a.occurredAt == b.occurredAt && a.channel == b.channel &&
           a.link == b.link;
}

} // namespace

EventsPage::EventsPage(DatabaseSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new EventTableModel(session, this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_participants(new ParticipantModel(session, this))
    , m_deferredRefresh(new DeferredRefresh(this, [this] { refresh(); }))
{
    setObjectName(QStringLiteral("eventsPage"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1);
    m_filter->setSortRole(EventTableModel::SortRole);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("eventFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, kind or channel"));
    m_filterEdit->setClearButtonEnabled(true);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text.trimmed());
        showParticipants();
    });
    auto* newButton = new QPushButton(tr("&New event…"), this);
    newButton->setToolTip(tr("Record a meetup, AMA, webinar, survey, poll, podcast, live chat or forum "
                             "thread with its participants (Ctrl+Shift+L)"));
    connect(newButton, &QPushButton::clicked, this, &EventsPage::newEvent);
    m_open = new QPushButton(tr("&Open…"), this);
    m_open->setToolTip(tr("Edit the event, add late participants (Enter)"));
    connect(m_open, &QPushButton::clicked, this, &EventsPage::openCurrentEvent);
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setToolTip(tr("Delete the event with its participants' conversations (Delete)"));
    connect(m_delete, &QPushButton::clicked, this, &EventsPage::deleteCurrentEvent);
    auto* header = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filterEdit);
    header->addWidget(filterLabel);
    header->addWidget(m_filterEdit, 1);
    header->addWidget(newButton);
    header->addWidget(m_open);
    header->addWidget(m_delete);

    m_eventsView = newTable(m_filter, QStringLiteral("eventsTable"), this);
    m_eventsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_eventsView->setSortingEnabled(true);
    m_eventsView->sortByColumn(EventTableModel::WhenColumn, Qt::DescendingOrder);
    const std::array<int, EventTableModel::ColumnCount - 1> widths{140, 100, 280, 110, 95, 80};
    for (int column = 0; column < EventTableModel::FirstTimersColumn; ++column)
        m_eventsView->setColumnWidth(column, widths[static_cast<size_t>(column)]);
    // Enter or a double click opens the event.
    connect(m_eventsView, &QTableView::activated, this, [this] { openCurrentEvent(); });
    connect(addTableAction(m_eventsView, tr("Delete event…"), QKeySequence::Delete), &QAction::triggered,
            this, &EventsPage::deleteCurrentEvent);
    m_eventsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_eventsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventsPage::showParticipants);

    m_eventTitle = new QLabel(this);
    m_eventTitle->setObjectName(QStringLiteral("eventTitle"));
    m_eventTitle->setTextFormat(Qt::RichText);
    m_eventTitle->setWordWrap(true);
    m_participantsView = newTable(m_participants, QStringLiteral("participantsTable"), this);
    m_participantsView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_participantsView->setItemDelegateForColumn(ParticipantModel::RoleColumn,
                                                 new RoleDelegate(m_participantsView));
    m_participantsView->setColumnWidth(ParticipantModel::NameColumn, 260);
    m_participantsView->setColumnWidth(ParticipantModel::RoleColumn, 170);
    m_participantsView->setColumnWidth(ParticipantModel::MarkColumn, 170);
    // Enter on a person opens their page; a double click on the role edits it instead.
    connect(m_participantsView, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.column() == ParticipantModel::RoleColumn)
            return;
        if (const qint64 contact = currentContactId(); contact > 0)
            emit contactRequested(contact);
    });
    connect(addTableAction(m_participantsView, tr("Change role"), QKeySequence(Qt::Key_F2)),
            &QAction::triggered, this, [this] {
                const QModelIndex current = m_participantsView->currentIndex();
                if (current.isValid())
                    m_participantsView->edit(
                        m_participants->index(current.row(), ParticipantModel::RoleColumn));
            });
    connect(addTableAction(m_participantsView, tr("Remove from the event"), QKeySequence::Delete),
            &QAction::triggered, this, &EventsPage::removeCurrentParticipant);
    m_participantsView->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_participantsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EventsPage::updateActions);
    m_removeParticipant = new QPushButton(tr("&Remove from event"), this);
    m_removeParticipant->setToolTip(tr("Take the selected person out of the event, with their conversation "
                                       "(Delete)"));
    connect(m_removeParticipant, &QPushButton::clicked, this, &EventsPage::removeCurrentParticipant);
    auto* participantHeader = new QHBoxLayout;
    participantHeader->addWidget(m_eventTitle, 1);
    participantHeader->addWidget(m_removeParticipant);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(participantHeader);
    lowerLayout->addWidget(m_participantsView, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_eventsView);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto* empty = new QLabel(
        tr("<h3>No events yet</h3><p>An event is a meetup, an AMA, a webinar, a survey, a poll, a podcast, "
           "a live chat or a forum thread, with the people who took part in it. Each of them gets the "
           "conversation in their log, and the event stays one thing you can open, edit and undo.</p>"
           "<p>Record the first with <b>New event…</b> (Ctrl+Shift+L): type the participants' names, "
           "emails or handles one after another, or paste a list.</p>"),
        this);
    empty->setObjectName(QStringLiteral("eventsEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    empty->setMargin(24);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(splitter);
    m_stack->addWidget(empty);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);

    // An event's changes touch its participants; one with nobody in it, and every undo or redo of one,
    // shows through the undo stack, which every change made here goes through.
    connect(&m_session, &DatabaseSession::contactChanged, m_deferredRefresh, &DeferredRefresh::schedule);
    connect(&m_session, &DatabaseSession::contactsReset, m_deferredRefresh, &DeferredRefresh::schedule);
    connect(m_session.undoStack(), &QUndoStack::indexChanged, m_deferredRefresh, &DeferredRefresh::schedule);
    refresh();
}

EventsPage::~EventsPage() = default;

void EventsPage::refresh()
{
    m_deferredRefresh->markFresh();
    const qint64 kept = currentEventId();
    const int keptParticipantRow = m_participantsView->currentIndex().row();
    m_model->reload();
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 0 : 1);
    if (kept > 0)
        selectEvent(kept);
    if (currentEventId() == 0 && m_filter->rowCount() > 0)
        m_eventsView->setCurrentIndex(m_filter->index(0, 0));
    showParticipants();
    if (keptParticipantRow >= 0 && m_participants->eventId() == kept)
        m_participantsView->setCurrentIndex(m_participants->index(
            std::min(keptParticipantRow, m_participants->rowCount() - 1), ParticipantModel::NameColumn));
    updateActions();
}

void EventsPage::selectEvent(qint64 eventId)
{
    const int row = m_model->rowOf(eventId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_eventsView->setCurrentIndex(index);
}

qint64 EventsPage::currentEventId() const
{
    const QModelIndex current = m_eventsView->currentIndex();
    return current.isValid() ? current.data(EventTableModel::EventIdRole).toLongLong() : 0;
}

qint64 EventsPage::currentContactId() const
{
    const ListedParticipant* listed = m_participants->participantAt(m_participantsView->currentIndex().row());
    return listed ? listed->participant.contactId : 0;
}

void EventsPage::showParticipants()
{
    const qint64 eventId = currentEventId();
    if (eventId != m_participants->eventId() || eventId == 0)
        m_participants->setEvent(eventId);
    else
        m_participants->reload();
    const int row = m_model->rowOf(eventId);
    const ListedEvent* listed = m_model->eventAt(row);
    if (!listed) {
        m_eventTitle->setText(m_model->rowCount() > 0 ? tr("Select an event to see who took part.")
                                                      : QString());
        updateActions();
        return;
    }
    QString title =
        tr("<b>%1</b> · %2 · %3 — took part: %4")
            .arg(listed->event.name.toHtmlEscaped(), eventKindLabel(listed->event.kind),
                 QLocale().toString(QDateTime::fromSecsSinceEpoch(listed->event.occurredAt).toLocalTime(),
                                    QLocale::ShortFormat))
            .arg(listed->tookPart);
    title += tr(", first time: %1").arg(listed->firstTimers);
    if (listed->invited > 0)
        title += tr(", invited who did not show: %1").arg(listed->invited);
    title += tr(". F2 changes a role, Delete takes someone out, Enter opens their page.");
    m_eventTitle->setText(title);
    updateActions();
}

void EventsPage::updateActions()
{
    const bool event = currentEventId() > 0;
    m_open->setEnabled(event);
    m_delete->setEnabled(event);
    m_removeParticipant->setEnabled(currentContactId() > 0);
}

bool EventsPage::newEvent()
{
    EventDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const Result<const AddRemoveEventCommand*> created = DatabaseCommand::push(
        m_session, std::make_unique<AddRemoveEventCommand>(m_session, dialog.event(), dialog.participants()));
    if (!created)
        return false;
    const qint64 eventId = (*created)->eventId();
    m_filterEdit->clear();
    refresh();
    selectEvent(eventId);
    return true;
}

bool EventsPage::openCurrentEvent()
{
    const qint64 eventId = currentEventId();
    const ListedEvent* listed = m_model->eventAt(m_model->rowOf(eventId));
    if (!listed)
        return false;
    const Event before = listed->event;
    const Result<QList<ListedParticipant>> people =
        EventRepository(m_session.database()).listParticipants(eventId);
    if (!people) {
        emit m_session.errorOccurred(people.error().message);
        return false;
    }
    EventDialog dialog(m_session, this);
    dialog.editEvent(before, *people);
    if (dialog.exec() != QDialog::Accepted)
        return false;

    const Event after = dialog.event();
    std::vector<std::unique_ptr<DatabaseCommand>> steps;
    // The event first, so that late participants' conversations are written at its new time.
    if (!sameDetails(before, after))
        steps.push_back(std::make_unique<EditEventCommand>(m_session, before, after));
    QHash<qint64, QString> names;
    for (const ListedParticipant& person : *people)
        names.insert(person.participant.contactId, person.contactName);
    for (const qint64 contactId : dialog.removed())
        steps.push_back(std::make_unique<RemoveEventParticipantCommand>(m_session, eventId, contactId,
                                                                        names.value(contactId)));
    for (const ParticipantEntry& entry : dialog.roleChanges())
        steps.push_back(std::make_unique<ChangeParticipantRoleCommand>(
            m_session, eventId, entry.contactId, entry.role, names.value(entry.contactId)));
    const QList<ParticipantEntry> added = dialog.added();
    QList<qint64> addedIds;
    for (const ParticipantEntry& entry : added)
        addedIds << entry.contactId;
    const Result<QHash<qint64, ContactRow>> addedRows = ContactDirectory(m_session.database()).rows(addedIds);
    if (!addedRows) {
        emit m_session.errorOccurred(addedRows.error().message);
        return false;
    }
    for (const ParticipantEntry& entry : added)
        steps.push_back(std::make_unique<AddEventParticipantCommand>(m_session, eventId, entry,
                                                                     addedRows->value(entry.contactId).name));
    if (steps.empty())
        return false;
    const bool saved =
        steps.size() == 1
            ? DatabaseCommand::push(m_session, std::move(steps.front())).ok()
            : DatabaseCommand::push(
                  m_session, std::make_unique<CommandSequence>(m_session, tr("Edit event %1").arg(after.name),
                                                               std::move(steps)))
                  .ok();
    refresh();
    return saved;
}

bool EventsPage::deleteCurrentEvent()
{
    const ListedEvent* listed = m_model->eventAt(m_model->rowOf(currentEventId()));
    if (!listed)
        return false;
    const Event event = listed->event;
    const QString question =
        tr("Delete “%1”? The conversation it logged for each person who took part (%2) goes with it.")
            .arg(event.name)
            .arg(listed->tookPart);
    if (QMessageBox::question(
            this, tr("Delete event"),
            question + QLatin1Char(' ') +
                tr("Undo (%1) brings it back.")
                    .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return false;
    const bool deleted =
        DatabaseCommand::push(m_session,
                              std::make_unique<AddRemoveEventCommand>(m_session, event.id, event.name))
            .ok();
    refresh();
    return deleted;
}

bool EventsPage::removeCurrentParticipant()
{
    const ListedParticipant* listed = m_participants->participantAt(m_participantsView->currentIndex().row());
    if (!listed)
        return false;
    const EventParticipant participant = listed->participant;
    const bool removed = DatabaseCommand::push(m_session, std::make_unique<RemoveEventParticipantCommand>(
                                                              m_session, participant.eventId,
                                                              participant.contactId, listed->contactName))
                             .ok();
    refresh();
    return removed;
}

} // namespace rapport::ui
