// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/DistinctContactRepository.h"

#include "core/base/Clock.h"

#include <QSqlQuery>

namespace rapport {

Status DistinctContactRepository::mark(qint64 a, qint64 b)
{
    if (a == b)
        return Error::usage(QStringLiteral("contact %1 cannot be marked distinct from itself").arg(a));
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    const ContactPair pair = pairOf(a, b);
    QSqlQuery exists = m_db.prepare(QStringLiteral("SELECT id FROM contacts WHERE id IN (?, ?)"));
    exists.addBindValue(pair.first);
    exists.addBindValue(pair.second);
    if (Status status = Database::run(exists); !status)
        return status;
    QSet<qint64> found;
    while (exists.next())
        found.insert(exists.value(0).toLongLong());
    for (const qint64 id : {pair.first, pair.second}) {
        if (!found.contains(id))
            return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
    }
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO distinct_contacts (first_id, second_id, marked_at) VALUES (?, ?, ?)"));
    insert.addBindValue(pair.first);
    insert.addBindValue(pair.second);
    insert.addBindValue(Clock::nowSeconds());
    if (Status status = Database::run(insert); !status)
        return status;
    return transaction.commit();
}

Status DistinctContactRepository::unmark(qint64 a, qint64 b)
{
    const ContactPair pair = pairOf(a, b);
    QSqlQuery remove =
        m_db.prepare(QStringLiteral("DELETE FROM distinct_contacts WHERE first_id = ? AND second_id = ?"));
    remove.addBindValue(pair.first);
    remove.addBindValue(pair.second);
    return Database::run(remove);
}

Result<QSet<ContactPair>> DistinctContactRepository::all() const
{
    QSqlQuery rows = m_db.prepare(QStringLiteral("SELECT first_id, second_id FROM distinct_contacts"));
    if (Status status = Database::run(rows); !status)
        return status.error();
    QSet<ContactPair> pairs;
    while (rows.next())
        pairs.insert({rows.value(0).toLongLong(), rows.value(1).toLongLong()});
    return pairs;
}

Result<QList<qint64>> DistinctContactRepository::distinctFrom(qint64 contactId) const
{
    QSqlQuery rows =
        m_db.prepare(QStringLiteral("SELECT second_id FROM distinct_contacts WHERE first_id = ? UNION "
                                    "SELECT first_id FROM distinct_contacts WHERE second_id = ? ORDER BY 1"));
    rows.addBindValue(contactId);
    rows.addBindValue(contactId);
    if (Status status = Database::run(rows); !status)
        return status.error();
    QList<qint64> others;
    while (rows.next())
        others << rows.value(0).toLongLong();
    return others;
}

Status DistinctContactRepository::restore(qint64 contactId, const QList<qint64>& others)
{
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO distinct_contacts (first_id, second_id, marked_at)"
                                    " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?)"));
    for (const qint64 other : others) {
        const ContactPair pair = pairOf(contactId, other);
        insert.addBindValue(pair.first);
        insert.addBindValue(pair.second);
        insert.addBindValue(Clock::nowSeconds());
        insert.addBindValue(other);
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

} // namespace rapport
