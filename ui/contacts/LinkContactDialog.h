// SPDX-License-Identifier: GPL-3.0-or-later
// Whom a link of the People section goes to — the person who introduced this contact, or someone they
// know — with an optional note ("at PyCon") and day.
#pragma once

#include "core/model/ContactLink.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace rapport::ui {

class ContactPicker;
class DatabaseSession;

class LinkContactDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinkContactDialog)

public:
    // For the contact `contactId`; `kind` says which link is asked for.
    LinkContactDialog(DatabaseSession& session, qint64 contactId, LinkKind kind, QWidget* parent = nullptr);
    ~LinkContactDialog() override;

    // Prefills the dialog with a link already recorded: the other person, its note and day.
    void setLink(qint64 otherId, const LinkDetails& details);
    // Valid after the dialog was accepted.
    qint64 otherId() const;
    LinkDetails details() const;

    void accept() override;

private:
    qint64 m_contactId;
    ContactPicker* m_other = nullptr;
    QLineEdit* m_note = nullptr;
    QCheckBox* m_dated = nullptr;
    QDateEdit* m_date = nullptr;
    QLabel* m_error = nullptr;
};

// The day of a link as the command line records it (`--date 2026-05-01`): 00:00 UTC that day.
qint64 linkDayAt(const QDate& day);
QDate linkDayOf(qint64 occurredAt);

} // namespace rapport::ui
