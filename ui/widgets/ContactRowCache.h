// SPDX-License-Identifier: GPL-3.0-or-later
// The names and details of the contacts a list model shows, read in batches around the row a view asks
// for, so that painting one screen of a 100k-row list reads about one batch.
#pragma once

#include "core/storage/ContactDirectory.h"

#include <QHash>
#include <QString>
#include <functional>

namespace rapport::ui {

class DatabaseSession;

class ContactRowCache
{
public:
    // `failureText` is the message of a failed read, with %1 for the database's reason.
    ContactRowCache(DatabaseSession& session, QString failureText);

    // The details of the contact at `row` of a list of `count` rows whose ids `contactAt` gives; nullptr
    // when they could not be read. A failure is reported once, not once per cell a view paints.
    const ContactRow* row(int row, int count, const std::function<qint64(int)>& contactAt);
    void clear() { m_rows.clear(); }
    void forget(qint64 contactId) { m_rows.remove(contactId); }

private:
    DatabaseSession& m_session;
    QString m_failureText;
    QHash<qint64, ContactRow> m_rows;
    bool m_unreadable = false; // the last read failed, and that was reported
};

} // namespace rapport::ui
