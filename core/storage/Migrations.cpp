#include "Migrations.h"

namespace rapport {

namespace {

// CHECK constraints list their values with OR rather than IN: SQLite builds a temporary index for every
// IN list it evaluates, which made each insert several times slower.
//
// Version 1: contacts, their methods and tags, the team, the interaction log, trust notes, scoring
// state, settings, and full-text indexes kept in sync by triggers (so any writer, even the sqlite3
// shell, keeps search right). Times are integer seconds since the epoch, UTC.
QStringList schemaVersion1()
{
    return {
        QStringLiteral(R"(CREATE TABLE team_members (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            email TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
            organization TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            owner_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,
            cadence_days REAL CHECK (cadence_days IS NULL OR cadence_days > 0),
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX contacts_owner ON contacts(owner_id)"),
        QStringLiteral("CREATE INDEX contacts_display_name ON contacts(display_name COLLATE NOCASE)"),
        QStringLiteral(R"(CREATE TABLE contact_methods (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'email' OR kind = 'phone' OR kind = 'forum' OR kind = 'x' OR
                    kind = 'linkedin' OR kind = 'facebook' OR kind = 'mastodon' OR
                    kind = 'discord' OR kind = 'slack' OR kind = 'github' OR
                    kind = 'website'),
            value TEXT NOT NULL CHECK (length(trim(value)) > 0),
            normalized TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX contact_methods_contact ON contact_methods(contact_id)"),
        QStringLiteral("CREATE INDEX contact_methods_lookup ON contact_methods(normalized, kind)"),
        QStringLiteral(R"(CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
            cadence_days REAL CHECK (cadence_days IS NULL OR cadence_days > 0)))"),
        QStringLiteral(R"(CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (contact_id, tag_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX contact_tags_tag ON contact_tags(tag_id, contact_id)"),
        QStringLiteral(R"(CREATE TABLE interactions (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            occurred_at INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'call' OR channel = 'meeting' OR
                    channel = 'forum' OR channel = 'chat' OR channel = 'social' OR
                    channel = 'event' OR channel = 'other'),
            direction TEXT NOT NULL CHECK (direction = 'outbound' OR direction = 'inbound' OR
                    direction = 'mutual'),
            summary TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            logged_by INTEGER REFERENCES team_members(id) ON DELETE SET NULL,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX interactions_contact_time ON interactions(contact_id, occurred_at)"),
        QStringLiteral("CREATE INDEX interactions_time ON interactions(occurred_at)"),
        QStringLiteral(R"(CREATE TABLE trust_notes (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            created_at INTEGER NOT NULL,
            author_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind = 'commitment_kept' OR kind = 'commitment_broken' OR
                    kind = 'shared_value' OR kind = 'boundary' OR kind = 'concern' OR
                    kind = 'appreciation' OR kind = 'context'),
            trust_level INTEGER CHECK (trust_level IS NULL OR trust_level BETWEEN 1 AND 5),
            text TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX trust_notes_contact_time ON trust_notes(contact_id, created_at)"),
        QStringLiteral("CREATE INDEX trust_notes_time ON trust_notes(created_at)"),
        // Covers "latest trust level per contact" so reading every score never touches the notes' text.
        QStringLiteral("CREATE INDEX trust_notes_level ON trust_notes(contact_id, created_at, trust_level)"
                       " WHERE trust_level IS NOT NULL"),
        // Per-contact scoring state of scoring.md; times in fractional days since the epoch.
        QStringLiteral(R"(CREATE TABLE relationship_state (
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
            t_ref REAL NOT NULL,
            d_out REAL NOT NULL,
            d_in REAL NOT NULL,
            d_touch REAL NOT NULL,
            t_last REAL NOT NULL,
            t_first REAL NOT NULL,
            last_touch_day INTEGER NOT NULL,
            cadence REAL NOT NULL,
            n_touch INTEGER NOT NULL,
            n_out INTEGER NOT NULL,
            n_in INTEGER NOT NULL,
            n_interactions INTEGER NOT NULL,
            recent_dirs INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE VIRTUAL TABLE contact_search USING fts5(
            name, organization, methods, tokenize = 'unicode61 remove_diacritics 2'))"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
            INSERT INTO contact_search(rowid, name, organization, methods)
            VALUES (new.id, new.display_name || ' ' || new.given_name || ' ' || new.family_name,
                    new.organization || ' ' || new.title, '');
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_update
            AFTER UPDATE OF display_name, given_name, family_name, organization, title ON contacts BEGIN
            UPDATE contact_search
               SET name = new.display_name || ' ' || new.given_name || ' ' || new.family_name,
                   organization = new.organization || ' ' || new.title
             WHERE rowid = new.id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contacts_search_delete AFTER DELETE ON contacts BEGIN
            DELETE FROM contact_search WHERE rowid = old.id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contact_methods_search_insert AFTER INSERT ON contact_methods BEGIN
            UPDATE contact_search
               SET methods = (SELECT group_concat(value, ' ') FROM contact_methods
                               WHERE contact_id = new.contact_id)
             WHERE rowid = new.contact_id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contact_methods_search_update AFTER UPDATE ON contact_methods BEGIN
            UPDATE contact_search
               SET methods = (SELECT group_concat(value, ' ') FROM contact_methods
                               WHERE contact_id = old.contact_id)
             WHERE rowid = old.contact_id;
            UPDATE contact_search
               SET methods = (SELECT group_concat(value, ' ') FROM contact_methods
                               WHERE contact_id = new.contact_id)
             WHERE rowid = new.contact_id;
            END)"),
        QStringLiteral(R"(CREATE TRIGGER contact_methods_search_delete AFTER DELETE ON contact_methods BEGIN
            UPDATE contact_search
               SET methods = coalesce((SELECT group_concat(value, ' ') FROM contact_methods
                                        WHERE contact_id = old.contact_id), '')
             WHERE rowid = old.contact_id;
            END)"),
        QStringLiteral(R"(CREATE VIRTUAL TABLE interaction_search USING fts5(
            summary, content = 'interactions', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'))"),
        QStringLiteral(R"(CREATE TRIGGER interactions_search_insert AFTER INSERT ON interactions BEGIN
            INSERT INTO interaction_search(rowid, summary) VALUES (new.id, new.summary);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER interactions_search_delete AFTER DELETE ON interactions BEGIN
            INSERT INTO interaction_search(interaction_search, rowid, summary)
            VALUES ('delete', old.id, old.summary);
            END)"),
        QStringLiteral(
            R"(CREATE TRIGGER interactions_search_update AFTER UPDATE OF summary ON interactions BEGIN
            INSERT INTO interaction_search(interaction_search, rowid, summary)
            VALUES ('delete', old.id, old.summary);
            INSERT INTO interaction_search(rowid, summary) VALUES (new.id, new.summary);
            END)"),
        QStringLiteral(R"(CREATE VIRTUAL TABLE note_search USING fts5(
            text, content = 'trust_notes', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2'))"),
        QStringLiteral(R"(CREATE TRIGGER trust_notes_search_insert AFTER INSERT ON trust_notes BEGIN
            INSERT INTO note_search(rowid, text) VALUES (new.id, new.text);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER trust_notes_search_delete AFTER DELETE ON trust_notes BEGIN
            INSERT INTO note_search(note_search, rowid, text) VALUES ('delete', old.id, old.text);
            END)"),
        QStringLiteral(R"(CREATE TRIGGER trust_notes_search_update AFTER UPDATE OF text ON trust_notes BEGIN
            INSERT INTO note_search(note_search, rowid, text) VALUES ('delete', old.id, old.text);
            INSERT INTO note_search(rowid, text) VALUES (new.id, new.text);
            END)"),
    };
}

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> all{
        {1, "contacts, interactions, trust notes, scoring state and search", schemaVersion1()},
    };
    return all;
}

int currentSchemaVersion()
{
    return migrations().constLast().version;
}

} // namespace rapport
