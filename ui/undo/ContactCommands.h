// SPDX-License-Identifier: GPL-3.0-or-later
// Undoable changes to one contact: creating one and editing one.
#pragma once

#include "core/model/Contact.h"
#include "core/storage/Database.h"
#include "ui/undo/DatabaseCommand.h"

namespace rapport::ui {

class CreateContactCommand : public DatabaseCommand
{
public:
    CreateContactCommand(DatabaseSession& session, const Contact& contact);
    // Known once the contact is written; undo and redo keep it.
    qint64 contactId() const { return m_contact.id; }

protected:
    Status apply() override;
    Status revert() override;

private:
    Contact m_contact;
};

class EditContactCommand : public DatabaseCommand
{
public:
    EditContactCommand(DatabaseSession& session, const Contact& before, const Contact& after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Status write(const Contact& contact);

    Contact m_before;
    Contact m_after;
};

// A deleted contact comes back under its own id, but SQLite gives the id of the newest contact to the
// next one created once it is deleted: fails, naming the contact, when the id is taken.
Status checkContactIdFree(Database& db, const Contact& contact);

} // namespace rapport::ui
