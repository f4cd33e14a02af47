// SPDX-License-Identifier: GPL-3.0-or-later
// One contact's conversations and trust notes, newest first, as a list.
#pragma once

#include "core/model/Interaction.h"
#include "core/model/TrustNote.h"

#include <QAbstractListModel>
#include <variant>

namespace rapport::ui {

class DatabaseSession;

class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    using Entry = std::variant<Interaction, TrustNote>;
    enum Role
    {
        IsInteractionRole = Qt::UserRole + 1
    };

    explicit TimelineModel(DatabaseSession& session, QObject* parent = nullptr);
    ~TimelineModel() override;

    void setContact(qint64 contactId);
    qint64 contactId() const { return m_contactId; }
    const Entry* entryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void reload();

    DatabaseSession& m_session;
    qint64 m_contactId = 0;
    QList<Entry> m_entries;
};

} // namespace rapport::ui
