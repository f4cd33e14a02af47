// SPDX-License-Identifier: GPL-3.0-or-later
// Imports the conversations of a mail archive (MailReader, MailRules): one interaction per message and
// counterpart, matched to contacts by email or creating them, each remembered by a source key so that
// importing the archive again adds nothing. One pass inside one transaction, with the scores of the
// contacts whose log grew rebuilt in it; a dry run rolls it back, so its counts are the real run's.
#pragma once

#include "core/conversations/MailReader.h"
#include "core/storage/Database.h"

#include <QList>
#include <QMap>
#include <QStringList>

namespace rapport {

enum class NewContacts
{
    All, // an address no contact has becomes a contact named from the mail's header
    None // such counterparts are left out and counted
};

struct ConversationImportOptions
{
    MailFormat format = MailFormat::Auto;
    QStringList me; // my addresses, besides the email of the team member `by`
    QString by;     // the team member the conversations are logged by (created if new); may be empty
    NewContacts newContacts = NewContacts::All;
    bool bodies = false; // store each message's text, at most bodyLimit bytes
};

inline constexpr qsizetype bodyLimit = 4096; // bytes of UTF-8

struct ConversationReport
{
    QString format; // "mbox", "eml" or "mbox and eml"
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
    QStringList ignoredFiles;              // files of a folder that are not mail
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

    // A usage error when there is no "me"; a bad-input error naming a file that is not mail, and then
    // nothing is written.
    Result<ConversationReport> run(bool dryRun) const;

private:
    Database& m_db;
    QString m_path;
    ConversationImportOptions m_options;
};

} // namespace rapport
