// SPDX-License-Identifier: GPL-3.0-or-later
// A new or existing event: its name, kind, time, channel and link, and its participants, each in a role.
// People are added one after another from the contact picker (type, pick, type the next), or many at once
// from a pasted list of emails, handles or names, or from an attendance file (CSV); a list or file with
// anyone unknown adds nobody and names every line that failed. Editing an existing event says who was added
// late, whose role changed and who was taken out, for the page to write as one undo step.
#pragma once

#include "core/model/Event.h"
#include "core/storage/EventRepository.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace rapport::ui {

class ContactPicker;
class DateTimeField;
class DatabaseSession;

class EventDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDialog)

public:
    // A new event, starting now.
    explicit EventDialog(DatabaseSession& session, QWidget* parent = nullptr);
    ~EventDialog() override;

    // Turns the dialog into an editor of an existing event and its participants.
    void editEvent(const Event& event, const QList<ListedParticipant>& participants);

    // The event as entered; when editing it keeps the event's id and creation time.
    Event event() const;
    // Everyone in the list, in their roles, in the order they were added.
    QList<ParticipantEntry> participants() const;
    // When editing: those who were not in the event before (late participants)...
    QList<ParticipantEntry> added() const;
    // ...those who were, in another role now...
    QList<ParticipantEntry> roleChanges() const;
    // ...and those taken out of it.
    QList<qint64> removed() const;

    // Adds someone in the role "Add as" shows; false (and a message) when they are already listed.
    bool addParticipant(qint64 contactId);
    // Adds everyone a pasted list names, in the role "Add as" shows. Returns the problems, one line each
    // ("line 3: contact: no contact with …"); when there is any, nobody is added.
    QString addPasted(const QString& pasted);
    // Adds everyone an attendance file lists, each in the file's role or else the one "Add as" shows.
    // Returns the problems, each naming the file, line and column; when there is any, nobody is added.
    QString addAttendanceFile(const QString& path);
    ContactPicker* picker() const { return m_picker; }
    QTableWidget* participantTable() const { return m_participants; }

    void accept() override;

private:
    void choosePasted();
    void chooseAttendanceFile();
    bool add(qint64 contactId, ParticipantRole role);
    // Adds the entries; says how many were listed already.
    void addAll(const QList<ParticipantEntry>& entries);
    // Adds what the picker holds: the contact chosen, or the text resolved as a list line would be.
    bool addFromPicker();
    void removeSelected();
    void updateCount();
    void showError(const QString& problem, QWidget* focus);

    DatabaseSession& m_session;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    DateTimeField* m_when = nullptr;
    QComboBox* m_channel = nullptr;
    QLineEdit* m_link = nullptr;
    ContactPicker* m_picker = nullptr;
    QComboBox* m_addAs = nullptr;
    QPushButton* m_paste = nullptr;
    QPushButton* m_attendance = nullptr;
    QTableWidget* m_participants = nullptr;
    QPushButton* m_remove = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_error = nullptr;
    bool m_channelChosen = false; // the channel no longer follows the kind once someone chose it
    std::optional<Event> m_editing;
    QHash<qint64, ParticipantRole> m_before; // the participants of the edited event, by contact
};

} // namespace rapport::ui
