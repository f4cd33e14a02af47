// SPDX-License-Identifier: GPL-3.0-or-later
// A person's right to see, take and erase what is kept about them: everything about one contact as one
// JSON document (schema in the README, "rapport-person/1"), and forgetting a contact so that its bytes
// are gone from the file and a later import does not bring it back.
#pragma once

#include "core/model/ContactLink.h"
#include "core/scoring/ScoringEngine.h"
#include "core/storage/Database.h"

#include <QJsonObject>
#include <QStringList>

namespace rapport {

// Fields, emails, phones, handles, tags, conversations, trust notes, the score with its explanation and
// its weekly history over the last year, the change history, the contacts marked as not the same
// person, the UIDs kept from imported vCards, who introduced them and whom they introduced and know, and the
// person's vCard (4.0) as text.
Result<QJsonObject> personDocument(Database& db, const ScoringEngine& engine, qint64 contactId, qint64 now);

// One entry of a change history as the person document and `rapport history --json` write it.
QJsonObject contactChangeJson(const ContactChange& change);

// A contact's introductions and acquaintances as the person document and `rapport links --json` write them:
// {"introduced_by": person or null, "introduced": [persons], "knows": [persons]}, each person
// {"id", "name", "note", "date"}.
QJsonObject personLinksJson(const PersonLinks& links);

struct ForgetReport
{
    QString name;
    qint64 methods = 0;
    qint64 conversations = 0;
    qint64 notes = 0;
    bool checkpointed = false; // the write-ahead log was emptied; false while another connection reads
};

class PersonEraser
{
public:
    explicit PersonEraser(Database& db)
        : m_db(db)
    {}

    // Deletes the contact with its methods, tags (and the tags only it had), log, notes, scoring state,
    // search-index entries, links to other contacts (and their histories' entries naming it) and
    // dashboard rows in one transaction with secure_delete on, rewrites the full-text indexes so that no
    // segment keeps its words, keeps only salted hashes of its emails and handles (see isForgotten), and
    // empties the write-ahead log. Other contacts' scores and the dashboard's totals are rebuilt by the
    // schema's triggers as for any delete.
    Result<ForgetReport> forget(qint64 contactId);

    // Whether an email, phone or handle (normalized) belonged to a forgotten contact.
    Result<bool> isForgotten(const QString& kind, const QString& normalized) const;

private:
    Result<QByteArray> keyHash(const QString& kind, const QString& normalized) const;
    Database& m_db;
};

} // namespace rapport
