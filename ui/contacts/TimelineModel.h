// SPDX-License-Identifier: GPL-3.0-or-later
// One contact's conversations, trust notes and changes to their record, newest first, as a list; each
// kind can be hidden.
#pragma once

#include "core/model/ContactChange.h"
#include "core/model/Interaction.h"
#include "core/model/TrustNote.h"

#include <QAbstractListModel>
#include <QSet>
#include <variant>

namespace rapport::ui {

class DatabaseSession;

class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    using Entry = std::variant<Interaction, TrustNote, ContactChange>;
    // The index of each kind in Entry.
    enum class Kind
    {
        Conversation = 0,
        TrustNote,
        Change
    };
    enum Role
    {
        IsInteractionRole = Qt::UserRole + 1,
        KindRole // Kind as an int
    };

    explicit TimelineModel(DatabaseSession& session, QObject* parent = nullptr);
    ~TimelineModel() override;

    void setContact(qint64 contactId);
    qint64 contactId() const { return m_contactId; }
    const Entry* entryAt(int row) const;
    // Every kind is shown at first.
    void setKindShown(Kind kind, bool shown);
    bool isKindShown(Kind kind) const { return !m_hidden.contains(static_cast<int>(kind)); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void reload();
    QVariant changeData(const ContactChange& change, int role) const;
    static QString changeSourceLabel(ChangeSource source);

    DatabaseSession& m_session;
    qint64 m_contactId = 0;
    QSet<int> m_hidden; // Kind values
    QList<Entry> m_entries;
};

} // namespace rapport::ui
