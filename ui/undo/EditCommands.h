// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable edits of the log and the notes. Each applies through core in one transaction and tells the
// session which contact changed; a failure is reported and leaves the command inert.
#pragma once

#include "core/model/Contact.h"
#include "core/model/ContactSnapshot.h"
#include "core/model/Interaction.h"
#include "core/model/TrustNote.h"

#include <QHash>
#include <QList>
#include <QUndoCommand>
#include <optional>

namespace rapport::ui {

class DatabaseSession;

class LogConversationCommand : public QUndoCommand
{
public:
    LogConversationCommand(DatabaseSession& session, const Interaction& interaction);
    void redo() override;
    void undo() override;
    qint64 interactionId() const { return m_interaction.id; }

private:
    DatabaseSession& m_session;
    Interaction m_interaction;
};

class AddTrustNoteCommand : public QUndoCommand
{
public:
    AddTrustNoteCommand(DatabaseSession& session, const TrustNote& note);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    TrustNote m_note;
};

class DeleteConversationCommand : public QUndoCommand
{
public:
    DeleteConversationCommand(DatabaseSession& session, const Interaction& interaction);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    Interaction m_interaction;
};

class EditConversationCommand : public QUndoCommand
{
public:
    EditConversationCommand(DatabaseSession& session, const Interaction& before, const Interaction& after);
    void redo() override;
    void undo() override;

private:
    void apply(const Interaction& interaction, qint64 otherContactId);
    DatabaseSession& m_session;
    Interaction m_before;
    Interaction m_after;
};

class EditTrustNoteCommand : public QUndoCommand
{
public:
    EditTrustNoteCommand(DatabaseSession& session, const TrustNote& before, const TrustNote& after);
    void redo() override;
    void undo() override;

private:
    void apply(const TrustNote& note);
    DatabaseSession& m_session;
    TrustNote m_before;
    TrustNote m_after;
};

class DeleteTrustNoteCommand : public QUndoCommand
{
public:
    DeleteTrustNoteCommand(DatabaseSession& session, const TrustNote& note);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    TrustNote m_note;
};

class AddContactCommand : public QUndoCommand
{
public:
    // `createdId`, when given, receives the new contact's id on the first redo (during the push), even
    // if the stack then discards a command that failed.
    AddContactCommand(DatabaseSession& session, const Contact& contact, qint64* createdId = nullptr);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    Contact m_contact;
    qint64* m_createdId = nullptr;
};

class EditContactCommand : public QUndoCommand
{
public:
    EditContactCommand(DatabaseSession& session, const Contact& before, const Contact& after);
    void redo() override;
    void undo() override;

private:
    void apply(const Contact& contact);
    DatabaseSession& m_session;
    Contact m_before;
    Contact m_after;
};

// Bulk edits of the selected contacts: one command each, undone as one step, every contact in one
// transaction run off the UI thread with progress. The views reload once afterwards, not per contact.
class BulkTagCommand : public QUndoCommand
{
public:
    BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    bool m_firstRun = true;
    QList<qint64> m_contactIds;
    QString m_tag;
    QList<qint64> m_tagged; // only these lacked the tag; undo leaves the others as they were
};

class BulkOwnerCommand : public QUndoCommand
{
public:
    BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                     std::optional<qint64> ownerId);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    bool m_firstRun = true;
    QList<qint64> m_contactIds;
    std::optional<qint64> m_ownerId;
    QHash<qint64, std::optional<qint64>> m_previous;
};

class BulkArchiveCommand : public QUndoCommand
{
public:
    BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds, bool archived);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    bool m_firstRun = true;
    QList<qint64> m_contactIds;
    bool m_archived;
    QList<qint64> m_changed;
};

class BulkDeleteCommand : public QUndoCommand
{
public:
    BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds);
    void redo() override;
    void undo() override;

private:
    DatabaseSession& m_session;
    bool m_firstRun = true;
    QList<qint64> m_contactIds;
    QList<ContactSnapshot> m_deleted;
};

} // namespace rapport::ui
