// SPDX-License-Identifier: GPL-3.0-or-later
// Log a conversation: who, through which channel, who reached out, when and what about. Built for
// speed: type a name, pick it, Enter saves.
#pragma once

#include "core/model/FollowUp.h"
#include "core/model/Interaction.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QFormLayout;
class QLayout;
class QLabel;
class QLineEdit;

namespace rapport::ui {

class ContactPicker;
class DateTimeField;
class DatabaseSession;

class LogConversationDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogConversationDialog)

public:
    // `contactId` preselects a contact (from its page); 0 starts with the picker focused.
    LogConversationDialog(DatabaseSession& session, qint64 contactId, QWidget* parent = nullptr);
    ~LogConversationDialog() override;

    // Turns the dialog into an editor of a logged conversation, prefilled with it.
    void editInteraction(const Interaction& interaction);
    // The conversation as entered; valid after the dialog was accepted. When editing, it keeps the
    // edited conversation's id, body and author.
    Interaction interaction() const;
    // The follow-up asked for with "Follow up: in 2 weeks", due that many days after today, owned by the
    // "I am" member, else the contact's owner; none when not asked for, or when editing.
    std::optional<FollowUp> followUp() const;

    void accept() override;

private:
    // A new conversation starts on the channel of the last one with that person (Email with a stranger).
    void useUsualChannel(qint64 contactId);

    DatabaseSession& m_session;
    ContactPicker* m_contact = nullptr;
    QComboBox* m_channel = nullptr;
    QComboBox* m_direction = nullptr;
    DateTimeField* m_when = nullptr;
    QLineEdit* m_summary = nullptr;
    QComboBox* m_followUpIn = nullptr;
    QLineEdit* m_followUpText = nullptr;
    QFormLayout* m_form = nullptr;
    QLayout* m_followUpRow = nullptr;
    QLabel* m_error = nullptr;
    std::optional<Interaction> m_editing;
};

} // namespace rapport::ui
