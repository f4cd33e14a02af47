// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/events/EventDialog.h"

#include "core/base/Clock.h"
#include "core/services/AttendanceFile.h"
#include "core/services/EventLog.h"
#include "ui/events/RoleDelegate.h"
#include "ui/session/DatabaseSession.h"
#include "ui/widgets/BandStyle.h"
#include "ui/widgets/ContactPicker.h"
#include "ui/widgets/ContactSuggestionModel.h"
#include "ui/widgets/DateTimeField.h"
#include "ui/widgets/EditDialogLayout.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace rapport::ui {

namespace {

constexpr int ContactIdRole = Qt::UserRole + 2;

enum ParticipantColumn
{
    NameColumn,
    RoleColumn
};

// Where an event of a kind usually happens; a suggestion until the channel is chosen by hand.
Channel usualChannel(EventKind kind)
{
    switch (kind) {
    case EventKind::LiveChat:
        return Channel::Chat;
    case EventKind::ForumThread:
        return Channel::Forum;
    case EventKind::Survey:
    case EventKind::Poll:
        return Channel::Social;
    case EventKind::Meetup:
    case EventKind::Ama:
    case EventKind::Webinar:
    case EventKind::Podcast:
        return Channel::Event;
    }
    return Channel::Event;
}

// Enter in the picker adds the person typed instead of saving the dialog. With the list of suggestions
// open, Enter on a suggestion picks it (which adds them too); with none chosen in it — it may still show
// what the previous search found — Enter adds what is typed.
class PickerEnter : public QObject
{
public:
    PickerEnter(ContactPicker* picker, std::function<void()> add)
        : QObject(picker)
        , m_picker(picker)
        , m_add(std::move(add))
    {
        picker->installEventFilter(this);
        // Filters run newest first: this one sees the popup's keys before the completer does.
        picker->completer()->popup()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
                           key->modifiers() == Qt::NoModifier;
        QAbstractItemView* popup = m_picker->completer()->popup();
        const bool typed = !m_picker->text().trimmed().isEmpty();
        if (!enter || !typed || (watched != m_picker && watched != popup))
            return QObject::eventFilter(watched, event);
        if (popup->isVisible() && popup->currentIndex().isValid()) {
            // A suggestion is chosen: the completer picks it when the key reached the popup.
            if (watched == popup)
                return QObject::eventFilter(watched, event);
            const QModelIndex chosen = popup->currentIndex();
            popup->hide();
            emit m_picker->completer()->activated(chosen);
            return true;
        }
        popup->hide();
        m_add();
        return true;
    }

private:
    ContactPicker* m_picker;
    std::function<void()> m_add;
};

} // namespace

EventDialog::EventDialog(DatabaseSession& session, QWidget* parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_when(new DateTimeField(this))
    , m_channel(new QComboBox(this))
    , m_link(new QLineEdit(this))
    , m_picker(new ContactPicker(session, this))
    , m_addAs(new QComboBox(this))
    , m_paste(new QPushButton(tr("&Paste list…"), this))
    , m_attendance(new QPushButton(tr("Load &attendance file…"), this))
    , m_participants(new QTableWidget(0, 2, this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New event"));
    m_name->setObjectName(QStringLiteral("eventName"));
    m_name->setPlaceholderText(tr("e.g. Rust meetup, May AMA, Release survey"));
    m_kind->setObjectName(QStringLiteral("eventKind"));
    for (int kind = 0; kind < eventKindCount; ++kind)
        m_kind->addItem(eventKindLabel(EventKind(kind)), kind);
    m_when->setDateTime(Clock::nowUtc().toLocalTime());
    m_channel->setObjectName(QStringLiteral("eventChannel"));
    for (const Channel channel : allChannels)
        m_channel->addItem(channelIcon(channel), channelLabel(channel), static_cast<int>(channel));
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(Channel::Event)));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_channelChosen)
            m_channel->setCurrentIndex(m_channel->findData(
                static_cast<int>(usualChannel(EventKind(m_kind->currentData().toInt())))));
    });
    connect(m_channel, &QComboBox::activated, this, [this] { m_channelChosen = true; });
    m_link->setObjectName(QStringLiteral("eventLink"));
    m_link->setPlaceholderText(tr("https://… (optional)"));

    m_picker->setObjectName(QStringLiteral("participantPicker"));
    m_picker->setPlaceholderText(tr("Type a name, email or handle, pick, type the next"));
    connect(m_picker, &ContactPicker::contactChosen, this, [this](qint64 contactId) {
        addParticipant(contactId);
        // The completer writes the chosen line into the picker after this; clear it once it has.
        QMetaObject::invokeMethod(m_picker, &QLineEdit::clear, Qt::QueuedConnection);
    });
    new PickerEnter(m_picker, [this] { addFromPicker(); });
    m_addAs->setObjectName(QStringLiteral("addAs"));
    for (const ParticipantRole role : allParticipantRoles)
        m_addAs->addItem(participantRoleLabel(role), static_cast<int>(role));
    m_paste->setToolTip(tr("Add everyone named in a list of emails, handles or names, one per line "
                           "or separated by commas"));
    connect(m_paste, &QPushButton::clicked, this, &EventDialog::choosePasted);
    m_attendance->setToolTip(tr("Add everyone a CSV export of the event lists (a column Email, Handle, "
                                "Participant or Name, and optionally Role)"));
    connect(m_attendance, &QPushButton::clicked, this, &EventDialog::chooseAttendanceFile);

    m_participants->setObjectName(QStringLiteral("eventParticipants"));
    m_participants->setHorizontalHeaderLabels({tr("Name"), tr("Role")});
    m_participants->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_participants->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                    QAbstractItemView::SelectedClicked);
    m_participants->setItemDelegateForColumn(RoleColumn, new RoleDelegate(m_participants));
    m_participants->verticalHeader()->hide();
    m_participants->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_participants->setColumnWidth(RoleColumn, 170);
    m_participants->setMinimumHeight(180);
    connect(m_participants, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (item->column() != RoleColumn)
            return;
        const QString label =
            participantRoleLabel(ParticipantRole(item->data(RoleDelegate::RoleValueRole).toInt()));
        if (item->text() != label)
            item->setText(label);
    });
    auto* removeAction = new QAction(tr("Remove"), m_participants);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &EventDialog::removeSelected);
    m_participants->addAction(removeAction);
    m_remove->setToolTip(tr("Take the selected people out of the event (Delete)"));
    connect(m_remove, &QPushButton::clicked, this, &EventDialog::removeSelected);
    m_count->setObjectName(QStringLiteral("participantCount"));

    m_error->setObjectName(QStringLiteral("eventError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* adding = new QHBoxLayout;
    adding->addWidget(m_picker, 1);
    auto* addAsLabel = new QLabel(tr("&as"), this);
    addAsLabel->setBuddy(m_addAs);
    adding->addWidget(addAsLabel);
    adding->addWidget(m_addAs);
    auto* listFooter = new QHBoxLayout;
    listFooter->addWidget(m_count, 1);
    // Below the list, the picker keeps the width a name and email need.
    listFooter->addWidget(m_paste);
    listFooter->addWidget(m_attendance);
    listFooter->addWidget(m_remove);
    auto* people = new QVBoxLayout;
    people->addLayout(adding);
    people->addWidget(m_participants, 1);
    people->addLayout(listFooter);

    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&When:"), m_when);
    form->addRow(tr("C&hannel:"), m_channel);
    form->addRow(tr("&Link:"), m_link);
    auto* peopleLabel = new QLabel(tr("Pa&rticipants:"), this);
    peopleLabel->setBuddy(m_picker);
    form->addRow(peopleLabel, people);
    layOutEditDialog(*this, form, m_error);
    setMinimumWidth(620);
    updateCount();
    m_name->setFocus();
}

EventDialog::~EventDialog() = default;

void EventDialog::editEvent(const Event& event, const QList<ListedParticipant>& participants)
{
    m_editing = event;
    setWindowTitle(tr("Edit event"));
    m_name->setText(event.name);
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(event.kind)));
    m_channelChosen = true;
    m_channel->setCurrentIndex(m_channel->findData(static_cast<int>(event.channel)));
    m_when->setDateTime(QDateTime::fromSecsSinceEpoch(event.occurredAt).toLocalTime());
    m_link->setText(event.link);
    m_participants->setRowCount(0);
    m_before.clear();
    for (const ListedParticipant& listed : participants) {
        m_before.insert(listed.participant.contactId, listed.participant.role);
        const int row = m_participants->rowCount();
        m_participants->insertRow(row);
        auto* name = new QTableWidgetItem(listed.contactName);
        name->setData(ContactIdRole, listed.participant.contactId);
        name->setFlags(name->flags() & ~Qt::ItemIsEditable);
        auto* role = new QTableWidgetItem(participantRoleLabel(listed.participant.role));
        role->setData(RoleDelegate::RoleValueRole, static_cast<int>(listed.participant.role));
        m_participants->setItem(row, NameColumn, name);
        m_participants->setItem(row, RoleColumn, role);
    }
    updateCount();
    m_picker->setFocus();
}

Event EventDialog::event() const
{
    Event event = m_editing.value_or(Event{});
    event.name = m_name->text().trimmed();
    event.kind = EventKind(m_kind->currentData().toInt());
    event.channel = static_cast<Channel>(m_channel->currentData().toInt());
    event.link = m_link->text().trimmed();
    if (const std::optional<QDateTime> when = m_when->dateTime())
        event.occurredAt = when->toSecsSinceEpoch();
    else
        event.occurredAt = 0;
    return event;
}

QList<ParticipantEntry> EventDialog::participants() const
{
    QList<ParticipantEntry> entries;
    for (int row = 0; row < m_participants->rowCount(); ++row)
        entries << ParticipantEntry{
            m_participants->item(row, NameColumn)->data(ContactIdRole).toLongLong(),
            ParticipantRole(
                m_participants->item(row, RoleColumn)->data(RoleDelegate::RoleValueRole).toInt())};
    return entries;
}

QList<ParticipantEntry> EventDialog::added() const
{
    QList<ParticipantEntry> entries;
    for (const ParticipantEntry& entry : participants()) {
        if (!m_before.contains(entry.contactId))
            entries << entry;
    }
    return entries;
}

QList<ParticipantEntry> EventDialog::roleChanges() const
{
    QList<ParticipantEntry> entries;
    for (const ParticipantEntry& entry : participants()) {
        if (m_before.contains(entry.contactId) && m_before.value(entry.contactId) != entry.role)
            entries << entry;
    }
    return entries;
}

QList<qint64> EventDialog::removed() const
{
    QSet<qint64> kept;
    for (const ParticipantEntry& entry : participants())
        kept.insert(entry.contactId);
    QList<qint64> ids;
    for (auto before = m_before.cbegin(); before != m_before.cend(); ++before) {
        if (!kept.contains(before.key()))
            ids << before.key();
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool EventDialog::addParticipant(qint64 contactId)
{
    return add(contactId, ParticipantRole(m_addAs->currentData().toInt()));
}

bool EventDialog::add(qint64 contactId, ParticipantRole role)
{
    for (int row = 0; row < m_participants->rowCount(); ++row) {
        if (m_participants->item(row, NameColumn)->data(ContactIdRole).toLongLong() == contactId) {
            m_participants->selectRow(row);
            showError(tr("%1 is already in the list.").arg(m_participants->item(row, NameColumn)->text()),
                      m_picker);
            return false;
        }
    }
    const Result<QString> described = m_picker->suggestions()->describe(contactId);
    if (!described) {
        showError(described.error().message, m_picker);
        return false;
    }
    const int row = m_participants->rowCount();
    m_participants->insertRow(row);
    auto* name = new QTableWidgetItem(*described);
    name->setData(ContactIdRole, contactId);
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    auto* roleItem = new QTableWidgetItem(participantRoleLabel(role));
    roleItem->setData(RoleDelegate::RoleValueRole, static_cast<int>(role));
    m_participants->setItem(row, NameColumn, name);
    m_participants->setItem(row, RoleColumn, roleItem);
    m_participants->scrollToItem(name);
    m_error->hide();
    updateCount();
    return true;
}

QString EventDialog::addPasted(const QString& pasted)
{
    const Result<QList<ParticipantEntry>> entries = resolvePastedParticipants(
        m_session.database(), pasted, ParticipantRole(m_addAs->currentData().toInt()));
    if (!entries)
        return entries.error().message;
    addAll(*entries);
    return {};
}

QString EventDialog::addAttendanceFile(const QString& path)
{
    AttendanceOptions options;
    options.defaultRole = ParticipantRole(m_addAs->currentData().toInt());
    const Result<Attendance> attendance = readAttendanceFile(m_session.database(), path, options);
    if (!attendance)
        return attendance.error().message;
    addAll(attendance->participants);
    return {};
}

void EventDialog::addAll(const QList<ParticipantEntry>& entries)
{
    int already = 0;
    for (const ParticipantEntry& entry : entries) {
        if (!add(entry.contactId, entry.role))
            ++already;
    }
    if (already > 0)
        showError(tr("Already in the list: %1 left as they were.").arg(already), m_picker);
}

void EventDialog::chooseAttendanceFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load attendance file"), QString(),
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString problem = addAttendanceFile(path); !problem.isEmpty())
        showError(tr("Nobody was added from the file:\n%1").arg(problem), m_attendance);
}

void EventDialog::choosePasted()
{
    QDialog paste(this);
    paste.setObjectName(QStringLiteral("pasteList"));
    paste.setWindowTitle(tr("Paste a list of participants"));
    auto* text = new QPlainTextEdit(&paste);
    text->setPlaceholderText(tr("ada@example.org\n@grace\ngithub:linus\nKatherine Johnson"));
    auto* problems = new QLabel(&paste);
    problems->setObjectName(QStringLiteral("pasteProblems"));
    problems->setStyleSheet(QStringLiteral("color: #c62828"));
    problems->setWordWrap(true);
    problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    problems->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &paste);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add them"));
    connect(buttons, &QDialogButtonBox::accepted, &paste, [this, &paste, text, problems] {
        const QString problem = addPasted(text->toPlainText());
        if (problem.isEmpty()) {
            paste.accept();
            return;
        }
        problems->setText(tr("Nobody was added; fix or remove these lines:\n%1").arg(problem));
        problems->show();
        text->setFocus();
    });
    connect(buttons, &QDialogButtonBox::rejected, &paste, &QDialog::reject);
    auto* layout = new QVBoxLayout(&paste);
    layout->addWidget(new QLabel(tr("One email, handle or name per line, or separated by commas or "
                                    "semicolons; they are added as “%1”.")
                                     .arg(m_addAs->currentText()),
                                 &paste));
    layout->addWidget(text, 1);
    layout->addWidget(problems);
    layout->addWidget(buttons);
    paste.resize(460, 320);
    paste.exec();
}

bool EventDialog::addFromPicker()
{
    const QString typed = m_picker->text().trimmed();
    if (m_picker->contactId() > 0) {
        const bool added = addParticipant(m_picker->contactId());
        m_picker->clear();
        return added;
    }
    if (typed.isEmpty())
        return true;
    const Result<qint64> resolved = resolveParticipant(m_session.database(), typed);
    if (!resolved) {
        showError(resolved.error().message, m_picker);
        return false;
    }
    const bool added = addParticipant(*resolved);
    m_picker->clear();
    return added;
}

void EventDialog::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex& index : m_participants->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : rows)
        m_participants->removeRow(row);
    updateCount();
}

void EventDialog::updateCount()
{
    int tookPart = 0;
    const QList<ParticipantEntry> entries = participants();
    for (const ParticipantEntry& entry : entries) {
        if (roleDirection(entry.role))
            ++tookPart;
    }
    m_count->setText(entries.isEmpty()
                         ? tr("Nobody yet. Each person who takes part gets the conversation in their log.")
                         : tr("%1 listed, %2 taking part").arg(entries.size()).arg(tookPart));
    m_remove->setEnabled(!entries.isEmpty());
}

void EventDialog::showError(const QString& problem, QWidget* focus)
{
    m_error->setText(problem);
    m_error->show();
    if (focus)
        focus->setFocus();
}

void EventDialog::accept()
{
    // What is still typed in the picker is someone to add, not something to drop silently.
    if (!m_picker->text().trimmed().isEmpty() && !addFromPicker())
        return;
    const Event entered = event();
    if (!m_when->dateTime()) {
        showError(tr("When: \"%1\" is not a date and time. Type %2.")
                      .arg(m_when->text().trimmed(), DateTimeField::acceptedForms()),
                  m_when);
        return;
    }
    if (entered.occurredAt > Clock::nowSeconds()) {
        showError(tr("When: %1 is in the future. Record events that have already happened: each "
                     "participant's conversation is logged at this time.")
                      .arg(m_when->text().trimmed()),
                  m_when);
        return;
    }
    if (const QString problem = EventRepository::validationError(entered); !problem.isEmpty()) {
        showError(problem, m_name);
        return;
    }
    QDialog::accept();
}

} // namespace rapport::ui
