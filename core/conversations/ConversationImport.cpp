// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/ConversationImport.h"

#include "core/base/Clock.h"
#include "core/conversations/ReadAheadSource.h"
#include "core/import/ContactResolver.h"
#include "core/model/ContactMethod.h"
#include "core/model/Interaction.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/PersonData.h"
#include "core/storage/BulkLoad.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/InteractionRepository.h"
#include "core/storage/SqliteStatement.h"
#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <optional>

namespace rapport {

namespace {

constexpr qsizetype summaryLimit = 2000; // InteractionRepository's limit, in characters
// Above this many touched contacts, one streaming rebuild of every state beats rebuilding each alone.
constexpr qsizetype rebuildAllThreshold = 2000;
constexpr qint64 progressEvery = 256; // messages

// The first `limit` bytes of the text's UTF-8, cut at a character boundary.
QByteArray cappedUtf8(const QString& text, qsizetype limit)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= limit)
        return utf8;
    qsizetype end = limit;
    while (end > 0 && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
        --end;
    utf8.truncate(end);
    return utf8;
}

// One import's state: the team, the contacts found or made, the statements.
class ConversationWriter
{
public:
    ConversationWriter(Database& db, const ConversationImportOptions& options, ConversationReport& report)
        : m_db(db)
        , m_options(options)
        , m_report(report)
        , m_find(db.handle(), "SELECT interaction_id FROM interaction_sources WHERE source_key = ?1")
        , m_insert(db.handle(),
                   "INSERT INTO interactions (contact_id, occurred_at, channel, direction, summary,"
                   " body, logged_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        , m_remember(db.handle(),
                     "INSERT INTO interaction_sources (source_key, interaction_id) VALUES (?1, ?2)")
    {}

    // Inside the transaction: the team, the contacts. Returns who "me" may be: the --me values and the
    // identities of the --by member.
    Result<QStringList> begin()
    {
        if (!m_find.isValid() || !m_insert.isValid() || !m_remember.isValid())
            return Error::database(m_remember.errorMessage());
        if (!m_options.by.trimmed().isEmpty()) {
            const Result<qint64> member = TeamMemberRepository(m_db).ensure(m_options.by);
            if (!member)
                return member.error();
            m_loggedBy = *member;
        }
        const Result<QList<TeamIdentity>> team = TeamIdentityRepository(m_db).list();
        if (!team)
            return team.error();
        QStringList me = m_options.me;
        for (const TeamIdentity& identity : *team) {
            m_team.insert(identity.key());
            if (m_loggedBy && identity.memberId == *m_loggedBy)
                me << identity.value;
        }
        Result<ContactResolver> contacts = ContactResolver::load(m_db, true);
        if (!contacts)
            return contacts.error();
        m_contacts = std::move(*contacts);
        const Result<QVariant> last =
            m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM interactions"));
        if (!last)
            return last.error();
        m_lastIdBefore = last->toLongLong();
        m_now = Clock::nowSeconds();
        return me;
    }

    Status add(const ConversationRecord& record)
    {
        ++m_report.messages;
        if (!record.skipReason.isEmpty())
            return skip(record.skipReason);
        Interaction probe;
        probe.contactId = 1; // only the date is checked here
        probe.occurredAt = record.occurredAt;
        if (!InteractionRepository::validationError(probe).isEmpty())
            return skip(QStringLiteral("date in the future or before 1970"));

        const QByteArray summary = record.summary.left(summaryLimit).toUtf8();
        const QByteArray body = m_options.bodies ? cappedUtf8(record.body, bodyLimit) : QByteArray();
        const QByteArray channel = channelName(record.channel).toUtf8();
        const QByteArray direction = directionName(record.direction).toUtf8();
        for (const Counterpart& counterpart : record.counterparts) {
            const Result<std::optional<qint64>> contact = contactFor(counterpart);
            if (!contact)
                return contact.error();
            if (!*contact)
                continue;
            countConversation(counterpart, record.occurredAt);
            const QByteArray key =
                QCryptographicHash::hash(record.sourceKey + '\n' + counterpart.key.toUtf8(),
                                         QCryptographicHash::Sha256)
                    .left(16)
                    .toHex();
            m_find.bindStatic(1, key);
            const bool found = m_find.step();
            const qint64 existing = found ? m_find.columnInt64(0) : 0;
            const bool findOk = m_find.ok();
            m_find.reset();
            if (!findOk)
                return Error::database(m_find.errorMessage());
            if (found) {
                ++(existing <= m_lastIdBefore ? m_report.unchanged : m_report.repeated);
                continue;
            }
            m_insert.bind(1, **contact);
            m_insert.bind(2, record.occurredAt);
            m_insert.bindStatic(3, channel);
            m_insert.bindStatic(4, direction);
            m_insert.bindStatic(5, summary);
            m_insert.bindStatic(6, body);
            if (m_loggedBy)
                m_insert.bind(7, *m_loggedBy);
            else
                m_insert.bindNull(7);
            m_insert.bind(8, m_now);
            if (Status stored = stepOnce(m_insert, record); !stored)
                return stored;
            m_remember.bindStatic(1, key);
            m_remember.bind(2, m_db.lastInsertId());
            if (Status stored = stepOnce(m_remember, record); !stored)
                return stored;
            ++m_report.created;
            ++(record.direction == Direction::Inbound ? m_report.inbound : m_report.outbound);
            m_touched.insert(**contact);
        }
        return {};
    }

    QList<qint64> touched() const { return m_touched.values(); }
    QList<ArchivePerson> people() const { return m_people; }

private:
    void countConversation(const Counterpart& person, qint64 when)
    {
        ArchivePerson& found = m_people[m_personIndex.value(person.key)];
        ++found.conversations;
        found.first = found.conversations == 1 ? when : std::min(found.first, when);
        found.last = std::max(found.last, when);
    }

    Status skip(const QString& reason)
    {
        ++m_report.skippedMessages[reason];
        return {};
    }

    Status stepOnce(SqliteStatement& statement, const ConversationRecord& record)
    {
        statement.step();
        const bool ok = statement.ok();
        statement.reset();
        if (!ok)
            return Error::database(
                QStringLiteral("cannot store %1: %2").arg(record.location, statement.errorMessage()));
        return {};
    }

    // The contact a counterpart is, found by email or handle or created; none when the person is left out
    // (and counted once under the reason).
    Result<std::optional<qint64>> contactFor(const Counterpart& person)
    {
        if (const auto known = m_decided.constFind(person.key); known != m_decided.cend())
            return *known;
        const Result<std::optional<qint64>> decided = decide(person);
        if (!decided)
            return decided;
        m_decided.insert(person.key, *decided);
        if (*decided) {
            m_personIndex.insert(person.key, m_people.size());
            ArchivePerson found;
            found.key = person.key;
            found.address = person.email.isEmpty() ? person.handle : person.email;
            found.name = person.name.isEmpty() ? found.address : person.name;
            found.contactId = **decided;
            found.created = m_created.contains(**decided);
            m_people << found;
        }
        return decided;
    }

    Result<std::optional<qint64>> decide(const Counterpart& person)
    {
        const auto leaveOut = [&](const QString& reason) -> Result<std::optional<qint64>> {
            ++m_report.skippedPeople[reason];
            return std::optional<qint64>();
        };
        if ((!person.email.isEmpty() &&
             m_team.contains(TeamIdentity{0, 0, MethodKind::Email, person.email}.key())) ||
            (person.handleKind &&
             m_team.contains(TeamIdentity{0, 0, *person.handleKind, person.handle}.key())))
            return leaveOut(QStringLiteral("team member"));
        if (m_options.leftOut.contains(person.key))
            return leaveOut(QStringLiteral("left out by you"));
        QList<ContactMethod> methods;
        if (!person.email.isEmpty() && validateMethodValue(MethodKind::Email, person.email).isEmpty())
            methods << ContactMethod{0, MethodKind::Email, person.email, QString()};
        if (person.handleKind && validateMethodValue(*person.handleKind, person.handle).isEmpty())
            methods << ContactMethod{0, *person.handleKind, person.handle, QString()};
        if (methods.isEmpty()) {
            if (person.handleKind)
                return leaveOut(QStringLiteral("not a %1 handle").arg(methodKindName(*person.handleKind)));
            return leaveOut(person.email.isEmpty() ? QStringLiteral("no address or handle in the archive")
                                                   : QStringLiteral("not an email address"));
        }
        for (const ContactMethod& method : methods) {
            const Result<qint64> found = m_contacts->resolveMethod(method.kind, method.value);
            if (found) {
                ++m_report.contactsMatched;
                return std::optional<qint64>(*found);
            }
            if (found.error().kind != ErrorKind::NotFound)
                return leaveOut(
                    method.kind == MethodKind::Email
                        ? QStringLiteral("address of several contacts (rapport check lists them)")
                        : QStringLiteral("handle of several contacts (rapport check lists them)"));
        }
        if (m_options.newContacts == NewContacts::None)
            return leaveOut(QStringLiteral("not a contact (--new-contacts none)"));
        for (const ContactMethod& method : methods) {
            const Result<bool> forgotten = PersonEraser(m_db).isForgotten(
                methodKindName(method.kind), normalizeMethodValue(method.kind, method.value));
            if (!forgotten)
                return forgotten.error();
            if (*forgotten)
                return leaveOut(QStringLiteral("forgotten person"));
        }

        Contact contact;
        contact.displayName = person.name.isEmpty() ? methods.constFirst().value : person.name.left(200);
        contact.methods = methods;
        const ChangeSourceScope importing(m_db, ChangeSource::Import);
        const Result<qint64> created = ContactRepository(m_db).create(contact);
        if (!created) {
            if (created.error().kind == ErrorKind::Database)
                return created.error();
            return leaveOut(QStringLiteral("cannot be a contact: %1").arg(created.error().message));
        }
        ++m_report.contactsCreated;
        m_touched.insert(*created);
        m_created.insert(*created);
        return std::optional<qint64>(*created);
    }

    Database& m_db;
    const ConversationImportOptions& m_options;
    ConversationReport& m_report;
    SqliteStatement m_find;
    SqliteStatement m_insert;
    SqliteStatement m_remember;
    QSet<QString> m_team; // TeamIdentity::key()s of every member's identities
    std::optional<qint64> m_loggedBy;
    std::optional<ContactResolver> m_contacts;
    QHash<QString, std::optional<qint64>> m_decided; // Counterpart::key -> contact, or none when left out
    QSet<qint64> m_touched;
    QSet<qint64> m_created;
    QList<ArchivePerson> m_people;
    QHash<QString, qsizetype> m_personIndex; // Counterpart::key -> index in m_people
    qint64 m_lastIdBefore = 0;
    qint64 m_now = 0;
};

Status rebuildScores(Database& db, const QList<qint64>& touched)
{
    Result<ScoringEngine> engine = ScoringEngine::open(db);
    if (!engine)
        return engine.error();
    if (touched.size() > rebuildAllThreshold)
        return engine->rebuildAll();
    for (const qint64 contactId : touched) {
        if (Status rebuilt = engine->rebuildContact(contactId); !rebuilt)
            return rebuilt;
    }
    return {};
}

} // namespace

Result<ConversationReport> ConversationImporter::run(bool dryRun, const ProgressCallback& progress) const
{
    Result<std::unique_ptr<ConversationSource>> opened =
        ConversationSource::open(m_path, m_options.format, m_options.bodies);
    if (!opened)
        return opened.error();
    const std::unique_ptr<ConversationSource> source = std::make_unique<ReadAheadSource>(std::move(*opened));
    Transaction transaction(m_db);
    if (!transaction.status().ok())
        return transaction.status().error();
    ConversationReport report;
    report.dryRun = dryRun;
    BulkLoad bulk(m_db, BulkLoad::Interactions);
    if (Status suspended = bulk.suspend(); !suspended)
        return suspended.error();
    ConversationWriter writer(m_db, m_options, report);
    const Result<QStringList> me = writer.begin();
    if (!me)
        return me.error();
    if (Status identified = source->identifyMe(*me); !identified)
        return identified.error();
    ConversationRecord record;
    for (;;) {
        const Result<bool> more = source->next(record);
        if (!more)
            return more.error(); // the transaction rolls back
        if (!*more)
            break;
        if (Status added = writer.add(record); !added)
            return added.error();
        if (report.messages % progressEvery == 0 && !reportProgress(progress, report.messages, 0))
            return Error::cancelled();
    }
    if (Status restored = bulk.restore(); !restored)
        return restored.error();
    report.touchedContacts = writer.touched();
    report.people = writer.people();
    std::sort(report.touchedContacts.begin(), report.touchedContacts.end());
    if (Status rebuilt = rebuildScores(m_db, report.touchedContacts); !rebuilt)
        return rebuilt.error();
    report.format = source->formatName();
    report.ignoredFiles = source->ignoredFiles();
    if (!dryRun) {
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
        report.written = true;
    }
    return report;
}

} // namespace rapport
