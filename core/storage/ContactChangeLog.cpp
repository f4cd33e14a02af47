// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/ContactChangeLog.h"

#include "core/base/Clock.h"

#include <QHash>
#include <QSet>
#include <array>
#include <tuple>

namespace rapport {

namespace {

using MethodKey = std::pair<QString, QString>; // kind, normalized value

MethodKey keyOf(const ContactMethod& method)
{
    return {methodKindName(method.kind), normalizeMethodValue(method.kind, method.value)};
}

} // namespace

QString ContactChangeLog::methodText(const ContactMethod& method)
{
    const QString value = method.value.trimmed();
    const QString label = method.label.trimmed();
    return label.isEmpty() ? value : QStringLiteral("%1 (%2)").arg(value, label);
}

QString ContactChangeLog::cadenceText(const std::optional<double>& days)
{
    return days ? QString::number(*days, 'g', 12) : QString();
}

QString ContactChangeLog::flagText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

Result<QString> ContactChangeLog::ownerText(const std::optional<qint64>& ownerId) const
{
    if (!ownerId)
        return QString();
    QSqlQuery member = m_db.prepare(QStringLiteral("SELECT name FROM team_members WHERE id = ?"));
    member.addBindValue(*ownerId);
    if (Status status = Database::run(member); !status)
        return status.error();
    // A member the write was refused for never reaches here; one removed since has no name to keep.
    return member.next() ? member.value(0).toString() : QStringLiteral("#%1").arg(*ownerId);
}

Status ContactChangeLog::record(qint64 contactId, const QString& field, const QString& oldValue,
                                const QString& newValue)
{
    const ChangeAttribution& attribution = m_db.changeAttribution();
    QSqlQuery insert = m_db.prepare(
        QStringLiteral("INSERT INTO contact_changes (contact_id, changed_at, author_id, field, old_value,"
                       " new_value, source) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(contactId);
    insert.addBindValue(Clock::nowSeconds());
    insert.addBindValue(attribution.authorId ? QVariant(*attribution.authorId) : QVariant());
    insert.addBindValue(field);
    insert.addBindValue(textValue(oldValue));
    insert.addBindValue(textValue(newValue));
    insert.addBindValue(changeSourceName(attribution.source));
    return Database::run(insert);
}

Status ContactChangeLog::recordDifferences(const Contact& before, const Contact& after)
{
    const qint64 id = after.id;
    const std::array<std::tuple<const char*, QString, QString>, 7> fields{{
        {"display_name", before.displayName, after.displayName},
        {"given_name", before.givenName, after.givenName},
        {"family_name", before.familyName, after.familyName},
        {"organization", before.organization, after.organization},
        {"title", before.title, after.title},
        {"cadence_days", cadenceText(before.cadenceDays), cadenceText(after.cadenceDays)},
        {"archived", flagText(before.archived), flagText(after.archived)},
    }};
    for (const auto& [name, oldValue, newValue] : fields) {
        if (oldValue == newValue)
            continue;
        if (Status recorded = record(id, QLatin1String(name), oldValue, newValue); !recorded)
            return recorded;
    }
    if (before.ownerId != after.ownerId) {
        const Result<QString> oldOwner = ownerText(before.ownerId);
        const Result<QString> newOwner = ownerText(after.ownerId);
        if (!oldOwner || !newOwner)
            return !oldOwner ? oldOwner.error() : newOwner.error();
        if (Status recorded = record(id, QStringLiteral("owner"), *oldOwner, *newOwner); !recorded)
            return recorded;
    }

    QHash<MethodKey, QString> kept;
    for (const ContactMethod& method : after.methods)
        kept.insert(keyOf(method), methodText(method));
    QSet<MethodKey> had;
    for (const ContactMethod& method : before.methods) {
        const MethodKey key = keyOf(method);
        had.insert(key);
        const QString text = methodText(method);
        const auto now = kept.constFind(key);
        const QString newText = now == kept.cend() ? QString() : *now;
        if (newText != text) {
            if (Status recorded = record(id, key.first, text, newText); !recorded)
                return recorded;
        }
    }
    for (const ContactMethod& method : after.methods) {
        const MethodKey key = keyOf(method);
        if (had.contains(key))
            continue;
        had.insert(key);
        if (Status recorded = record(id, key.first, {}, methodText(method)); !recorded)
            return recorded;
    }

    // Tag names are case-insensitive: "Press" and "press" are one tag.
    QSet<QString> oldTags;
    for (const QString& tag : before.tags)
        oldTags.insert(tag.toCaseFolded());
    QSet<QString> newTags;
    for (const QString& tag : after.tags)
        newTags.insert(tag.toCaseFolded());
    for (const QString& tag : before.tags) {
        if (!newTags.contains(tag.toCaseFolded())) {
            if (Status recorded = record(id, QLatin1String(changed::tag), tag, {}); !recorded)
                return recorded;
        }
    }
    for (const QString& tag : after.tags) {
        if (!oldTags.contains(tag.toCaseFolded())) {
            if (Status recorded = record(id, QLatin1String(changed::tag), {}, tag); !recorded)
                return recorded;
        }
    }
    return {};
}

Result<QList<ContactChange>> ContactChangeLog::listForContact(qint64 contactId) const
{
    QSqlQuery query = m_db.prepare(QStringLiteral(
        "SELECT c.id, c.changed_at, c.author_id, coalesce(m.name, ''), c.field, c.old_value,"
        " c.new_value, c.source FROM contact_changes c LEFT JOIN team_members m"
        " ON m.id = c.author_id WHERE c.contact_id = ? ORDER BY c.changed_at DESC, c.id DESC"));
    query.addBindValue(contactId);
    if (Status status = Database::run(query); !status)
        return status.error();
    QList<ContactChange> changes;
    while (query.next()) {
        ContactChange change;
        change.id = query.value(0).toLongLong();
        change.contactId = contactId;
        change.changedAt = query.value(1).toLongLong();
        if (!query.isNull(2))
            change.authorId = query.value(2).toLongLong();
        change.authorName = query.value(3).toString();
        change.field = query.value(4).toString();
        change.oldValue = query.value(5).toString();
        change.newValue = query.value(6).toString();
        change.source = parseChangeSource(query.value(7).toString()).value_or(ChangeSource::Edit);
        changes << change;
    }
    return changes;
}

Status ContactChangeLog::restore(const QList<ContactChange>& changes)
{
    QSqlQuery insert = m_db.prepare(
        QStringLiteral("INSERT INTO contact_changes (id, contact_id, changed_at, author_id, field, old_value,"
                       " new_value, source) VALUES (?, ?, ?, (SELECT id FROM team_members WHERE id = ?),"
                       " ?, ?, ?, ?)"));
    for (const ContactChange& change : changes) {
        insert.bindValue(0, change.id);
        insert.bindValue(1, change.contactId);
        insert.bindValue(2, change.changedAt);
        // An author removed since the snapshot was taken is no longer known, as ON DELETE SET NULL says.
        insert.bindValue(3, change.authorId ? QVariant(*change.authorId) : QVariant());
        insert.bindValue(4, change.field);
        insert.bindValue(5, textValue(change.oldValue));
        insert.bindValue(6, textValue(change.newValue));
        insert.bindValue(7, changeSourceName(change.source));
        if (Status status = Database::run(insert); !status)
            return status;
    }
    return {};
}

} // namespace rapport
