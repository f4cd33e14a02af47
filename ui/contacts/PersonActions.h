// SPDX-License-Identifier: GPL-3.0-or-later
// Relationship > Export this person… and Forget this person…: a person's right to take and to erase what
// is kept about them, from the desktop app (the work is core's PersonData).
#pragma once

#include "core/base/Result.h"

#include <QString>

class QWidget;

namespace rapport::ui {

class DatabaseSession;

class PersonActions
{
public:
    PersonActions(DatabaseSession& session, QWidget* parent)
        : m_session(session)
        , m_parent(parent)
    {}

    // Asks where, then writes the person's JSON document; the status-bar message, empty when cancelled.
    QString exportPerson(qint64 contactId);
    Result<QString> writePerson(qint64 contactId, const QString& path);
    // Asks for a confirmation naming what will be erased, then forgets; the message, empty when cancelled.
    QString forgetPerson(qint64 contactId);
    // Erases the person for good. The undo history goes too: its commands could bring them back.
    Result<QString> forget(qint64 contactId);

private:
    DatabaseSession& m_session;
    QWidget* m_parent;
};

} // namespace rapport::ui
