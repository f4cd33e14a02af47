// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/BulkLoad.h"

#include "core/storage/ActivityWeeksWriter.h"
#include "core/storage/SearchIndex.h"

namespace rapport {

Result<qint64> BulkLoad::maxId(const char* table) const
{
    const Result<QVariant> value =
        m_db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM %1").arg(QLatin1String(table)));
    if (!value)
        return value.error();
    return value->toLongLong();
}

Status BulkLoad::suspend(bool dropTimeIndex)
{
    if (m_suspended)
        return {};
    QStringList names;
    if (m_tables & Contacts) {
        names << QStringLiteral("contacts_search_insert") << QStringLiteral("contact_methods_search_insert")
              << QStringLiteral("contacts_health_insert") << QStringLiteral("contact_tags_health_insert");
        const Result<qint64> contact = maxId("contacts");
        const Result<qint64> method = maxId("contact_methods");
        if (!contact)
            return contact.error();
        if (!method)
            return method.error();
        m_lastContact = *contact;
        m_lastMethod = *method;
    }
    if (m_tables & Interactions) {
        names << QStringLiteral("interactions_search_insert")
              << QStringLiteral("interactions_activity_insert")
              << QStringLiteral("interactions_health_insert");
        const Result<qint64> last = maxId("interactions");
        if (!last)
            return last.error();
        m_lastInteraction = *last;
    }
    if (m_tables & TrustNotes) {
        names << QStringLiteral("trust_notes_search_insert") << QStringLiteral("trust_notes_health_insert");
        const Result<qint64> last = maxId("trust_notes");
        if (!last)
            return last.error();
        m_lastNote = *last;
    }
    if (dropTimeIndex)
        names << QStringLiteral("interactions_time");

    QSqlQuery definitions = m_db.prepare(
        QStringLiteral("SELECT type, name, sql FROM sqlite_schema WHERE name = ? AND sql IS NOT NULL"));
    QStringList drops;
    for (const QString& name : std::as_const(names)) {
        definitions.bindValue(0, name);
        if (Status status = Database::run(definitions); !status)
            return status;
        if (definitions.next()) {
            drops << QStringLiteral("DROP %1 %2")
                         .arg(definitions.value(0).toString(), definitions.value(1).toString());
            m_restore << definitions.value(2).toString();
        }
        definitions.finish();
    }
    for (const QString& drop : std::as_const(drops)) {
        if (Status dropped = m_db.execute(drop); !dropped)
            return dropped;
    }
    // Inserts land all over the log's indexes; with SQLite's default 2 MB page cache, pages are spilled
    // to the WAL and read back again and again. 64 MB cut a million-row import by a tenth.
    const Result<QVariant> cacheSize = m_db.scalar(QStringLiteral("PRAGMA cache_size"));
    if (!cacheSize)
        return cacheSize.error();
    m_cacheSize = cacheSize->toLongLong();
    if (Status cached = m_db.execute(QStringLiteral("PRAGMA cache_size = -65536")); !cached)
        return cached;
    m_suspended = true;
    return {};
}

Status BulkLoad::restore()
{
    if (!m_suspended)
        return {};
    for (const QString& sql : std::as_const(m_restore)) {
        if (Status status = m_db.execute(sql); !status)
            return status;
    }
    m_restore.clear();
    SearchIndex search(m_db);
    if (m_tables & Contacts) {
        if (Status status = search.indexContactsAfter(m_lastContact, m_lastMethod); !status)
            return status;
    }
    if (m_tables & Interactions) {
        if (Status status = search.indexInteractionsAfter(m_lastInteraction); !status)
            return status;
        if (Status status = ActivityWeeksWriter(m_db).addInteractionsAfter(m_lastInteraction); !status)
            return status;
    }
    if (m_tables & TrustNotes) {
        if (Status status = search.indexNotesAfter(m_lastNote); !status)
            return status;
    }
    // What the suspended triggers would have said: past scores may have changed.
    if (Status stale = m_db.execute(QStringLiteral("UPDATE health_cache SET valid = 0 WHERE valid != 0"));
        !stale)
        return stale;
    m_suspended = false;
    return m_db.execute(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
}

BulkLoad::~BulkLoad()
{
    // Rolled back without restore(): SQLite restores the schema, but the cache setting is not transactional.
    if (m_suspended)
        static_cast<void>(m_db.execute(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize)));
}

} // namespace rapport
