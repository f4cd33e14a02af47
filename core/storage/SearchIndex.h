// SPDX-License-Identifier: GPL-3.0-or-later
// Full-text search (FTS5) over contact names, organizations, emails and handles, interaction
// summaries and trust-note text. The indexes are kept in sync by triggers in the schema.
#pragma once

#include "core/storage/Database.h"

#include <QList>

namespace rapport {

class SearchIndex
{
public:
    explicit SearchIndex(Database& db)
        : m_db(db)
    {}

    // Ids of contacts matching every word of `text` as a prefix, in their names, organization or
    // methods, or in one of their interaction summaries or notes. Best name matches first.
    Result<QList<qint64>> findContacts(const QString& text, int limit = 200) const;
    Result<QList<qint64>> findInteractions(const QString& text, int limit = 200) const;
    Result<QList<qint64>> findNotes(const QString& text, int limit = 200) const;

    // Rebuilds all three indexes from their tables; after bulk loads that ran without the triggers.
    Status rebuild();

    // Index only what a bulk load (BulkLoad) added without the insert triggers: contacts with an id above
    // `afterContactId`, and the methods with an id above `afterMethodId` of older contacts.
    Status indexContactsAfter(qint64 afterContactId, qint64 afterMethodId);
    // Interactions, respectively trust notes, with an id above `afterId`.
    Status indexInteractionsAfter(qint64 afterId);
    Status indexNotesAfter(qint64 afterId);

    // FTS5's own consistency check of all three indexes against their content.
    Status verify();

    // Turns what a person typed into an FTS5 query: each word a quoted prefix term, so characters
    // such as '-', '"', ':' or '*' never become query syntax. Empty when nothing searchable remains.
    static QString toMatchExpression(const QString& text);

private:
    Result<QList<qint64>> ids(const QString& sql, const QString& match, int limit) const;
    Database& m_db;
};

} // namespace rapport
