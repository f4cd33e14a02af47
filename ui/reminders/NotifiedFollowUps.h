// SPDX-License-Identifier: GPL-3.0-or-later
// Which follow-ups this desktop has already reminded of, for one database file. Kept in QSettings, not in
// the database: a shared file is opened on many desktops, and a reminder shown on one must still show on
// a colleague's.
#pragma once

#include "core/model/FollowUp.h"

#include <QList>
#include <QVariantMap>

namespace rapport::ui {

class NotifiedFollowUps
{
public:
    explicit NotifiedFollowUps(const QString& databasePath);

    // A follow-up moved to another day since its reminder is due again.
    bool contains(const FollowUp& followUp) const;
    void insert(const FollowUp& followUp);
    // Forgets the follow-ups no longer in `open` (closed or deleted), so that the list stays short and an
    // id the database hands out again is not taken for one already shown.
    void keepOnly(const QList<FollowUp>& open);

private:
    void save() const;

    QString m_key;
    QVariantMap m_dueAtById; // follow-up id → the due moment it was reminded of
};

} // namespace rapport::ui
