// SPDX-License-Identifier: GPL-3.0-or-later
// rapport import conversations: logs the conversations of a mail archive (an mbox file, .eml files or a
// folder of them) or a chat or forum export (Slack, Mastodon, Discourse, Discord) with the contacts they were
// with, creating contacts for new people, all or nothing.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/conversations/ConversationImport.h"
#include "core/storage/TeamMemberRepository.h"

namespace rapport::cli {

namespace {

// "10 automated sender, 2 no date".
QString byReason(const QMap<QString, qint64>& counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts << QStringLiteral("%1 %2").arg(it.value()).arg(it.key());
    return parts.join(QStringLiteral(", "));
}

qint64 total(const QMap<QString, qint64>& counts)
{
    qint64 sum = 0;
    for (const qint64 n : counts)
        sum += n;
    return sum;
}

} // namespace

int runImportConversations(const QStringList& arguments)
{
    const QString command = QStringLiteral("import conversations");
    CommandParser parser(
        command,
        QStringLiteral("rapport import conversations PATH --database D [--format FORMAT] [--me ME]... "
                       "[--by TEAM_MEMBER] [--new-contacts all|none] [--bodies] [--dry-run]"),
        QStringLiteral("Logs the conversations of a mail archive, a Slack export, a Mastodon archive, "
                       "a Discourse topic or a Discord channel: one per message and person, mine outbound, "
                       "theirs to me inbound; "
                       "automated, list and broadcast mail, bots, boosts, and channel or forum posts that "
                       "are neither replies nor mentions between me and someone are skipped. "
                       "Importing the same archive again adds nothing. All is written in one "
                       "transaction, or nothing."));
    parser.addPositional(
        QStringLiteral("PATH"),
        QStringLiteral("An mbox file (Thunderbird, Google Takeout), an .eml file, or a folder of "
                       "them; a Slack workspace export or a Mastodon archive, as its .zip or unpacked; a "
                       "Discourse topic's /t/ID.json; a DiscordChatExporter JSON or CSV export, or "
                       "Discord's own data package as its .zip or unpacked."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("auto (default: by content), mbox, eml, slack, mastodon, discourse or "
                                     "discord."),
                      QStringLiteral("FORMAT"), QStringLiteral("auto")});
    parser.addOption(
        {QStringLiteral("me"),
         QStringLiteral(
             "Who I am: for mail one of my addresses, for Slack my user id (U…) or "
             "my email or name in users.json, for Discourse my username, for Discord my user id or name; "
             "repeat for "
             "each. The --by member's identities (Settings > Team, rapport team identity add) count "
             "too. A Mastodon archive and a Discord data package name their owner themselves."),
         QStringLiteral("ME")});
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Team member the conversations are logged by (created if new; default: "
                                     "the desktop app's \"I am\" member)."),
                      QStringLiteral("TEAM_MEMBER")});
    parser.addOption({QStringLiteral("new-contacts"),
                      QStringLiteral("all (default: people no contact has the address or handle of become "
                                     "contacts) or "
                                     "none (they are left out and counted)."),
                      QStringLiteral("all|none"), QStringLiteral("all")});
    parser.addOption({QStringLiteral("bodies"),
                      QStringLiteral("Store each message's text (a mail's text/plain part), at most 4 KB.")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Report what would be created and skipped; write nothing.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    ConversationImportOptions options;
    const std::optional<ConversationFormat> format =
        parseConversationFormat(parser.value(QStringLiteral("format")));
    if (!format)
        return fail(command, Error::usage(QStringLiteral("--format '%1': expected %2")
                                              .arg(parser.value(QStringLiteral("format")),
                                                   conversationFormatNames().join(QStringLiteral(", ")))));
    options.format = *format;
    const QString newContacts = parser.value(QStringLiteral("new-contacts")).trimmed().toLower();
    if (newContacts != QLatin1String("all") && newContacts != QLatin1String("none"))
        return fail(command, Error::usage(QStringLiteral("--new-contacts '%1': expected all or none")
                                              .arg(parser.value(QStringLiteral("new-contacts")))));
    options.newContacts = newContacts == QLatin1String("none") ? NewContacts::None : NewContacts::All;
    options.me = parser.parser().values(QStringLiteral("me"));
    options.bodies = parser.isSet(QStringLiteral("bodies"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    if (parser.isSet(QStringLiteral("by"))) {
        options.by = parser.value(QStringLiteral("by"));
        // The contacts it creates are the --by member's doing, when that member is already on the team.
        const Result<std::optional<TeamMember>> member = TeamMemberRepository(**db).findByName(options.by);
        if (!member)
            return fail(command, member.error());
        if (*member)
            (*db)->setChangeAttribution({(*member)->id, ChangeSource::CommandLine});
    } else if (const std::optional<TeamMember> member = configuredMember(**db)) {
        options.by = member->name;
    }
    const QString path = parser.positionals().at(0);
    const Result<ConversationReport> report = ConversationImporter(**db, path, options).run(dryRun);
    if (!report) {
        if (report.error().kind == ErrorKind::BadInput)
            err() << "rapport " << command << ": " << report.error().message << '\n'
                  << "rapport " << command << ": " << path << ": nothing imported" << Qt::endl;
        else
            return fail(command, report.error());
        return BadInputError;
    }
    for (const QString& ignored : report->ignoredFiles)
        err() << "rapport " << command << ": " << ignored << ": passed over: not mail\n";
    err().flush();
    out() << QStringLiteral("%1 conversations (%2): %3 created, %4 unchanged, %5 repeated in the archive "
                            "(%6 outbound, %7 inbound)")
                 .arg(dryRun ? QStringLiteral("dry run, nothing written:") : QStringLiteral("imported"),
                      report->format)
                 .arg(report->created)
                 .arg(report->unchanged)
                 .arg(report->repeated)
                 .arg(report->outbound)
                 .arg(report->inbound)
          << '\n';
    out() << QStringLiteral("contacts: %1 created, %2 matched")
                 .arg(report->contactsCreated)
                 .arg(report->contactsMatched)
          << '\n';
    const qint64 skipped = total(report->skippedMessages);
    out() << QStringLiteral("messages: %1 read, %2 skipped").arg(report->messages).arg(skipped)
          << (skipped > 0 ? QStringLiteral(": ") + byReason(report->skippedMessages) : QString()) << '\n';
    if (!report->skippedPeople.isEmpty())
        out() << QStringLiteral("people left out: %1").arg(byReason(report->skippedPeople)) << '\n';
    out().flush();
    return Success;
}

} // namespace rapport::cli
