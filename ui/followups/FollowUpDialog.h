// SPDX-License-Identifier: GPL-3.0-or-later
// A follow-up to add: for whom, what to do, by when, whether it keeps a promise (ours or theirs), and
// which team member owns it. The due date is a day; quick buttons set it a few days or weeks ahead.
#pragma once

#include "core/model/FollowUp.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace rapport::ui {

class ContactPicker;
class DatabaseSession;

class FollowUpDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpDialog)

public:
    // `contactId` preselects a contact; 0 starts with the picker focused. `text` prefills what to do.
    FollowUpDialog(DatabaseSession& session, qint64 contactId, const QString& text = {},
                   QWidget* parent = nullptr);
    ~FollowUpDialog() override;

    // Valid after the dialog was accepted.
    FollowUp followUp() const;
    void setDueInDays(int days);

    void accept() override;

private:
    DatabaseSession& m_session;
    ContactPicker* m_contact = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_text = nullptr;
    QDateEdit* m_due = nullptr;
    QComboBox* m_owner = nullptr;
    QLabel* m_error = nullptr;
};

// The start of the local day `date`: a follow-up due that day is due from its morning.
qint64 followUpDueAt(const QDate& date);
// The due day as every screen shows it: the local short date.
QString followUpDayText(qint64 dueAt);
// What a follow-up of a conversation is about when nobody wrote it: "Follow up on “summary”".
QString followUpOnText(const QString& summary);

} // namespace rapport::ui
