// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ContactUidRepository.h"

#include <QSqlQuery>

namespace rapport {

Result<std::optional<qint64>> ContactUidRepository::find(const QString& uid) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT contact_id FROM contact_uids WHERE uid = ?"));
    query.addBindValue(uid);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<qint64>();
    return std::optional<qint64>(query.value(0).toLongLong());
}

Result<QStringList> ContactUidRepository::uidsOf(qint64 contactId) const
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT uid FROM contact_uids WHERE contact_id = ? ORDER BY rowid"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QStringList uids;
    while (query.next())
        uids << query.value(0).toString();
    return uids;
}

Status ContactUidRepository::add(qint64 contactId, const QString& uid)
{
    const Result<std::optional<qint64>> owner = find(uid);
    if (!owner)
        return owner.error();
    if (owner->has_value()) {
        if (**owner == contactId)
            return {};
        return Error::badInput(QStringLiteral("UID %1 belongs to contact %2").arg(uid).arg(**owner));
    }
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO contact_uids (uid, contact_id) VALUES (?, ?)"));
    insert.addBindValue(uid);
    insert.addBindValue(contactId);
    return Database::run(insert);
}

} // namespace rapport
