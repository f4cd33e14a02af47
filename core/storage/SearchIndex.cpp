// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/SearchIndex.h"

#include <QRegularExpression>
#include <QSet>
#include <array>
#include <sqlite3.h>

namespace rapport {

QString SearchIndex::toMatchExpression(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s\"]+"));
    QStringList terms;
    for (const QString& word : text.split(separators, Qt::SkipEmptyParts)) {
        bool searchable = false;
        for (const QChar c : word)
            searchable = searchable || c.isLetterOrNumber();
        if (searchable)
            terms << QStringLiteral("\"%1\"*").arg(word);
    }
    return terms.join(QLatin1Char(' '));
}

Result<QList<qint64>> SearchIndex::ids(const QString& sql, const QString& match, int limit) const
{
    QList<qint64> found;
    if (match.isEmpty())
        return found;
    // Qt's SQLite driver cannot bind a numbered parameter ("?1") that occurs more than once, so the
    // queries use plain '?': every one but the last takes the match expression, the last the limit.
    QSqlQuery query = m_db.prepare(sql);
    for (qsizetype i = 1; i < sql.count(QLatin1Char('?')); ++i)
        query.addBindValue(match);
    query.addBindValue(limit);
    if (Status status = Database::run(query); !status)
        return Error::badInput(QStringLiteral("search: %1").arg(status.error().message));
    while (query.next())
        found << query.value(0).toLongLong();
    return found;
}

Result<QList<qint64>> SearchIndex::findContacts(const QString& text, int limit) const
{
    // Three bounded queries instead of one grouped union: a common word can match hundreds of thousands
    // of conversations, and only the first `limit` distinct contacts are wanted. Names and handles come
    // first by relevance, then people recently talked with about it, then notes.
    const QString match = toMatchExpression(text);
    const std::array<QString, 3> queries{
        QStringLiteral("SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rank LIMIT ?"),
        QStringLiteral(
            "SELECT DISTINCT i.contact_id FROM interaction_search s JOIN interactions i ON i.id = s.rowid"
            " WHERE interaction_search MATCH ? ORDER BY s.rowid DESC LIMIT ?"),
        QStringLiteral("SELECT DISTINCT n.contact_id FROM note_search s JOIN trust_notes n ON n.id = s.rowid"
                       " WHERE note_search MATCH ? ORDER BY s.rowid DESC LIMIT ?"),
    };
    QList<qint64> found;
    QSet<qint64> seen;
    for (const QString& sql : queries) {
        if (found.size() >= limit)
            break;
        const Result<QList<qint64>> matches = ids(sql, match, limit);
        if (!matches)
            return matches.error();
        for (const qint64 id : *matches) {
            if (found.size() < limit && !seen.contains(id)) {
                seen.insert(id);
                found << id;
            }
        }
    }
    return found;
}

Result<QList<qint64>> SearchIndex::findInteractions(const QString& text, int limit) const
{
    return ids(QStringLiteral("SELECT rowid FROM interaction_search WHERE interaction_search MATCH ?"
                              " ORDER BY rowid DESC LIMIT ?"),
               toMatchExpression(text), limit);
}

Result<QList<qint64>> SearchIndex::findNotes(const QString& text, int limit) const
{
    return ids(
        QStringLiteral("SELECT rowid FROM note_search WHERE note_search MATCH ? ORDER BY rowid DESC LIMIT ?"),
        toMatchExpression(text), limit);
}

Status SearchIndex::rebuild()
{
    return m_db.execute(QStringLiteral(
        "DELETE FROM contact_search;"
        "INSERT INTO contact_search (rowid, name, organization, methods)"
        " SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.organization || ' ' "
        "|| c.title,"
        " coalesce((SELECT group_concat(value, ' ') FROM contact_methods m WHERE m.contact_id = c.id), '')"
        " FROM contacts c;"
        "INSERT INTO interaction_search (interaction_search) VALUES ('rebuild');"
        "INSERT INTO note_search (note_search) VALUES ('rebuild');"));
}

Status SearchIndex::indexContactsAfter(qint64 afterContactId, qint64 afterMethodId)
{
    // The same rows the contacts_search_insert and contact_methods_search_* triggers maintain.
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO contact_search (rowid, name, organization, methods)"
        " SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name, c.organization || ' ' "
        "|| c.title,"
        " coalesce((SELECT group_concat(value, ' ') FROM contact_methods m WHERE m.contact_id = c.id), '')"
        " FROM contacts c WHERE c.id > ?"));
    insert.addBindValue(afterContactId);
    if (Status status = Database::run(insert); !status)
        return status;
    if (afterContactId <= 0)
        return {}; // every contact was new
    QSqlQuery update = m_db.prepare(QStringLiteral(
        "UPDATE contact_search SET methods = coalesce((SELECT group_concat(value, ' ') FROM contact_methods m"
        " WHERE m.contact_id = contact_search.rowid), '')"
        " WHERE rowid <= ? AND rowid IN (SELECT contact_id FROM contact_methods WHERE id > ?)"));
    update.addBindValue(afterContactId);
    update.addBindValue(afterMethodId);
    return Database::run(update);
}

Status SearchIndex::indexInteractionsAfter(qint64 afterId)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO interaction_search (rowid, summary) SELECT id, summary FROM interactions WHERE id > ?"));
    insert.addBindValue(afterId);
    return Database::run(insert);
}

Status SearchIndex::indexNotesAfter(qint64 afterId)
{
    QSqlQuery insert = m_db.prepare(QStringLiteral(
        "INSERT INTO note_search (rowid, text) SELECT id, text FROM trust_notes WHERE id > ?"));
    insert.addBindValue(afterId);
    return Database::run(insert);
}

namespace {

// A TEMP copy of one FTS5 index: same definition, same index data, reading its content through a TEMP
// view of the real content table, so FTS5's integrity-check compares exactly what the file holds.
Status checkCopyOfIndex(Database& db, const QString& table)
{
    const Result<QVariant> definition = db.scalar(
        QStringLiteral("SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = '%1'").arg(table));
    if (!definition)
        return definition.error();
    QString sql = definition->toString();
    static const QRegularExpression head(
        QStringLiteral("^\\s*CREATE\\s+VIRTUAL\\s+TABLE\\s+\\S+\\s+USING\\s+fts5\\s*\\("),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch start = head.match(sql);
    if (!start.hasMatch())
        return Error::database(QStringLiteral("search index %1 is missing or not an FTS5 table").arg(table));
    const QString copy = QStringLiteral("rapport_check_%1").arg(table);
    QString arguments = sql.mid(start.capturedEnd());

    static const QRegularExpression contentOption(
        QStringLiteral("\\bcontent\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|(\\w+))"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch content = contentOption.match(arguments);
    if (content.hasMatch()) {
        QString source = content.captured(1);
        if (source.isEmpty())
            source = content.captured(2);
        if (source.isEmpty())
            source = content.captured(3);
        if (!source.isEmpty()) {
            if (Status view =
                    db.execute(QStringLiteral("CREATE TEMP VIEW \"%1_source\" AS SELECT * FROM main.\"%2\"")
                                   .arg(copy, source));
                !view)
                return view;
            arguments.replace(content.capturedStart(), content.capturedLength(),
                              QStringLiteral("content = '%1_source'").arg(copy));
        }
    }
    if (Status created =
            db.execute(QStringLiteral("CREATE VIRTUAL TABLE temp.\"%1\" USING fts5(%2").arg(copy, arguments));
        !created)
        return created;
    for (const char* suffix : {"data", "idx", "docsize", "config", "content"}) {
        const QString from = QStringLiteral("%1_%2").arg(table, QLatin1String(suffix));
        const QString to = QStringLiteral("%1_%2").arg(copy, QLatin1String(suffix));
        const Result<QVariant> present =
            db.scalar(QStringLiteral("SELECT (SELECT count(*) FROM main.sqlite_schema WHERE name = '%1') + "
                                     "(SELECT count(*) FROM temp.sqlite_schema WHERE name = '%2')")
                          .arg(from, to));
        if (!present)
            return present.error();
        if (present->toInt() != 2)
            continue;
        if (Status copied = db.execute(QStringLiteral("DELETE FROM temp.\"%2\"; INSERT INTO temp.\"%2\" "
                                                      "SELECT * FROM main.\"%1\"")
                                           .arg(from, to));
            !copied)
            return copied;
    }
    // rank = 1 also compares an external-content index with its table (interactions, trust_notes);
    // without it FTS5 only checks the index's own structure.
    if (Status checked = db.execute(
            QStringLiteral("INSERT INTO temp.\"%1\"(\"%1\", rank) VALUES ('integrity-check', 1)").arg(copy));
        !checked)
        return Error::database(QStringLiteral("search index %1 is inconsistent: %2")
                                   .arg(table, QString::fromUtf8(sqlite3_errmsg(db.handle()))));
    return {};
}

} // namespace

Status SearchIndex::verify()
{
    // FTS5's integrity-check is an INSERT into the index, which a read-only connection (rapport check
    // opens the file read-only) may not run on the file. It runs instead on copies in this connection's
    // TEMP schema, which is writable even then. The transaction is never committed: rolling it back
    // takes the copies away again.
    const Transaction scratch(m_db, TransactionMode::Read);
    if (!scratch.status())
        return scratch.status();
    for (const char* table : {"contact_search", "interaction_search", "note_search"}) {
        if (Status checked = checkCopyOfIndex(m_db, QString::fromLatin1(table)); !checked)
            return checked;
    }
    return {};
}

} // namespace rapport
