// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/undo/EditCommands.h"

#include "core/services/ContactBulkEdit.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "ui/jobs/ModalTask.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>
#include <functional>

namespace rapport::ui {

namespace {

// Logs the interaction, under its own id when it has one (redo, undo of a delete): later commands on
// the stack refer to it by that id.
bool logInteraction(DatabaseSession& session, Interaction& interaction)
{
    ConversationLog log(session.database(), session.engine());
    const Result<qint64> id = interaction.id > 0 ? log.restore(interaction) : log.log(interaction);
    if (!id) {
        emit session.errorOccurred(id.error().message);
        return false;
    }
    interaction.id = *id;
    session.contactTouched(interaction.contactId);
    return true;
}

bool removeInteraction(DatabaseSession& session, const Interaction& interaction)
{
    if (Status removed = ConversationLog(session.database(), session.engine()).remove(interaction.id);
        !removed) {
        emit session.errorOccurred(removed.error().message);
        return false;
    }
    session.contactTouched(interaction.contactId);
    return true;
}

// Runs a bulk edit off the UI thread on its own connection and engine, then reloads the views. Only the
// first run may be cancelled (the command then leaves the stack): undo and redo must finish what they
// start, or the stack would no longer say what the database holds.
void runBulk(DatabaseSession& session, QUndoCommand& command, bool& firstRun, const QString& label,
             const std::function<Status(ContactBulkEdit&, const ProgressCallback&)>& edit)
{
    const bool cancellable = firstRun;
    firstRun = false;
    const Status done = ModalTask::run(
        session.path(), label,
        [&edit](Database& db, const ProgressCallback& progress) -> Status {
            Result<ScoringEngine> engine = ScoringEngine::open(db);
            if (!engine)
                return engine.error();
            ContactBulkEdit bulk(db, *engine);
            return edit(bulk, progress);
        },
        cancellable ? ModalTask::Cancel::Allowed : ModalTask::Cancel::NotAllowed);
    if (!done) {
        if (done.error().kind != ErrorKind::Cancelled)
            emit session.errorOccurred(done.error().message);
        command.setObsolete(true);
        return;
    }
    session.everythingTouched();
}

QString undoLabel(const QString& edit)
{
    return QCoreApplication::translate("rapport::ui::EditCommands", "Undoing: %1").arg(edit);
}

QString contactCount(qsizetype count)
{
    return count == 1 ? QCoreApplication::translate("rapport::ui::EditCommands", "1 contact")
                      : QCoreApplication::translate("rapport::ui::EditCommands", "%1 contacts").arg(count);
}

} // namespace

LogConversationCommand::LogConversationCommand(DatabaseSession& session, const Interaction& interaction)
    : m_session(session)
    , m_interaction(interaction)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Log %1")
                .arg(channelName(interaction.channel)));
}

void LogConversationCommand::redo()
{
    if (!logInteraction(m_session, m_interaction))
        setObsolete(true);
}

void LogConversationCommand::undo()
{
    removeInteraction(m_session, m_interaction);
}

DeleteConversationCommand::DeleteConversationCommand(DatabaseSession& session, const Interaction& interaction)
    : m_session(session)
    , m_interaction(interaction)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Delete conversation"));
}

void DeleteConversationCommand::redo()
{
    if (!removeInteraction(m_session, m_interaction))
        setObsolete(true);
}

void DeleteConversationCommand::undo()
{
    logInteraction(m_session, m_interaction);
}

AddTrustNoteCommand::AddTrustNoteCommand(DatabaseSession& session, const TrustNote& note)
    : m_session(session)
    , m_note(note)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Add trust note"));
}

void AddTrustNoteCommand::redo()
{
    TrustNoteRepository notes(m_session.database());
    const Result<qint64> id = m_note.id > 0 ? notes.restore(m_note) : notes.insert(m_note);
    if (!id) {
        emit m_session.errorOccurred(id.error().message);
        setObsolete(true);
        return;
    }
    m_note.id = *id;
    m_session.contactTouched(m_note.contactId);
}

void AddTrustNoteCommand::undo()
{
    if (Status removed = TrustNoteRepository(m_session.database()).remove(m_note.id); !removed) {
        emit m_session.errorOccurred(removed.error().message);
        return;
    }
    m_session.contactTouched(m_note.contactId);
}

EditConversationCommand::EditConversationCommand(DatabaseSession& session, const Interaction& before,
                                                 const Interaction& after)
    : m_session(session)
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Edit conversation"));
}

void EditConversationCommand::redo()
{
    apply(m_after, m_before.contactId);
}

void EditConversationCommand::undo()
{
    apply(m_before, m_after.contactId);
}

void EditConversationCommand::apply(const Interaction& interaction, qint64 otherContactId)
{
    if (Status edited = ConversationLog(m_session.database(), m_session.engine()).edit(interaction);
        !edited) {
        emit m_session.errorOccurred(edited.error().message);
        setObsolete(true);
        return;
    }
    m_session.contactTouched(interaction.contactId);
    // The edit may have moved the conversation to another contact.
    if (otherContactId != interaction.contactId)
        m_session.contactTouched(otherContactId);
}

EditTrustNoteCommand::EditTrustNoteCommand(DatabaseSession& session, const TrustNote& before,
                                           const TrustNote& after)
    : m_session(session)
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Edit trust note"));
}

void EditTrustNoteCommand::redo()
{
    apply(m_after);
}

void EditTrustNoteCommand::undo()
{
    apply(m_before);
}

void EditTrustNoteCommand::apply(const TrustNote& note)
{
    if (Status updated = TrustNoteRepository(m_session.database()).update(note); !updated) {
        emit m_session.errorOccurred(updated.error().message);
        setObsolete(true);
        return;
    }
    m_session.contactTouched(note.contactId);
}

DeleteTrustNoteCommand::DeleteTrustNoteCommand(DatabaseSession& session, const TrustNote& note)
    : m_session(session)
    , m_note(note)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Delete trust note"));
}

void DeleteTrustNoteCommand::redo()
{
    if (Status removed = TrustNoteRepository(m_session.database()).remove(m_note.id); !removed) {
        emit m_session.errorOccurred(removed.error().message);
        setObsolete(true);
        return;
    }
    m_session.contactTouched(m_note.contactId);
}

void DeleteTrustNoteCommand::undo()
{
    if (const Result<qint64> restored = TrustNoteRepository(m_session.database()).restore(m_note);
        !restored) {
        emit m_session.errorOccurred(restored.error().message);
        return;
    }
    m_session.contactTouched(m_note.contactId);
}

AddContactCommand::AddContactCommand(DatabaseSession& session, const Contact& contact, qint64* createdId)
    : m_session(session)
    , m_contact(contact)
    , m_createdId(createdId)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Add %1")
                .arg(contact.effectiveDisplayName()));
}

void AddContactCommand::redo()
{
    ContactRepository contacts(m_session.database());
    const Result<qint64> id = m_contact.id > 0 ? contacts.restore(m_contact) : contacts.create(m_contact);
    if (!id) {
        emit m_session.errorOccurred(id.error().message);
        setObsolete(true);
        return;
    }
    m_contact.id = *id;
    if (m_createdId) {
        *m_createdId = *id;
        m_createdId = nullptr;
    }
    m_session.contactTouched(*id);
}

void AddContactCommand::undo()
{
    if (Status removed = ContactRepository(m_session.database()).remove(m_contact.id); !removed) {
        emit m_session.errorOccurred(removed.error().message);
        return;
    }
    m_session.contactTouched(m_contact.id);
}

EditContactCommand::EditContactCommand(DatabaseSession& session, const Contact& before, const Contact& after)
    : m_session(session)
    , m_before(before)
    , m_after(after)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Edit %1")
                .arg(after.effectiveDisplayName()));
}

void EditContactCommand::redo()
{
    apply(m_after);
}

void EditContactCommand::undo()
{
    apply(m_before);
}

void EditContactCommand::apply(const Contact& contact)
{
    if (Status updated = ContactRepository(m_session.database()).update(contact); !updated) {
        emit m_session.errorOccurred(updated.error().message);
        setObsolete(true);
        return;
    }
    m_session.contactTouched(contact.id);
}

BulkTagCommand::BulkTagCommand(DatabaseSession& session, const QList<qint64>& contactIds, const QString& tag)
    : m_session(session)
    , m_contactIds(contactIds)
    , m_tag(tag.trimmed())
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Tag %1 as %2")
                .arg(contactCount(contactIds.size()), m_tag));
}

void BulkTagCommand::redo()
{
    runBulk(m_session, *this, m_firstRun, text(),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                Result<QList<qint64>> tagged = bulk.addTag(m_contactIds, m_tag, progress);
                if (!tagged)
                    return Status(tagged.error());
                m_tagged = std::move(*tagged);
                return Status();
            });
}

void BulkTagCommand::undo()
{
    runBulk(m_session, *this, m_firstRun, undoLabel(text()),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                return bulk.removeTag(m_tagged, m_tag, progress);
            });
}

BulkOwnerCommand::BulkOwnerCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                   std::optional<qint64> ownerId)
    : m_session(session)
    , m_contactIds(contactIds)
    , m_ownerId(ownerId)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Assign owner of %1")
                .arg(contactCount(contactIds.size())));
}

void BulkOwnerCommand::redo()
{
    runBulk(m_session, *this, m_firstRun, text(),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                Result<QHash<qint64, std::optional<qint64>>> previous =
                    bulk.assignOwner(m_contactIds, m_ownerId, progress);
                if (!previous)
                    return Status(previous.error());
                m_previous = std::move(*previous);
                return Status();
            });
}

void BulkOwnerCommand::undo()
{
    runBulk(m_session, *this, m_firstRun, undoLabel(text()),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                return bulk.restoreOwners(m_previous, progress);
            });
}

BulkArchiveCommand::BulkArchiveCommand(DatabaseSession& session, const QList<qint64>& contactIds,
                                       bool archived)
    : m_session(session)
    , m_contactIds(contactIds)
    , m_archived(archived)
{
    setText((archived ? QCoreApplication::translate("rapport::ui::EditCommands", "Archive %1")
                      : QCoreApplication::translate("rapport::ui::EditCommands", "Unarchive %1"))
                .arg(contactCount(contactIds.size())));
}

void BulkArchiveCommand::redo()
{
    runBulk(m_session, *this, m_firstRun, text(),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                Result<QList<qint64>> changed = bulk.setArchived(m_contactIds, m_archived, progress);
                if (!changed)
                    return Status(changed.error());
                m_changed = std::move(*changed);
                return Status();
            });
}

void BulkArchiveCommand::undo()
{
    runBulk(m_session, *this, m_firstRun, undoLabel(text()),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                const Result<QList<qint64>> restored = bulk.setArchived(m_changed, !m_archived, progress);
                return restored ? Status() : Status(restored.error());
            });
}

BulkDeleteCommand::BulkDeleteCommand(DatabaseSession& session, const QList<qint64>& contactIds)
    : m_session(session)
    , m_contactIds(contactIds)
{
    setText(QCoreApplication::translate("rapport::ui::EditCommands", "Delete %1")
                .arg(contactCount(contactIds.size())));
}

void BulkDeleteCommand::redo()
{
    runBulk(m_session, *this, m_firstRun, text(),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                Result<QList<ContactSnapshot>> deleted = bulk.remove(m_contactIds, progress);
                if (!deleted)
                    return Status(deleted.error());
                m_deleted = std::move(*deleted);
                return Status();
            });
}

void BulkDeleteCommand::undo()
{
    runBulk(m_session, *this, m_firstRun, undoLabel(text()),
            [this](ContactBulkEdit& bulk, const ProgressCallback& progress) {
                return bulk.restore(m_deleted, progress);
            });
}

} // namespace rapport::ui
