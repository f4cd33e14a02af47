// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/storage/Migrations.h"

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

// The Monday 00:00 UTC that starts the week of a moment (the epoch fell on a Thursday, 4 days after a
// Monday). Integer seconds since the epoch, as everywhere in the schema.
QString weekOf(const char* moment)
{
    return QStringLiteral("(%1 - (%1 - 345600) % 604800)").arg(QLatin1String(moment));
}

// The tags a contact's interactions are counted under: 0 ("all tags") and each tag it carries.
QString countedTags(const char* contactId)
{
    return QStringLiteral(
               "(SELECT 0 AS tag_id UNION ALL SELECT tag_id FROM contact_tags WHERE contact_id = %1)")
        .arg(QLatin1String(contactId));
}

QString ownerOf(const char* contactId)
{
    return QStringLiteral("coalesce((SELECT owner_id FROM contacts WHERE id = %1), 0)")
        .arg(QLatin1String(contactId));
}

// Adds (sign "+") or removes (sign "-") one interaction row `row` ("new" or "old") from the rollup.
QString countInteraction(const char* row, char sign)
{
    const QString contact = QStringLiteral("%1.contact_id").arg(QLatin1String(row));
    const QByteArray contactId = contact.toLatin1();
    const QString at = QStringLiteral("%1.occurred_at").arg(QLatin1String(row));
    const QByteArray moment = at.toLatin1();
    if (sign == '+')
        return QStringLiteral("INSERT INTO activity_weeks (week, owner_id, tag_id, channel, direction, n)"
                              " SELECT %1, %2, g.tag_id, %3.channel, %3.direction, 1 FROM %4 g WHERE true"
                              " ON CONFLICT DO UPDATE SET n = n + excluded.n;")
            .arg(weekOf(moment.constData()), ownerOf(contactId.constData()), QLatin1String(row),
                 countedTags(contactId.constData()));
    return QStringLiteral("UPDATE activity_weeks SET n = n - 1 WHERE week = %1 AND owner_id = %2"
                          " AND tag_id IN (SELECT tag_id FROM %4) AND channel = %3.channel"
                          " AND direction = %3.direction;")
        .arg(weekOf(moment.constData()), ownerOf(contactId.constData()), QLatin1String(row),
             countedTags(contactId.constData()));
}

// Adds or removes a contact's whole log under one owner (an SQL expression) and a set of tags (a
// subquery with a tag_id column): what an owner or tag change moves from one group to another.
QString countContactLog(const char* contactId, const QString& owner, const QString& tags, char sign)
{
    const QString grouped =
        QStringLiteral("SELECT %1 AS week, g.tag_id, i.channel, i.direction, count(*) AS k"
                       " FROM interactions i, %2 g WHERE i.contact_id = %3 GROUP BY 1, 2, 3, 4")
            .arg(weekOf("i.occurred_at"), tags, QLatin1String(contactId));
    if (sign == '+')
        return QStringLiteral(
                   "INSERT INTO activity_weeks (week, owner_id, tag_id, channel, direction, n)"
                   " SELECT d.week, %1, d.tag_id, d.channel, d.direction, d.k FROM (%2) d WHERE true"
                   " ON CONFLICT DO UPDATE SET n = n + excluded.n;")
            .arg(owner, grouped);
    // Triggers refuse an alias for the updated table, so its columns are qualified by its name.
    return QStringLiteral("UPDATE activity_weeks SET n = n - d.k FROM (%2) d"
                          " WHERE activity_weeks.week = d.week AND activity_weeks.owner_id = %1"
                          " AND activity_weeks.tag_id = d.tag_id AND activity_weeks.channel = d.channel"
                          " AND activity_weeks.direction = d.direction;")
        .arg(owner, grouped);
}

// Counts the whole log into the rollup in one INSERT … SELECT (BulkLoad adds its batches in C++).
QString activityRollupFill()
{
    return QStringLiteral("INSERT INTO activity_weeks (week, owner_id, tag_id, channel, direction, n)"
                          " SELECT %1, coalesce(c.owner_id, 0), g.tag_id, i.channel, i.direction, count(*)"
                          " FROM interactions i JOIN contacts c ON c.id = i.contact_id"
                          " JOIN (SELECT id AS contact_id, 0 AS tag_id FROM contacts"
                          "       UNION ALL SELECT contact_id, tag_id FROM contact_tags) g ON g.contact_id = "
                          "i.contact_id"
                          " GROUP BY 1, 2, 3, 4, 5")
        .arg(weekOf("i.occurred_at"));
}

// Marks the past-health cache stale; its WHEN clauses keep every other write free of it.
QString invalidateHealth()
{
    return QStringLiteral("UPDATE health_cache SET valid = 0 WHERE valid != 0;");
}

// True when an interaction row ("new" or "old") falls at or before the newest cached week end: only then
// can a past week's scores change (a conversation logged now leaves them as they were).
QString beforeCachedWeek(const char* row)
{
    return QStringLiteral("%1.occurred_at <= (SELECT computed_for_week_end FROM health_cache)")
        .arg(QLatin1String(row));
}

// Only the scoring settings (ScoringEngine's "scoring." keys) change scores.
QString scoringKey(const char* row)
{
    return QStringLiteral("substr(%1.key, 1, 8) = 'scoring.'").arg(QLatin1String(row));
}

QString healthTrigger(const char* name, const char* event, const QString& when = {})
{
    return QStringLiteral("CREATE TRIGGER %1 AFTER %2%3 BEGIN %4 END")
        .arg(QLatin1String(name), QLatin1String(event),
             when.isEmpty() ? QString() : QStringLiteral(" WHEN ") + when, invalidateHealth());
}

// Version 2: a weekly rollup of the interaction log by owner, tag, channel and direction, so the
// dashboard's per-week counts read a few hundred rows instead of scanning millions of interactions.
// Triggers keep it exact for every writer; BulkLoad suspends the insert trigger and adds what a bulk
// load inserted in one pass. Rows whose count fell to 0 stay; readers sum them.
// Also the past-health cache (HealthHistory): band counts and score sums per closed week end and group,
// and each contact's band and score at the week ends Δ30 compares against. It is derived data: triggers
// mark it stale on every write that changes a past score (a backdated interaction, an owner, tag,
// cadence, archive or trust change, a new or deleted contact, a settings change) and HealthHistory
// rebuilds it. The extra triggers run only on those rarer writes; BulkLoad suspends the insert ones.
QStringList schemaVersion2()
{
    const QString newTag = QStringLiteral("(SELECT new.tag_id AS tag_id)");
    const QString oldTag = QStringLiteral("(SELECT old.tag_id AS tag_id)");
    return {
        QStringLiteral(R"(CREATE TABLE activity_weeks (
            week INTEGER NOT NULL,
            owner_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            channel TEXT NOT NULL,
            direction TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (week, owner_id, tag_id, channel, direction)) WITHOUT ROWID)"),
        activityRollupFill(),
        QStringLiteral(
            "CREATE TRIGGER interactions_activity_insert AFTER INSERT ON interactions BEGIN %1 END")
            .arg(countInteraction("new", '+')),
        QStringLiteral(
            "CREATE TRIGGER interactions_activity_delete AFTER DELETE ON interactions BEGIN %1 END")
            .arg(countInteraction("old", '-')),
        QStringLiteral("CREATE TRIGGER interactions_activity_update AFTER UPDATE OF contact_id, occurred_at,"
                       " channel, direction ON interactions BEGIN %1 %2 END")
            .arg(countInteraction("old", '-'), countInteraction("new", '+')),
        // A contact's interactions go first, while its owner and tags still say where they were counted;
        // the cascade that follows finds none left.
        QStringLiteral("CREATE TRIGGER contacts_activity_delete BEFORE DELETE ON contacts BEGIN"
                       " DELETE FROM interactions WHERE contact_id = old.id; END"),
        QStringLiteral("CREATE TRIGGER contacts_activity_owner AFTER UPDATE OF owner_id ON contacts"
                       " WHEN old.owner_id IS NOT new.owner_id BEGIN %1 %2 END")
            .arg(countContactLog("new.id", QStringLiteral("coalesce(old.owner_id, 0)"), countedTags("new.id"),
                                 '-'),
                 countContactLog("new.id", QStringLiteral("coalesce(new.owner_id, 0)"), countedTags("new.id"),
                                 '+')),
        QStringLiteral(
            "CREATE TRIGGER contact_tags_activity_insert AFTER INSERT ON contact_tags BEGIN %1 END")
            .arg(countContactLog("new.contact_id", ownerOf("new.contact_id"), newTag, '+')),
        QStringLiteral(
            "CREATE TRIGGER contact_tags_activity_delete AFTER DELETE ON contact_tags BEGIN %1 END")
            .arg(countContactLog("old.contact_id", ownerOf("old.contact_id"), oldTag, '-')),
        // The weeks cut by a period's bounds and its trust-note counts read these indexes alone: a
        // row lookup per interaction made a 90-day dashboard spend 200 ms on its two partial weeks.
        // The log's ORDER BY occurred_at, id still streams (SQLite sorts only equal times by id).
        QStringLiteral("DROP INDEX interactions_time"),
        QStringLiteral(
            "CREATE INDEX interactions_time ON interactions(occurred_at, channel, direction, contact_id)"),
        QStringLiteral("CREATE INDEX trust_notes_kind_time ON trust_notes(kind, created_at, contact_id)"),
        QStringLiteral(R"(CREATE TABLE health_weeks (
            week_end INTEGER NOT NULL,
            owner_id INTEGER NOT NULL,
            tag_id INTEGER NOT NULL,
            band INTEGER NOT NULL,
            contacts INTEGER NOT NULL,
            score_sum REAL NOT NULL,
            PRIMARY KEY (week_end, owner_id, tag_id, band)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE contact_weeks (
            week_end INTEGER NOT NULL,
            contact_id INTEGER NOT NULL,
            band INTEGER NOT NULL,
            score REAL NOT NULL,
            PRIMARY KEY (week_end, contact_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE health_cache (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            computed_for_week_end INTEGER NOT NULL,
            valid INTEGER NOT NULL))"),
        QStringLiteral("INSERT INTO health_cache (id, computed_for_week_end, valid) VALUES (1, 0, 0)"),
        healthTrigger("interactions_health_insert", "INSERT ON interactions", beforeCachedWeek("new")),
        healthTrigger("interactions_health_delete", "DELETE ON interactions", beforeCachedWeek("old")),
        healthTrigger("interactions_health_update",
                      "UPDATE OF contact_id, occurred_at, channel, direction ON interactions",
                      beforeCachedWeek("old") + QStringLiteral(" OR ") + beforeCachedWeek("new")),
        healthTrigger("contacts_health_insert", "INSERT ON contacts"),
        healthTrigger("contacts_health_delete", "DELETE ON contacts"),
        healthTrigger("contacts_health_update", "UPDATE OF owner_id, cadence_days, archived ON contacts",
                      QStringLiteral("old.owner_id IS NOT new.owner_id OR old.cadence_days IS NOT "
                                     "new.cadence_days OR old.archived IS NOT new.archived")),
        healthTrigger("contact_tags_health_insert", "INSERT ON contact_tags"),
        healthTrigger("contact_tags_health_delete", "DELETE ON contact_tags"),
        healthTrigger("tags_health_update", "UPDATE OF cadence_days ON tags",
                      QStringLiteral("old.cadence_days IS NOT new.cadence_days")),
        healthTrigger("trust_notes_health_insert", "INSERT ON trust_notes"),
        healthTrigger("trust_notes_health_delete", "DELETE ON trust_notes"),
        healthTrigger("trust_notes_health_update",
                      "UPDATE OF contact_id, created_at, trust_level ON trust_notes"),
        healthTrigger("settings_health_insert", "INSERT ON settings", scoringKey("new")),
        healthTrigger("settings_health_delete", "DELETE ON settings", scoringKey("old")),
        healthTrigger("settings_health_update", "UPDATE ON settings",
                      scoringKey("old") + QStringLiteral(" OR ") + scoringKey("new")),
    };
}

// Version 3: a revision number that every Rapport write transaction raises, so that a window tells its
// own workers' commits from other programs' (Database::commit, OwnCommits).
QStringList schemaVersion3()
{
    return {
        QStringLiteral(
            "CREATE TABLE commit_revision (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO commit_revision (id, n) VALUES (1, 0)"),
    };
}

// Version 4: one contact per email, phone or handle, enforced by a unique index so that two programs
// adding the same address at once cannot both succeed. Files from before may already give one address to
// several contacts; the upgrade must not fail on them or drop one, so every holder after the first is
// numbered in `clash` (1, 2, …) and stays where it is, for `rapport check` to list and a merge to settle.
QStringList schemaVersion4()
{
    return {
        QStringLiteral("ALTER TABLE contact_methods ADD COLUMN clash INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral(R"(UPDATE contact_methods
               SET clash = (SELECT count(*) FROM contact_methods earlier
                             WHERE earlier.normalized = contact_methods.normalized
                               AND earlier.kind = contact_methods.kind AND earlier.id < contact_methods.id)
             WHERE EXISTS (SELECT 1 FROM contact_methods earlier
                            WHERE earlier.normalized = contact_methods.normalized
                              AND earlier.kind = contact_methods.kind AND earlier.id < contact_methods.id))"),
        QStringLiteral("DROP INDEX contact_methods_lookup"),
        QStringLiteral(
            "CREATE UNIQUE INDEX contact_methods_unique ON contact_methods(normalized, kind, clash)"),
    };
}

// Version 5: pairs of contacts someone marked "not the same person", so that the duplicate finder does
// not propose them again. Stored with the lower id first; a deleted contact takes its pairs with it
// (a contact's snapshot keeps them for undo).
QStringList schemaVersion5()
{
    return {
        QStringLiteral(R"(CREATE TABLE distinct_contacts (
            first_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            second_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            marked_at INTEGER NOT NULL,
            PRIMARY KEY (first_id, second_id),
            CHECK (first_id < second_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX distinct_contacts_second ON distinct_contacts(second_id)"),
    };
}

// Version 6: what remains of a forgotten person — salted hashes of their emails, phones and handles, so
// that an import can say "skipped: forgotten" without the file keeping the addresses themselves. The salt
// is the file's own, so the hashes cannot be compared with another file's.
QStringList schemaVersion6()
{
    return {
        QStringLiteral(
            "CREATE TABLE forget_salt (id INTEGER PRIMARY KEY CHECK (id = 1), salt BLOB NOT NULL)"),
        QStringLiteral("INSERT INTO forget_salt (id, salt) VALUES (1, randomblob(16))"),
        QStringLiteral("CREATE TABLE forgotten_keys (hash TEXT PRIMARY KEY, forgotten_at INTEGER NOT NULL) "
                       "WITHOUT ROWID"),
    };
}

// Version 7: follow-ups (something to do for a contact by a date: reach out, or keep a promise we or they
// made) and reach-out holds (a snooze hides a contact from reach out until a moment; a dismissal, with no
// moment, until the next conversation after it). A follow-up's closed_at is set exactly when it is no
// longer open; closing a promise as kept or broken links the trust note that records it.
QStringList schemaVersion7()
{
    return {
        QStringLiteral(R"(CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'reach_out' OR kind = 'our_commitment' OR
                    kind = 'their_commitment'),
            text TEXT NOT NULL DEFAULT '',
            owner_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status = 'open' OR status = 'done' OR
                    status = 'kept' OR status = 'broken' OR status = 'dropped'),
            created_at INTEGER NOT NULL,
            closed_at INTEGER,
            trust_note_id INTEGER REFERENCES trust_notes(id) ON DELETE SET NULL,
            CHECK ((status = 'open') = (closed_at IS NULL))))"),
        QStringLiteral("CREATE INDEX follow_ups_status_due ON follow_ups(status, due_at)"),
        QStringLiteral("CREATE INDEX follow_ups_contact ON follow_ups(contact_id)"),
        QStringLiteral("CREATE INDEX follow_ups_trust_note ON follow_ups(trust_note_id)"),
        QStringLiteral(R"(CREATE TABLE reach_out_holds (
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
            until_at INTEGER,
            created_at INTEGER NOT NULL))"),
    };
}

// Version 8: where imported conversations came from, so that importing an archive again, or one that
// overlaps it, adds nothing. The key is a hash (of a mail's Message-ID and the counterpart's address, for
// instance): fixed-size, and it keeps no address in the clear once a forgotten contact's log is deleted.
QStringList schemaVersion8()
{
    return {
        QStringLiteral(R"(CREATE TABLE interaction_sources (
            source_key TEXT PRIMARY KEY,
            interaction_id INTEGER NOT NULL REFERENCES interactions(id) ON DELETE CASCADE) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX interaction_sources_interaction ON interaction_sources(interaction_id)"),
    };
}

// Version 9: each contact's change history — who (a team member, kept as NULL once removed) changed
// which field when, from what to what, and in the course of what (ContactChange.h). Values are text as
// the history shows them; an empty one means there was none. The history goes with its contact, so a
// forgotten person's old names and addresses go too; files from before start with an empty history.
// AUTOINCREMENT because undoing a delete or a merge puts entries back under their ids: an entry recorded
// meanwhile must not have taken one of them.
QStringList schemaVersion9()
{
    return {
        QStringLiteral(R"(CREATE TABLE contact_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            changed_at INTEGER NOT NULL,
            author_id INTEGER REFERENCES team_members(id) ON DELETE SET NULL,
            field TEXT NOT NULL CHECK (length(field) > 0),
            old_value TEXT NOT NULL DEFAULT '',
            new_value TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL CHECK (source = 'edit' OR source = 'command_line' OR source = 'import' OR
                    source = 'merge' OR source = 'bulk_edit' OR source = 'undo' OR source = 'redo')))"),
        QStringLiteral(
            "CREATE INDEX contact_changes_contact_time ON contact_changes(contact_id, changed_at)"),
        // Removing a team member sets their entries' author to NULL without scanning every entry.
        QStringLiteral("CREATE INDEX contact_changes_author ON contact_changes(author_id)"),
    };
}

// Version 10: the UIDs of the vCards a contact was imported from, so that importing the same card again
// (from a phone, a DAV server, Rapport's own export) finds the contact even when its name or every email
// changed. A UID belongs to one contact; a contact may have several (the same person on two phones), in
// the order of the rowid: the first kept is the one an export writes.
QStringList schemaVersion10()
{
    return {
        QStringLiteral(R"(CREATE TABLE contact_uids (
            uid TEXT PRIMARY KEY CHECK (length(trim(uid)) > 0),
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX contact_uids_contact ON contact_uids(contact_id)"),
    };
}

// Version 11: who introduced whom, and who knows whom, among the contacts. `introduced_by` reads "contact
// was introduced by other": a person has at most one introducer. `knows` is symmetric, so it is kept once,
// the lower id first. occurred_at is when the introduction happened or since when they know each other,
// when someone said; a link goes with either contact (a contact's snapshot keeps its links for undo).
QStringList schemaVersion11()
{
    return {
        QStringLiteral(R"(CREATE TABLE contact_links (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'introduced_by' OR kind = 'knows'),
            note TEXT NOT NULL DEFAULT '',
            occurred_at INTEGER,
            created_at INTEGER NOT NULL,
            CHECK (contact_id <> other_id),
            CHECK (kind = 'introduced_by' OR contact_id < other_id)))"),
        QStringLiteral("CREATE UNIQUE INDEX contact_links_introducer ON contact_links(contact_id) "
                       "WHERE kind = 'introduced_by'"),
        QStringLiteral("CREATE UNIQUE INDEX contact_links_knows ON contact_links(contact_id, other_id) "
                       "WHERE kind = 'knows'"),
        // The other side: whom a contact introduced (connectors count them), whom it knows.
        QStringLiteral("CREATE INDEX contact_links_other ON contact_links(other_id, kind)"),
    };
}

// Version 12: events and group conversations — a meetup, an AMA, a webinar, a survey, a poll, a podcast, a
// live chat or a forum thread — and who took part in each, in what role. Each participant who took part
// has one ordinary interaction in the log (written by EventLog), so scoring, the dashboard and every report
// count it unchanged; interaction_id links it, and is NULL for someone invited who did not show. A person
// takes part in an event once. The participation goes with its event or its contact; a participation
// whose interaction was deleted from the log keeps its role.
QStringList schemaVersion12()
{
    return {
        QStringLiteral(R"(CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            kind TEXT NOT NULL CHECK (kind = 'meetup' OR kind = 'ama' OR kind = 'webinar' OR
                    kind = 'survey' OR kind = 'poll' OR kind = 'podcast' OR kind = 'live_chat' OR
                    kind = 'forum_thread'),
            occurred_at INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel = 'email' OR channel = 'call' OR channel = 'meeting' OR
                    channel = 'forum' OR channel = 'chat' OR channel = 'social' OR
                    channel = 'event' OR channel = 'other'),
            link TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX events_time ON events(occurred_at)"),
        QStringLiteral(R"(CREATE TABLE event_participants (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role = 'attended' OR role = 'spoke' OR role = 'answered' OR
                    role = 'organized' OR role = 'invited_no_show'),
            interaction_id INTEGER REFERENCES interactions(id) ON DELETE SET NULL,
            PRIMARY KEY (event_id, contact_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX event_participants_contact ON event_participants(contact_id, event_id)"),
        QStringLiteral("CREATE INDEX event_participants_interaction ON event_participants(interaction_id)"),
    };
}

// Version 13: how team members appear in the archives the team imports — emails and handles, `kind: value`
// as a contact's methods, compared as those are (`normalized`). One identity belongs to one member at most,
// so an archive's "me" and the team's own addresses that never become contacts are unambiguous. The email
// a member was created with becomes their first identity; were two members given one address, the older
// member keeps it (SQLite's lower() folds ASCII only, which is what addresses are in practice).
QStringList schemaVersion13()
{
    return {
        QStringLiteral(R"(CREATE TABLE team_identities (
            id INTEGER PRIMARY KEY,
            member_id INTEGER NOT NULL REFERENCES team_members(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind = 'email' OR kind = 'phone' OR kind = 'forum' OR kind = 'x' OR
                    kind = 'linkedin' OR kind = 'facebook' OR kind = 'mastodon' OR
                    kind = 'discord' OR kind = 'slack' OR kind = 'github' OR
                    kind = 'website'),
            value TEXT NOT NULL CHECK (length(trim(value)) > 0),
            normalized TEXT NOT NULL CHECK (length(normalized) > 0),
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE UNIQUE INDEX team_identities_unique ON team_identities(normalized, kind)"),
        QStringLiteral("CREATE INDEX team_identities_member ON team_identities(member_id)"),
        QStringLiteral(
            R"(INSERT OR IGNORE INTO team_identities (member_id, kind, value, normalized, created_at)
            SELECT id, 'email', trim(email), lower(trim(email)), created_at FROM team_members
             WHERE trim(email) LIKE '%_@_%' ORDER BY id)"),
    };
}

} // namespace

const QList<Migration>& migrations()
{
    static const QList<Migration> all{
        {1, "contacts, interactions, trust notes, scoring state and search", schemaVersion1()},
        {2, "weekly activity rollup and past-health cache for the dashboard", schemaVersion2()},
        {3, "commit revisions for change watching", schemaVersion3()},
        {4, "one contact per email, phone or handle", schemaVersion4()},
        {5, "pairs of contacts marked not the same person", schemaVersion5()},
        {6, "salted hashes of forgotten people's addresses", schemaVersion6()},
        {7, "follow-ups, commitments, snoozes and dismissals", schemaVersion7()},
        {8, "source keys of imported conversations", schemaVersion8()},
        {9, "change history of contacts", schemaVersion9()},
        {10, "UIDs of imported vCards", schemaVersion10()},
        {11, "introductions and acquaintances between contacts", schemaVersion11()},
        {12, "events and their participants", schemaVersion12()},
        {13, "team members' emails and handles", schemaVersion13()},
    };
    return all;
}

int currentSchemaVersion()
{
    return migrations().constLast().version;
}

} // namespace rapport
