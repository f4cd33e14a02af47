// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ContactLinkRepository.h"

#include "core/base/Clock.h"
#include "core/model/ContactChange.h"
#include "core/storage/ContactChangeLog.h"

#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <utility>

namespace rapport {

namespace {

constexpr char linkColumns[] = "id, contact_id, other_id, kind, note, occurred_at, created_at";

ContactLink linkFrom(const QSqlQuery& row, int first = 0)
{
    ContactLink link;
    link.id = row.value(first).toLongLong();
    link.contactId = row.value(first + 1).toLongLong();
    link.otherId = row.value(first + 2).toLongLong();
    link.kind = parseLinkKind(row.value(first + 3).toString()).value_or(LinkKind::Knows);
    link.details.note = row.value(first + 4).toString();
    if (!row.value(first + 5).isNull())
        link.details.occurredAt = row.value(first + 5).toLongLong();
    link.createdAt = row.value(first + 6).toLongLong();
    return link;
}

// Qt binds a null QString as NULL; the column holds '' for "no note".
QString noteValue(const LinkDetails& details)
{
    const QString note = details.note.trimmed();
    return note.isEmpty() ? QStringLiteral("") : note;
}

QVariant occurredValue(const LinkDetails& details)
{
    return details.occurredAt ? QVariant(*details.occurredAt) : QVariant(QMetaType(QMetaType::LongLong));
}

Error selfLink(qint64 contactId)
{
    return Error::usage(QStringLiteral("contact %1 cannot be linked to itself").arg(contactId));
}

} // namespace

QString ContactLinkRepository::contactText(qint64 id, const QString& name)
{
    return QStringLiteral("#%1 (%2)").arg(id).arg(name);
}

Result<QString> ContactLinkRepository::textOf(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT display_name FROM contacts WHERE id = ?"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return Error::notFound(QStringLiteral("no contact with id %1").arg(contactId));
    return contactText(contactId, query.value(0).toString());
}

Result<PersonLinks> ContactLinkRepository::linksOf(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT l.id, l.contact_id, l.other_id, l.kind, l.note, l.occurred_at, l.created_at, "
                       "c.id, c.display_name FROM contact_links l "
                       "JOIN contacts c ON c.id = CASE WHEN l.contact_id = ? THEN l.other_id "
                       "ELSE l.contact_id END "
                       "WHERE l.contact_id = ? OR l.other_id = ? "
                       "ORDER BY c.display_name COLLATE NOCASE, c.id"));
    // Qt's SQLite driver cannot bind a numbered parameter that occurs more than once.
    for (int i = 0; i < 3; ++i)
        query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    PersonLinks links;
    while (query.next()) {
        LinkedContact linked{linkFrom(query), query.value(7).toLongLong(), query.value(8).toString()};
        if (linked.link.kind == LinkKind::Knows)
            links.knows << std::move(linked);
        else if (linked.link.contactId == contactId)
            links.introducedBy = std::move(linked);
        else
            links.introduced << std::move(linked);
    }
    return links;
}

Result<std::optional<ContactLink>> ContactLinkRepository::introducerOf(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT %1 FROM contact_links WHERE contact_id = ? AND "
                                                  "kind = 'introduced_by'")
                                       .arg(QLatin1String(linkColumns)));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<ContactLink>();
    return std::optional<ContactLink>(linkFrom(query));
}

Result<std::optional<ContactLink>> ContactLinkRepository::knowsLink(qint64 a, qint64 b) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral(
            "SELECT %1 FROM contact_links WHERE contact_id = ? AND other_id = ? AND kind = 'knows'")
            .arg(QLatin1String(linkColumns)));
    query.addBindValue(std::min(a, b));
    query.addBindValue(std::max(a, b));
    if (Status status = Database::run(query); !status)
        return status.error();
    if (!query.next())
        return std::optional<ContactLink>();
    return std::optional<ContactLink>(linkFrom(query));
}

Result<QList<ContactLink>> ContactLinkRepository::allOf(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(
        QStringLiteral("SELECT %1 FROM contact_links WHERE contact_id = ? OR other_id = ? ORDER BY id")
            .arg(QLatin1String(linkColumns)));
    query.addBindValue(contactId);
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ContactLink> links;
    while (query.next())
        links << linkFrom(query);
    return links;
}

Status ContactLinkRepository::insert(const ContactLink& link)
{
    QSqlQuery insert =
        m_db.prepare(QStringLiteral("INSERT INTO contact_links (contact_id, other_id, kind, "
                                    "note, occurred_at, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(link.contactId);
    insert.addBindValue(link.otherId);
    insert.addBindValue(linkKindName(link.kind));
    insert.addBindValue(noteValue(link.details));
    insert.addBindValue(occurredValue(link.details));
    insert.addBindValue(Clock::nowSeconds());
    return Database::run(insert);
}

Status ContactLinkRepository::updateDetails(qint64 linkId, const LinkDetails& details)
{
    QSqlQuery update =
        m_db.prepare(QStringLiteral("UPDATE contact_links SET note = ?, occurred_at = ? WHERE id = ?"));
    update.addBindValue(noteValue(details));
    update.addBindValue(occurredValue(details));
    update.addBindValue(linkId);
    return Database::run(update);
}

Status ContactLinkRepository::remove(const ContactLink& link)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM contact_links WHERE id = ?"));
    remove.addBindValue(link.id);
    return Database::run(remove);
}

Result<std::optional<ContactLink>> ContactLinkRepository::setIntroducer(qint64 contactId, qint64 introducerId,
                                                                        const LinkDetails& details,
                                                                        bool replace)
{
    if (contactId == introducerId)
        return selfLink(contactId);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<QString> introduced = textOf(contactId);
    if (!introduced)
        return introduced.error();
    const Result<QString> introducer = textOf(introducerId);
    if (!introducer)
        return introducer.error();
    // An introduction goes one way: whoever brought the introducer in was not brought in by them.
    const Result<std::optional<ContactLink>> reverse = introducerOf(introducerId);
    if (!reverse)
        return reverse.error();
    if (*reverse && (*reverse)->otherId == contactId)
        return Error::usage(QStringLiteral("%1 was introduced by %2").arg(*introducer, *introduced));
    const Result<std::optional<ContactLink>> current = introducerOf(contactId);
    if (!current)
        return current.error();
    ContactChangeLog changes(m_db);
    if (*current && (*current)->otherId == introducerId) {
        if (Status updated = updateDetails((*current)->id, details); !updated)
            return updated.error();
    } else {
        QString before;
        if (*current) {
            const Result<QString> previous = textOf((*current)->otherId);
            if (!previous)
                return previous.error();
            if (!replace)
                return Error::usage(
                    QStringLiteral("%1 was already introduced by %2 (replace it to change it)")
                        .arg(*introduced, *previous));
            if (Status removed = remove(**current); !removed)
                return removed.error();
            if (Status recorded =
                    changes.record((*current)->otherId, QLatin1String(changed::introduced), *introduced, {});
                !recorded)
                return recorded.error();
            before = *previous;
        }
        if (Status inserted = insert({0, contactId, introducerId, LinkKind::IntroducedBy, details, 0});
            !inserted)
            return inserted.error();
        if (Status recorded =
                changes.record(contactId, QLatin1String(changed::introducedBy), before, *introducer);
            !recorded)
            return recorded.error();
        if (Status recorded =
                changes.record(introducerId, QLatin1String(changed::introduced), {}, *introduced);
            !recorded)
            return recorded.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *current;
}

Result<std::optional<ContactLink>> ContactLinkRepository::removeIntroducer(qint64 contactId)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<std::optional<ContactLink>> current = introducerOf(contactId);
    if (!current)
        return current.error();
    if (!*current)
        return std::optional<ContactLink>();
    const Result<QString> introduced = textOf(contactId);
    if (!introduced)
        return introduced.error();
    const Result<QString> introducer = textOf((*current)->otherId);
    if (!introducer)
        return introducer.error();
    if (Status removed = remove(**current); !removed)
        return removed.error();
    ContactChangeLog changes(m_db);
    if (Status recorded = changes.record(contactId, QLatin1String(changed::introducedBy), *introducer, {});
        !recorded)
        return recorded.error();
    if (Status recorded =
            changes.record((*current)->otherId, QLatin1String(changed::introduced), *introduced, {});
        !recorded)
        return recorded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *current;
}

Status ContactLinkRepository::recordKnows(const ContactLink& link, bool added)
{
    const Result<QString> first = textOf(link.contactId);
    if (!first)
        return first.error();
    const Result<QString> second = textOf(link.otherId);
    if (!second)
        return second.error();
    ContactChangeLog changes(m_db);
    for (const auto& [contactId, other] :
         {std::pair{link.contactId, *second}, std::pair{link.otherId, *first}}) {
        if (Status recorded = added ? changes.record(contactId, QLatin1String(changed::knows), {}, other)
                                    : changes.record(contactId, QLatin1String(changed::knows), other, {});
            !recorded)
            return recorded;
    }
    return {};
}

Result<std::optional<ContactLink>> ContactLinkRepository::addKnows(qint64 a, qint64 b,
                                                                   const LinkDetails& details)
{
    if (a == b)
        return selfLink(a);
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<std::optional<ContactLink>> current = knowsLink(a, b);
    if (!current)
        return current.error();
    if (*current) {
        if (Status updated = updateDetails((*current)->id, details); !updated)
            return updated.error();
    } else {
        const ContactLink link{0, std::min(a, b), std::max(a, b), LinkKind::Knows, details, 0};
        // Names first: a contact that does not exist is "not found", not a foreign-key failure.
        if (Status recorded = recordKnows(link, true); !recorded)
            return recorded.error();
        if (Status inserted = insert(link); !inserted)
            return inserted.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *current;
}

Result<std::optional<ContactLink>> ContactLinkRepository::removeKnows(qint64 a, qint64 b)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    const Result<std::optional<ContactLink>> current = knowsLink(a, b);
    if (!current)
        return current.error();
    if (!*current)
        return std::optional<ContactLink>();
    if (Status removed = remove(**current); !removed)
        return removed.error();
    if (Status recorded = recordKnows(**current, false); !recorded)
        return recorded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *current;
}

Status ContactLinkRepository::restore(const QList<ContactLink>& links)
{
    // OR IGNORE: a link whose id, introducer slot or pair another link took since is left out.
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO contact_links (id, contact_id, other_id, kind, note, occurred_at, created_at) "
        "SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM contacts WHERE id = ?) "
        "AND EXISTS (SELECT 1 FROM contacts WHERE id = ?)"));
    for (const ContactLink& link : links) {
        insert.addBindValue(link.id);
        insert.addBindValue(link.contactId);
        insert.addBindValue(link.otherId);
        insert.addBindValue(linkKindName(link.kind));
        insert.addBindValue(noteValue(link.details));
        insert.addBindValue(occurredValue(link.details));
        insert.addBindValue(link.createdAt);
        insert.addBindValue(link.contactId);
        insert.addBindValue(link.otherId);
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

Status ContactLinkRepository::carryOver(qint64 keepId, const QList<qint64>& mergedIds,
                                        const QList<ContactLink>& links)
{
    const auto kept = [&](qint64 id) {
        return mergedIds.contains(id) ? keepId : id;
    };
    QList<ContactLink> moved;
    for (const ContactLink& link : links) {
        ContactLink copy = link;
        copy.contactId = kept(link.contactId);
        copy.otherId = kept(link.otherId);
        if (copy.contactId == copy.otherId)
            continue;
        if (copy.kind == LinkKind::Knows && copy.contactId > copy.otherId)
            std::swap(copy.contactId, copy.otherId);
        moved << copy;
    }
    // The kept contact's links come first in `links` (its snapshot is the first), so its own introducer
    // is the one the unique index keeps.
    return restore(moved);
}

Result<QList<Connector>> ContactLinkRepository::topConnectors(std::optional<qint64> ownerId,
                                                              std::optional<qint64> tagId, int limit) const
{
    QString sql = QStringLiteral("SELECT introducer.id, introducer.display_name, count(*) AS introduced "
                                 "FROM contact_links l "
                                 "JOIN contacts person ON person.id = l.contact_id "
                                 "JOIN contacts introducer ON introducer.id = l.other_id "
                                 "WHERE l.kind = 'introduced_by' AND person.archived = 0");
    if (ownerId)
        sql += QStringLiteral(" AND coalesce(person.owner_id, 0) = :owner");
    if (tagId)
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM contact_tags t WHERE t.contact_id = person.id "
                              "AND t.tag_id = :tag)");
    sql += QStringLiteral(" GROUP BY introducer.id "
                          "ORDER BY introduced DESC, introducer.display_name COLLATE NOCASE, introducer.id "
                          "LIMIT :limit");
    QSqlQuery query = m_db.prepare(sql);
    if (ownerId)
        query.bindValue(QStringLiteral(":owner"), *ownerId);
    if (tagId)
        query.bindValue(QStringLiteral(":tag"), *tagId);
    query.bindValue(QStringLiteral(":limit"), limit);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<Connector> connectors;
    while (query.next())
        connectors << Connector{query.value(0).toLongLong(), query.value(1).toString(),
                                query.value(2).toInt()};
    return connectors;
}

Status ContactLinkRepository::eraseMentions(qint64 contactId)
{
    // contactText() starts with "#id (": the space keeps #12 from matching #123.
    QSqlQuery erase =
        m_db.prepare(QStringLiteral("DELETE FROM contact_changes WHERE (field = ? OR field = ? OR field = ?) "
                                    "AND (substr(old_value, 1, ?) = ? OR substr(new_value, 1, ?) = ?)"));
    erase.addBindValue(QLatin1String(changed::introducedBy));
    erase.addBindValue(QLatin1String(changed::introduced));
    erase.addBindValue(QLatin1String(changed::knows));
    const QString prefix = QStringLiteral("#%1 (").arg(contactId);
    for (int i = 0; i < 2; ++i) {
        erase.addBindValue(prefix.size());
        erase.addBindValue(prefix);
    }
    return Database::run(erase);
}

} // namespace rapport
