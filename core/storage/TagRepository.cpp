// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/TagRepository.h"

#include "core/model/DayRange.h"
#include "core/storage/ContactChangeLog.h"

namespace rapport {

namespace {

// Enough to spot a misspelling without a refusal running over many screens.
constexpr qsizetype listedTagsInRefusal = 20;

Status checkTagName(const QString& name)
{
    if (name.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("tag: must not be empty"));
    if (name.contains(QLatin1Char(',')) || name.contains(QLatin1Char('\n')))
        return Error::badInput(QStringLiteral("tag '%1': must not contain commas or line breaks").arg(name));
    return {};
}
} // namespace

Result<qint64> TagRepository::ensure(const QString& name)
{
    if (Status valid = checkTagName(name); !valid)
        return valid.error();
    const QString trimmed = name.trimmed();
    QSqlQuery find = m_db.prepare(QStringLiteral("SELECT id FROM tags WHERE name = ?"));
    find.addBindValue(trimmed);
    if (Status status = Database::run(find); !status)
        return status.error();
    if (find.next())
        return find.value(0).toLongLong();
    QSqlQuery insert = m_db.prepare(QStringLiteral("INSERT INTO tags (name) VALUES (?)"));
    insert.addBindValue(trimmed);
    if (Status status = Database::run(insert); !status)
        return status.error();
    return insert.lastInsertId().toLongLong();
}

Result<QList<Tag>> TagRepository::list() const
{
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT id, name, cadence_days FROM tags ORDER BY name"));
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<Tag> tags;
    while (query.next()) {
        Tag tag{query.value(0).toLongLong(), query.value(1).toString(), std::nullopt};
        if (!query.isNull(2))
            tag.cadenceDays = query.value(2).toDouble();
        tags << tag;
    }
    return tags;
}

Status TagRepository::setCadence(const QString& name, std::optional<double> days)
{
    if (days) {
        if (const QString problem = dayRangeProblem(*days); !problem.isEmpty())
            return Error::badInput(QStringLiteral("tag '%1': cadence %2").arg(name, problem));
    }
    QSqlQuery update = m_db.prepare(QStringLiteral("UPDATE tags SET cadence_days = ? WHERE name = ?"));
    update.addBindValue(days ? QVariant(*days) : QVariant());
    update.addBindValue(name.trimmed());
    if (Status status = Database::run(update); !status)
        return status;
    if (update.numRowsAffected() > 0)
        return {};
    return unknownTag(name);
}

Result<Tag> TagRepository::byName(const QString& name) const
{
    QSqlQuery find = m_db.prepare(QStringLiteral("SELECT id, name, cadence_days FROM tags WHERE name = ?"));
    find.addBindValue(name.trimmed());
    if (Status status = Database::run(find); !status)
        return status.error();
    if (!find.next())
        return unknownTag(name);
    Tag tag{find.value(0).toLongLong(), find.value(1).toString(), std::nullopt};
    if (!find.isNull(2))
        tag.cadenceDays = find.value(2).toDouble();
    return tag;
}

Error TagRepository::unknownTag(const QString& name) const
{
    // A misspelt name must not quietly become a new tag that no contact carries.
    const Result<QList<Tag>> existing = list();
    if (!existing)
        return existing.error();
    if (existing->isEmpty())
        return Error::notFound(QStringLiteral("no tag '%1'; there are no tags yet").arg(name.trimmed()));
    QStringList names;
    for (const Tag& tag : *existing) {
        if (names.size() == listedTagsInRefusal) {
            names << QStringLiteral("… (%1 more)").arg(existing->size() - listedTagsInRefusal);
            break;
        }
        names << tag.name;
    }
    return Error::notFound(
        QStringLiteral("no tag '%1'; tags: %2").arg(name.trimmed(), names.join(QStringLiteral(", "))));
}

Status TagRepository::remove(qint64 id)
{
    QSqlQuery remove = m_db.prepare(QStringLiteral("DELETE FROM tags WHERE id = ?"));
    remove.addBindValue(id);
    return Database::run(remove);
}

Result<QStringList> TagRepository::tagsOf(qint64 contactId) const
{
    QSqlQuery query =
        m_db.prepare(QStringLiteral("SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                                    "WHERE ct.contact_id = ? ORDER BY t.name COLLATE NOCASE"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Status TagRepository::setTagsOf(qint64 contactId, const QStringList& names)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    QSqlQuery clear = m_db.prepare(QStringLiteral("DELETE FROM contact_tags WHERE contact_id = ?"));
    clear.addBindValue(contactId);
    if (Status status = Database::run(clear); !status)
        return status;
    for (const QString& name : names) {
        if (const Result<bool> linked = link(contactId, name); !linked)
            return linked.error();
    }
    return transaction.commit();
}

Result<bool> TagRepository::link(qint64 contactId, const QString& name)
{
    const Result<qint64> tagId = ensure(name);
    if (!tagId)
        return tagId.error();
    QSqlQuery link =
        m_db.prepare(QStringLiteral("INSERT OR IGNORE INTO contact_tags (contact_id, tag_id) VALUES (?, ?)"));
    link.addBindValue(contactId);
    link.addBindValue(*tagId);
    if (Status status = Database::run(link); !status)
        return status.error();
    return link.numRowsAffected() > 0;
}

Status TagRepository::addTag(qint64 contactId, const QString& name)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    const Result<bool> added = link(contactId, name);
    if (!added)
        return added.error();
    if (*added) {
        if (Status recorded =
                ContactChangeLog(m_db).record(contactId, QLatin1String(changed::tag), {}, name.trimmed());
            !recorded)
            return recorded;
    }
    return transaction.commit();
}

Status TagRepository::removeTag(qint64 contactId, const QString& name)
{
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status();
    QSqlQuery unlink = m_db.prepare(QStringLiteral(
        "DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)"));
    unlink.addBindValue(contactId);
    unlink.addBindValue(name.trimmed());
    if (Status status = Database::run(unlink); !status)
        return status;
    if (unlink.numRowsAffected() > 0) {
        if (Status recorded =
                ContactChangeLog(m_db).record(contactId, QLatin1String(changed::tag), name.trimmed(), {});
            !recorded)
            return recorded;
    }
    return transaction.commit();
}

} // namespace rapport
