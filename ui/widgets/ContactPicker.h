// SPDX-License-Identifier: GPL-3.0-or-later
// A line edit that finds a contact as you type (name, email or handle, through full-text search, once
// typing pauses) and remembers which one was chosen by its id.
#pragma once

#include <QLineEdit>

class QCompleter;
class QTimer;

namespace rapport::ui {

class ContactSuggestionModel;
class DatabaseSession;

class ContactPicker : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactPicker)

public:
    explicit ContactPicker(DatabaseSession& session, QWidget* parent = nullptr);
    ~ContactPicker() override;

    qint64 contactId() const { return m_contactId; }
    void setContact(qint64 contactId);
    ContactSuggestionModel* suggestions() const { return m_suggestions; }
    // Searches for the text now instead of after the typing pause.
    void searchNow();

signals:
    void contactChosen(qint64 contactId);

private:
    void choose(const QModelIndex& suggestion);

    DatabaseSession& m_session;
    QCompleter* m_completer = nullptr;
    ContactSuggestionModel* m_suggestions = nullptr;
    QTimer* m_searchDelay = nullptr;
    qint64 m_contactId = 0;
};

} // namespace rapport::ui
