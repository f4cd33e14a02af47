// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ReachOutHoldRepository.h"

#include "core/base/IsoTime.h"

namespace rapport {

namespace {

ReachOutHold holdFrom(const QSqlQuery& query)
{
    ReachOutHold hold;
    hold.contactId = query.value(0).toLongLong();
    if (!query.isNull(1))
        hold.until = query.value(1).toLongLong();
    hold.createdAt = query.value(2).toLongLong();
    return hold;
}

} // namespace

Status ReachOutHoldRepository::snooze(qint64 contactId, qint64 until, qint64 now)
{
    if (until <= now)
        return Error::badInput(
            QStringLiteral("snooze until %1: that is not in the future").arg(formatIsoMoment(until)));
    return write({contactId, until, now});
}

Status ReachOutHoldRepository::dismiss(qint64 contactId, qint64 now)
{
    return write({contactId, std::nullopt, now});
}

Status ReachOutHoldRepository::restore(const ReachOutHold& hold)
{
    return write(hold);
}

Status ReachOutHoldRepository::write(const ReachOutHold& hold)
{
    QSqlQuery upsert = m_db.prepare(
        QStringLiteral("INSERT INTO reach_out_holds (contact_id, until_at, created_at) VALUES (?, ?, ?)"
                       " ON CONFLICT (contact_id) DO UPDATE SET until_at = excluded.until_at,"
                       " created_at = excluded.created_at"));
    upsert.addBindValue(hold.contactId);
    upsert.addBindValue(hold.until ? QVariant(*hold.until) : QVariant());
    upsert.addBindValue(hold.createdAt);
    return Database::run(upsert);
}

Result<bool> ReachOutHoldRepository::lift(qint64 contactId)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM reach_out_holds WHERE contact_id = ?"));
    remove.addBindValue(contactId);
    if (Status status = Database::run(remove); !status)
        return status.error();
    return remove.numRowsAffected() > 0;
}

Result<std::optional<ReachOutHold>> ReachOutHoldRepository::of(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT contact_id, until_at, created_at FROM reach_out_holds WHERE contact_id = ?"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<ReachOutHold>();
    return std::optional<ReachOutHold>(holdFrom(query));
}

Result<QHash<qint64, ReachOutHold>> ReachOutHoldRepository::all() const
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT contact_id, until_at, created_at FROM reach_out_holds"));
    if (Status status = Database::run(query); !status)
        return status.error();
    QHash<qint64, ReachOutHold> holds;
    while (query.next()) {
        const ReachOutHold hold = holdFrom(query);
        holds.insert(hold.contactId, hold);
    }
    return holds;
}

} // namespace rapport
