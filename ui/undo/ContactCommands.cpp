// SPDX-License-Identifier: GPL-3.0-or-later
// Creating and editing a contact as undoable commands.
#include "ui/undo/ContactCommands.h"

#include "core/storage/ContactRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QCoreApplication>

namespace rapport::ui {

Status checkContactIdFree(Database& db, const Contact& contact)
{
    const Result<bool> taken = ContactRepository(db).exists(contact.id);
    if (!taken)
        return taken.error();
    if (*taken)
        return Error::database(
            QCoreApplication::translate("rapport::ui::ContactCommands",
                                        "%1 cannot be brought back: their number (%2) went to another "
                                        "contact created since.")
                .arg(contact.effectiveDisplayName())
                .arg(contact.id));
    return {};
}

CreateContactCommand::CreateContactCommand(DatabaseSession& session, const Contact& contact)
    : DatabaseCommand(session, QCoreApplication::translate("rapport::ui::ContactCommands", "Add %1")
                                   .arg(contact.effectiveDisplayName()))
    , m_contact(contact)
{}

Status CreateContactCommand::apply()
{
    ContactRepository contacts(session().database());
    if (isFirstRun()) {
        const Result<qint64> created = contacts.create(m_contact);
        if (!created)
            return created.error();
        m_contact.id = *created;
    } else {
        // The commands above this one know the contact by its id: if it cannot come back under it, they
        // would act on someone else.
        if (Status free = checkContactIdFree(session().database(), m_contact); !free)
            return historyBroken(free.error());
        if (const Result<qint64> restored = contacts.restore(m_contact); !restored)
            return historyBroken(restored.error());
    }
    session().contactTouched(m_contact.id);
    return {};
}

Status CreateContactCommand::revert()
{
    if (Status removed = ContactRepository(session().database()).remove(m_contact.id); !removed)
        return removed;
    session().contactTouched(m_contact.id);
    return {};
}

EditContactCommand::EditContactCommand(DatabaseSession& session, const Contact& before, const Contact& after)
    : DatabaseCommand(session, QCoreApplication::translate("rapport::ui::ContactCommands", "Edit %1")
                                   .arg(after.effectiveDisplayName()))
    , m_before(before)
    , m_after(after)
{}

Status EditContactCommand::apply()
{
    return write(m_after);
}

Status EditContactCommand::revert()
{
    return write(m_before);
}

Status EditContactCommand::write(const Contact& contact)
{
    if (Status updated = ContactRepository(session().database()).update(contact); !updated)
        return updated;
    session().contactTouched(contact.id);
    return {};
}

} // namespace rapport::ui
