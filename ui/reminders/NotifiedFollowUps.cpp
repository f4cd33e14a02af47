// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/reminders/NotifiedFollowUps.h"

#include <QFileInfo>
#include <QSet>
#include <QSettings>

namespace rapport::ui {

namespace {

const QString notifiedKey = QStringLiteral("reminders/notified");

} // namespace

NotifiedFollowUps::NotifiedFollowUps(const QString& databasePath)
    // By the file's absolute path, as DatabaseSession keeps who the user is.
    : m_key(QFileInfo(databasePath).absoluteFilePath())
    , m_dueAtById(QSettings().value(notifiedKey).toMap().value(m_key).toMap())
{}

bool NotifiedFollowUps::contains(const FollowUp& followUp) const
{
    const auto found = m_dueAtById.constFind(QString::number(followUp.id));
    return found != m_dueAtById.constEnd() && found->toLongLong() == followUp.dueAt;
}

void NotifiedFollowUps::insert(const FollowUp& followUp)
{
    m_dueAtById.insert(QString::number(followUp.id), followUp.dueAt);
    save();
}

void NotifiedFollowUps::keepOnly(const QList<FollowUp>& open)
{
    QSet<QString> openIds;
    for (const FollowUp& followUp : open)
        openIds.insert(QString::number(followUp.id));
    bool changed = false;
    for (auto it = m_dueAtById.begin(); it != m_dueAtById.end();) {
        if (openIds.contains(it.key())) {
            ++it;
        } else {
            it = m_dueAtById.erase(it);
            changed = true;
        }
    }
    if (changed)
        save();
}

void NotifiedFollowUps::save() const
{
    QSettings settings;
    QVariantMap databases = settings.value(notifiedKey).toMap();
    if (m_dueAtById.isEmpty())
        databases.remove(m_key);
    else
        databases.insert(m_key, m_dueAtById);
    settings.setValue(notifiedKey, databases);
}

} // namespace rapport::ui
