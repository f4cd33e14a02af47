// SPDX-License-Identifier: GPL-3.0-or-later
// The People section of a contact page: who introduced the contact, whom they introduced and whom they
// know, each person a link to their page with a ✕ that removes the link, and buttons that record an
// introducer or an acquaintance. Every change is one step on the undo stack.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace rapport::ui {

class DatabaseSession;

class PeopleSection : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleSection)

public:
    explicit PeopleSection(DatabaseSession& session, QWidget* parent = nullptr);
    ~PeopleSection() override;

    // Reads the contact's links again.
    void showContact(qint64 contactId);
    QString text() const;
    QPushButton* introducerButton() const { return m_introducer; }
    QPushButton* knowsButton() const { return m_knows; }

signals:
    void contactLinkActivated(qint64 contactId);

private:
    void follow(const QString& link);

    DatabaseSession& m_session;
    qint64 m_contactId = 0;
    QLabel* m_links = nullptr;
    QPushButton* m_introducer = nullptr;
    QPushButton* m_knows = nullptr;
};

} // namespace rapport::ui
