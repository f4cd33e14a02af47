// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/TagMerge.h"

#include "core/model/ContactChange.h"
#include "core/storage/ContactChangeLog.h"
#include "core/storage/TagRepository.h"

#include <QSet>

namespace rapport {

namespace {

Result<QList<qint64>> carriersOf(Database& db, qint64 tagId)
{
    QSqlQuery query = db.prepare(QStringLiteral("SELECT contact_id FROM contact_tags WHERE tag_id = ?"
                                                " ORDER BY contact_id"));
    query.addBindValue(tagId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<qint64> contacts;
    while (query.next())
        contacts << query.value(0).toLongLong();
    return contacts;
}

Status tagContact(Database& db, qint64 contactId, qint64 tagId)
{
    QSqlQuery link =
        db.prepare(QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)"));
    link.addBindValue(contactId);
    link.addBindValue(tagId);
    return Database::run(link);
}

Status setCadence(Database& db, qint64 tagId, std::optional<double> days)
{
    QSqlQuery update = db.prepare(QStringLiteral("UPDATE tags SET cadence_days = ? WHERE id = ?"));
    update.addBindValue(days ? QVariant(*days) : QVariant());
    update.addBindValue(tagId);
    return Database::run(update);
}

} // namespace

Result<TagMergeSnapshot> TagMerge::merge(const QString& keep, const QStringList& others)
{
    if (others.isEmpty())
        return Error::usage(QStringLiteral("merging tags needs the tag to keep and at least one other"));
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    TagRepository tags(m_db);
    Result<Tag> kept = tags.byName(keep);
    if (!kept)
        return kept.error();
    TagMergeSnapshot snapshot;
    snapshot.kept = *kept;
    QSet<qint64> seen{kept->id};
    for (const QString& name : others) {
        Result<Tag> other = tags.byName(name);
        if (!other)
            return other.error();
        if (seen.contains(other->id))
            return Error::usage(QStringLiteral("tag '%1' is named twice").arg(other->name));
        seen.insert(other->id);
        snapshot.merged << *other;
    }

    Result<QList<qint64>> keptCarriers = carriersOf(m_db, kept->id);
    if (!keptCarriers)
        return keptCarriers.error();
    QSet<qint64> carryingKept(keptCarriers->cbegin(), keptCarriers->cend());
    std::optional<double> cadence = kept->cadenceDays;
    ContactChangeLog changes(m_db);
    for (const Tag& other : std::as_const(snapshot.merged)) {
        Result<QList<qint64>> carriers = carriersOf(m_db, other.id);
        if (!carriers)
            return carriers.error();
        for (const qint64 contactId : std::as_const(*carriers)) {
            // In the contact's history the other spelling becomes the kept one, or just goes when the
            // contact carried both.
            const bool hadKept = carryingKept.contains(contactId);
            if (Status recorded = changes.record(contactId, QLatin1String(changed::tag), other.name,
                                                 hadKept ? QString() : kept->name);
                !recorded)
                return recorded.error();
            if (hadKept)
                continue;
            if (Status tagged = tagContact(m_db, contactId, kept->id); !tagged)
                return tagged.error();
            carryingKept.insert(contactId);
            snapshot.newlyTagged << contactId;
        }
        snapshot.carriers.insert(other.id, *carriers);
        if (!cadence)
            cadence = other.cadenceDays;
        // Unlinked before the tag goes, so that the rollup's triggers see each row leave.
        QSqlQuery unlink = m_db.prepare(QStringLiteral("DELETE FROM contact_tags WHERE tag_id = ?"));
        unlink.addBindValue(other.id);
        if (Status status = Database::run(unlink); !status)
            return status.error();
        if (Status removed = tags.remove(other.id); !removed)
            return removed.error();
    }
    snapshot.carryingAfter = carryingKept.size();
    if (cadence != kept->cadenceDays) {
        if (Status status = setCadence(m_db, kept->id, cadence); !status)
            return status.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return snapshot;
}

Status TagMerge::unmerge(const TagMergeSnapshot& before)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    ContactChangeLog changes(m_db);
    const QSet<qint64> newlyTagged(before.newlyTagged.cbegin(), before.newlyTagged.cend());
    for (const Tag& tag : before.merged) {
        QSqlQuery insert =
            m_db.prepare(QStringLiteral("INSERT INTO tags (id, name, cadence_days) VALUES (?, ?, ?)"));
        insert.addBindValue(tag.id);
        insert.addBindValue(tag.name);
        insert.addBindValue(tag.cadenceDays ? QVariant(*tag.cadenceDays) : QVariant());
        if (Status status = Database::run(insert); !status)
            return status;
        for (const qint64 contactId : before.carriers.value(tag.id)) {
            if (Status tagged = tagContact(m_db, contactId, tag.id); !tagged)
                return tagged;
            if (Status recorded =
                    changes.record(contactId, QLatin1String(changed::tag),
                                   newlyTagged.contains(contactId) ? before.kept.name : QString(), tag.name);
                !recorded)
                return recorded;
        }
    }
    for (const qint64 contactId : before.newlyTagged) {
        QSqlQuery unlink =
            m_db.prepare(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = ?"));
        unlink.addBindValue(contactId);
        unlink.addBindValue(before.kept.id);
        if (Status status = Database::run(unlink); !status)
            return status;
    }
    if (Status status = setCadence(m_db, before.kept.id, before.kept.cadenceDays); !status)
        return status;
    return transaction.commit();
}

} // namespace rapport
