// SPDX-License-Identifier: GPL-3.0-or-later
// Recording and removing introductions and acquaintances from the desktop app — the People section's
// buttons and ✕, and the Relationship menu: each asks what it needs and pushes one undoable step.
#pragma once

#include <QString>

class QWidget;

namespace rapport::ui {

class DatabaseSession;

class LinkActions
{
public:
    LinkActions(DatabaseSession& session, QWidget* parent)
        : m_session(session)
        , m_parent(parent)
    {}

    // Asks who introduced the contact (prefilled with the introducer recorded, if any) and records it,
    // replacing the one before. Returns whether something was recorded.
    bool chooseIntroducer(qint64 contactId);
    // Asks whom the contact knows and records it.
    bool chooseAcquaintance(qint64 contactId);
    bool removeIntroducer(qint64 contactId);
    bool removeKnows(qint64 contactId, qint64 otherId);

private:
    QString nameOf(qint64 contactId) const;

    DatabaseSession& m_session;
    QWidget* m_parent;
};

} // namespace rapport::ui
