// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/PersonData.h"

#include "core/base/Clock.h"
#include "core/base/IsoTime.h"
#include "core/storage/ContactLinkRepository.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/ContactUidRepository.h"
#include "core/storage/EventRepository.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/vcard/VCardExport.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QScopeGuard>
#include <QSqlQuery>
#include <cmath>

namespace rapport {

namespace {

constexpr int historyWeeks = 52;

QJsonValue roundedNumber(double value)
{
    return std::round(value * 10) / 10;
}

QJsonValue optionalText(const QString& text)
{
    return text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue memberName(const QHash<qint64, QString>& members, const std::optional<qint64>& id)
{
    return id && members.contains(*id) ? QJsonValue(members.value(*id)) : QJsonValue(QJsonValue::Null);
}

QJsonObject scoreJson(const RelationshipScore& score)
{
    return {{QStringLiteral("score"),
             score.hasHistory ? roundedNumber(score.score) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("band"), bandName(score.band)},
            {QStringLiteral("recency"), roundedNumber(score.recency)},
            {QStringLiteral("frequency"), roundedNumber(score.frequency)},
            {QStringLiteral("reciprocity"), roundedNumber(score.reciprocity)}};
}

} // namespace

QJsonObject contactChangeJson(const ContactChange& change)
{
    return {{QStringLiteral("id"), change.id},
            {QStringLiteral("changed_at"), formatIsoMoment(change.changedAt)},
            {QStringLiteral("author"), optionalText(change.authorName)},
            {QStringLiteral("source"), changeSourceName(change.source)},
            {QStringLiteral("field"), change.field},
            {QStringLiteral("old_value"), optionalText(change.oldValue)},
            {QStringLiteral("new_value"), optionalText(change.newValue)},
            {QStringLiteral("description"), describeContactChange(change)}};
}

namespace {

QJsonObject linkedContactJson(const LinkedContact& linked)
{
    return QJsonObject{
        {QStringLiteral("id"), linked.contactId},
        {QStringLiteral("name"), linked.name},
        {QStringLiteral("note"), optionalText(linked.link.details.note)},
        {QStringLiteral("date"), linked.link.details.occurredAt
                                     ? QJsonValue(formatIsoMoment(*linked.link.details.occurredAt))
                                     : QJsonValue()}};
}

QJsonArray linkedContactsJson(const QList<LinkedContact>& people)
{
    QJsonArray array;
    for (const LinkedContact& linked : people)
        array.append(linkedContactJson(linked));
    return array;
}

} // namespace

QJsonObject personLinksJson(const PersonLinks& links)
{
    return QJsonObject{
        {QStringLiteral("introduced_by"),
         links.introducedBy ? QJsonValue(linkedContactJson(*links.introducedBy)) : QJsonValue()},
        {QStringLiteral("introduced"), linkedContactsJson(links.introduced)},
        {QStringLiteral("knows"), linkedContactsJson(links.knows)}};
}

Result<QJsonObject> personDocument(Database& db, const ScoringEngine& engine, qint64 contactId, qint64 now)
{
    Transaction snapshot(db, TransactionMode::Read);
    if (!snapshot.status().ok())
        return snapshot.status().error();
    const Result<ContactSnapshot> person = ContactRepository(db).snapshot(contactId);
    if (!person)
        return person.error();
    const Result<QList<TeamMember>> team = TeamMemberRepository(db).list();
    if (!team)
        return team.error();
    QHash<qint64, QString> members;
    for (const TeamMember& member : *team)
        members.insert(member.id, member.name);

    const Contact& contact = person->contact;
    QJsonArray methods;
    for (const ContactMethod& method : contact.methods)
        methods.append(QJsonObject{{QStringLiteral("kind"), methodKindName(method.kind)},
                                   {QStringLiteral("value"), method.value},
                                   {QStringLiteral("label"), optionalText(method.label)}});
    QJsonObject fields{
        {QStringLiteral("id"), contact.id},
        {QStringLiteral("display_name"), contact.effectiveDisplayName()},
        {QStringLiteral("given_name"), optionalText(contact.givenName)},
        {QStringLiteral("family_name"), optionalText(contact.familyName)},
        {QStringLiteral("organization"), optionalText(contact.organization)},
        {QStringLiteral("title"), optionalText(contact.title)},
        {QStringLiteral("owner"), memberName(members, contact.ownerId)},
        {QStringLiteral("cadence_days"),
         contact.cadenceDays ? QJsonValue(*contact.cadenceDays) : QJsonValue()},
        {QStringLiteral("archived"), contact.archived},
        {QStringLiteral("created_at"), formatIsoMoment(contact.createdAt)},
        {QStringLiteral("updated_at"), formatIsoMoment(contact.updatedAt)},
        {QStringLiteral("methods"), methods},
        {QStringLiteral("tags"), QJsonArray::fromStringList(contact.tags)},
    };

    QJsonArray conversations;
    for (const Interaction& interaction : person->interactions)
        conversations.append(
            QJsonObject{{QStringLiteral("id"), interaction.id},
                        {QStringLiteral("occurred_at"), formatIsoMoment(interaction.occurredAt)},
                        {QStringLiteral("channel"), channelName(interaction.channel)},
                        {QStringLiteral("direction"), directionName(interaction.direction)},
                        {QStringLiteral("summary"), interaction.summary},
                        {QStringLiteral("body"), optionalText(interaction.body)},
                        {QStringLiteral("logged_by"), memberName(members, interaction.loggedBy)}});
    QJsonArray notes;
    for (const TrustNote& note : person->notes)
        notes.append(QJsonObject{
            {QStringLiteral("id"), note.id},
            {QStringLiteral("created_at"), formatIsoMoment(note.createdAt)},
            {QStringLiteral("kind"), trustKindName(note.kind)},
            {QStringLiteral("trust_level"), note.trustLevel ? QJsonValue(*note.trustLevel) : QJsonValue()},
            {QStringLiteral("text"), note.text},
            {QStringLiteral("author"), memberName(members, note.authorId)}});

    const Result<ContactScore> score = engine.score(contactId, now);
    if (!score)
        return score.error();
    QJsonObject current = scoreJson(score->score);
    current.insert(QStringLiteral("explanation"), score->explanation());
    const Result<QList<WeeklyScore>> weeks = engine.weeklyHistory(contactId, now, historyWeeks);
    if (!weeks)
        return weeks.error();
    QJsonArray history;
    for (const WeeklyScore& week : *weeks) {
        QJsonObject entry = scoreJson(week.score);
        entry.insert(QStringLiteral("week_end"), formatIsoMoment(week.at));
        history.append(entry);
    }
    QJsonArray followUps;
    for (const FollowUp& followUp : person->followUps)
        followUps.append(QJsonObject{
            {QStringLiteral("id"), followUp.id},
            {QStringLiteral("kind"), followUpKindName(followUp.kind)},
            {QStringLiteral("text"), followUp.text},
            {QStringLiteral("owner"), memberName(members, followUp.ownerId)},
            {QStringLiteral("due_at"), formatIsoMoment(followUp.dueAt)},
            {QStringLiteral("status"), followUpStatusName(followUp.status)},
            {QStringLiteral("closed_at"),
             followUp.closedAt ? QJsonValue(formatIsoMoment(*followUp.closedAt)) : QJsonValue()}});
    QJsonArray changes;
    for (const ContactChange& change : person->changes)
        changes.append(contactChangeJson(change));
    QJsonArray distinct;
    for (const qint64 id : person->distinctFrom)
        distinct.append(id);
    QJsonArray events;
    EventRepository eventRepository(db);
    for (const EventParticipant& participation : person->participations) {
        const Result<Event> event = eventRepository.get(participation.eventId);
        if (!event)
            return event.error();
        events.append(QJsonObject{
            {QStringLiteral("id"), event->id},
            {QStringLiteral("name"), event->name},
            {QStringLiteral("kind"), eventKindName(event->kind)},
            {QStringLiteral("occurred_at"), formatIsoMoment(event->occurredAt)},
            {QStringLiteral("channel"), channelName(event->channel)},
            {QStringLiteral("link"), optionalText(event->link)},
            {QStringLiteral("role"), participantRoleName(participation.role)},
            {QStringLiteral("conversation_id"),
             participation.interactionId ? QJsonValue(*participation.interactionId) : QJsonValue()}});
    }
    const Result<QStringList> uids = ContactUidRepository(db).uidsOf(contactId);
    if (!uids)
        return uids.error();
    const Result<PersonLinks> links = ContactLinkRepository(db).linksOf(contactId);
    if (!links)
        return links.error();
    // The card an address book would take, as `rapport export vcard` writes it.
    const Result<QByteArray> card = contactVCard(db, contactId, VCardVersion::V4);
    if (!card)
        return card.error();

    return QJsonObject{{QStringLiteral("schema"), QStringLiteral("rapport-person/1")},
                       {QStringLiteral("exported_at"), formatIsoMoment(now)},
                       {QStringLiteral("contact"), fields},
                       {QStringLiteral("conversations"), conversations},
                       {QStringLiteral("trust_notes"), notes},
                       {QStringLiteral("follow_ups"), followUps},
                       {QStringLiteral("events"), events},
                       {QStringLiteral("changes"), changes},
                       {QStringLiteral("score"), current},
                       {QStringLiteral("score_history"), history},
                       {QStringLiteral("not_the_same_person_as"), distinct},
                       {QStringLiteral("vcard_uids"), QJsonArray::fromStringList(*uids)},
                       {QStringLiteral("links"), personLinksJson(*links)},
                       {QStringLiteral("vcard"), QString::fromUtf8(*card)}};
}

Result<QByteArray> PersonEraser::keyHash(const QString& kind, const QString& normalized) const
{
    const Result<QVariant> salt = m_db.scalar(QStringLiteral("SELECT salt FROM forget_salt WHERE id = 1"));
    if (!salt)
        return salt.error();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt->toByteArray());
    hash.addData((kind + QLatin1Char(':') + normalized).toUtf8());
    return hash.result().toHex();
}

Result<bool> PersonEraser::isForgotten(const QString& kind, const QString& normalized) const
{
    const Result<QByteArray> hash = keyHash(kind, normalized);
    if (!hash)
        return hash.error();
    QSqlQuery query = m_db.prepare(QStringLiteral("SELECT 1 FROM forgotten_keys WHERE hash = ?"));
    query.addBindValue(QString::fromLatin1(*hash));
    if (Status status = Database::run(query); !status)
        return status.error();
    return query.next();
}

Result<ForgetReport> PersonEraser::forget(qint64 contactId)
{
    // Freed pages are overwritten with zeros, not left in the file's free list.
    if (Status secure = m_db.execute(QStringLiteral("PRAGMA secure_delete = ON")); !secure)
        return secure.error();
    const auto secureOff =
        qScopeGuard([this] { (void)m_db.execute(QStringLiteral("PRAGMA secure_delete = OFF")); });

    ForgetReport report;
    {
        Transaction transaction(m_db);
        if (!transaction.status().ok())
            return transaction.status().error();
        ContactRepository contacts(m_db);
        const Result<ContactSnapshot> person = contacts.snapshot(contactId);
        if (!person)
            return person.error();
        report.name = person->contact.effectiveDisplayName();
        report.methods = person->contact.methods.size();
        report.conversations = person->interactions.size();
        report.notes = person->notes.size();

        QSqlQuery keys =
            m_db.prepare(QStringLiteral("SELECT kind, normalized FROM contact_methods WHERE contact_id = ?"));
        keys.addBindValue(contactId);
        if (Status status = Database::run(keys); !status)
            return status.error();
        QSqlQuery remember = m_db.prepare(
            QStringLiteral("INSERT OR IGNORE INTO forgotten_keys (hash, forgotten_at) VALUES (?, ?)"));
        while (keys.next()) {
            const Result<QByteArray> hash = keyHash(keys.value(0).toString(), keys.value(1).toString());
            if (!hash)
                return hash.error();
            remember.addBindValue(QString::fromLatin1(*hash));
            remember.addBindValue(Clock::nowSeconds());
            if (Status status = Database::run(remember); !status)
                return status.error();
        }

        // The past-health cache keeps one score per contact and week, outside the schema's cascades.
        QSqlQuery weeks = m_db.prepare(QStringLiteral("DELETE FROM contact_weeks WHERE contact_id = ?"));
        weeks.addBindValue(contactId);
        if (Status status = Database::run(weeks); !status)
            return status.error();
        QSqlQuery ownTags =
            m_db.prepare(QStringLiteral("SELECT tag_id FROM contact_tags WHERE contact_id = ?"));
        ownTags.addBindValue(contactId);
        if (Status status = Database::run(ownTags); !status)
            return status.error();
        QList<qint64> tagIds;
        while (ownTags.next())
            tagIds << ownTags.value(0).toLongLong();
        // Other contacts' histories name this person where a link was made or undone.
        if (Status erased = ContactLinkRepository(m_db).eraseMentions(contactId); !erased)
            return erased.error();
        if (Status removed = contacts.remove(contactId); !removed)
            return removed.error();
        // A tag nobody else has names this person as much as their name does.
        QSqlQuery unusedTag =
            m_db.prepare(QStringLiteral("DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM "
                                        "contact_tags WHERE tag_id = tags.id)"));
        for (const qint64 tagId : std::as_const(tagIds)) {
            unusedTag.addBindValue(tagId);
            if (Status status = Database::run(unusedTag); !status)
                return status.error();
        }
        // A full-text delete only adds a tombstone; merging every segment drops the words themselves.
        for (const char* index : {"contact_search", "interaction_search", "note_search"}) {
            if (Status merged = m_db.execute(
                    QStringLiteral("INSERT INTO %1(%1) VALUES ('optimize')").arg(QLatin1String(index)));
                !merged)
                return merged.error();
        }
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
    }
    // The log still holds the pages as they were before; emptying it needs no reader in the way.
    const Result<QVariant> busy = m_db.scalar(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    report.checkpointed = busy && busy->toInt() == 0;
    return report;
}

} // namespace rapport
