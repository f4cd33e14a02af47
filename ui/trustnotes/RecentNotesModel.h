// SPDX-License-Identifier: GPL-3.0-or-later
// The newest trust notes across all contacts, optionally of one kind, as a table.
#pragma once

#include "core/storage/TrustNoteRepository.h"

#include <QAbstractTableModel>
#include <optional>

namespace rapport::ui {

class DatabaseSession;

class RecentNotesModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentNotesModel)

public:
    enum Column
    {
        WhenColumn,
        ContactColumn,
        KindColumn,
        LevelColumn,
        AuthorColumn,
        TextColumn,
        ColumnCount
    };
    static constexpr int ContactIdRole = Qt::UserRole + 1;
    // How many notes the view lists; enough for a weekly review, bounded for 100k-note databases.
    static constexpr int shownNotes = 500;

    explicit RecentNotesModel(DatabaseSession& session, QObject* parent = nullptr);
    ~RecentNotesModel() override;

    void setKind(std::optional<TrustKind> kind);
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    DatabaseSession& m_session;
    std::optional<TrustKind> m_kind;
    QList<ListedTrustNote> m_notes;
};

} // namespace rapport::ui
