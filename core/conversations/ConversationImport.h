// SPDX-License-Identifier: GPL-3.0-or-later
// Imports the conversations of an archive (mail, Slack, Mastodon, … read by a ConversationSource): one
// interaction per message and counterpart, matched to contacts by email or handle or creating them, each
// remembered by a source key so that importing the archive again adds nothing. One pass inside one
// transaction, with the scores of the contacts whose log grew rebuilt in it; a dry run rolls it back, so its
// counts are the real run's.
#pragma once

#include "core/conversations/ConversationSource.h"
#include "core/storage/Database.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace rapport {

enum class NewContacts
{
    All, // a person no contact has the address or handle of becomes a contact named from the archive
    None // such counterparts are left out and counted
};

struct ConversationImportOptions
{
    ConversationFormat format = ConversationFormat::Auto;
    QStringList me; // my addresses (or for chat archives my user id, email or name), besides `by`'s email
    QString by;     // the team member the conversations are logged by (created if new); may be empty
    NewContacts newContacts = NewContacts::All;
    bool bodies = false; // store each message's text, at most bodyLimit bytes
};

inline constexpr qsizetype bodyLimit = 4096; // bytes of UTF-8

struct ConversationReport
{
    QString format; // "mbox", "eml", "mbox and eml", "slack", …
    qint64 messages = 0;
    qint64 created = 0;   // interactions
    qint64 unchanged = 0; // imported before
    qint64 repeated = 0;  // the same message and counterpart earlier in this archive
    qint64 outbound = 0;
    qint64 inbound = 0;
    qint64 contactsCreated = 0;
    qint64 contactsMatched = 0;
    QMap<QString, qint64> skippedMessages; // reason -> messages
    QMap<QString, qint64> skippedPeople;   // reason -> distinct addresses left out
    QStringList ignoredFiles;              // files of a folder that are not part of the archive
    bool dryRun = false;
    bool written = false;
    QList<qint64> touchedContacts; // created, or whose log grew
};

class ConversationImporter
{
public:
    ConversationImporter(Database& db, QString path, ConversationImportOptions options)
        : m_db(db)
        , m_path(std::move(path))
        , m_options(std::move(options))
    {}

    // A usage error when there is no "me"; a bad-input error naming a file that is not what it claims,
    // and then nothing is written.
    Result<ConversationReport> run(bool dryRun) const;

private:
    Database& m_db;
    QString m_path;
    ConversationImportOptions m_options;
};

} // namespace rapport
