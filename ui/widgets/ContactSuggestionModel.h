// SPDX-License-Identifier: GPL-3.0-or-later
// The contacts a picker suggests for what was typed, with their ids: two people with the same name
// stay apart, each shown with what tells them apart (organization, email).
#pragma once

#include "core/base/Result.h"

#include <QAbstractListModel>
#include <QList>

namespace rapport::ui {

class DatabaseSession;

class ContactSuggestionModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactSuggestionModel)

public:
    enum Role
    {
        ContactIdRole = Qt::UserRole + 1
    };

    explicit ContactSuggestionModel(DatabaseSession& session, QObject* parent = nullptr);
    ~ContactSuggestionModel() override;

    // The best `limit` matches of the full-text search for `text`, best first.
    Status search(const QString& text, int limit);
    // The line a contact is shown as: "Name — Organization · email", with "#id" only when two
    // suggestions would otherwise read the same.
    Result<QString> describe(qint64 contactId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    // DisplayRole and EditRole: the description; ContactIdRole: the id.
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Suggestion
    {
        qint64 contactId = 0;
        QString text;
    };

    DatabaseSession& m_session;
    QList<Suggestion> m_suggestions;
};

} // namespace rapport::ui
