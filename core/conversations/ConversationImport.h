// SPDX-License-Identifier: GPL-3.0-or-later
// Imports the conversations of an archive (mail, Slack, Mastodon, … read by a ConversationSource): one
// interaction per message and counterpart, matched to contacts by email or handle or creating them, each
// remembered by a source key so that importing the archive again adds nothing. One pass inside one
// transaction, with the scores of the contacts whose log grew rebuilt in it; a dry run rolls it back, so its
// counts are the real run's.
#pragma once

#include "core/base/Progress.h"
#include "core/conversations/ConversationSource.h"
#include "core/storage/Database.h"

#include <QList>
#include <QMap>
#include <QSet>
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
    // Counterpart keys (ArchivePerson::key) of people not to import, unticked after a dry run.
    QSet<QString> leftOut;
};

inline constexpr qsizetype bodyLimit = 4096; // bytes of UTF-8

// Someone the archive's conversations were with, as the import matched or created them.
struct ArchivePerson
{
    QString key;     // Counterpart::key
    QString name;    // as the archive names them, else the address or handle
    QString address; // the email, else the handle
    qint64 contactId = 0;
    bool created = false;     // a new contact, not one matched by address or handle
    qint64 conversations = 0; // interactions with them in the archive, new or imported before
    qint64 first = 0;         // seconds since the epoch, UTC
    qint64 last = 0;
};

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
    QList<ArchivePerson> people;   // everyone imported, in the order the archive met them
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
    // `progress` hears of every few hundred messages read, with a total of 0 (unknown); returning false
    // cancels, rolling back.
    Result<ConversationReport> run(bool dryRun, const ProgressCallback& progress = {}) const;

private:
    Database& m_db;
    QString m_path;
    ConversationImportOptions m_options;
};

} // namespace rapport
