// A line edit that finds a contact as you type (name, email or handle, through full-text search) and
// remembers which one was chosen.
#pragma once

#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace rapport::ui {

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

signals:
    void contactChosen(qint64 contactId);

private:
    void search(const QString& text);
    void choose(const QString& suggestion);

    DatabaseSession& m_session;
    QCompleter* m_completer = nullptr;
    QStringListModel* m_suggestions = nullptr;
    QHash<QString, qint64> m_idOfSuggestion;
    qint64 m_contactId = 0;
};

} // namespace rapport::ui
