// SPDX-License-Identifier: GPL-3.0-or-later
// rapport log: logs one conversation and prints the contact's new score.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/Clock.h"
#include "core/services/ConversationLog.h"
#include "core/storage/TeamMemberRepository.h"

namespace rapport::cli {

int runLog(const QStringList& arguments)
{
    const QString command = QStringLiteral("log");
    CommandParser parser(
        command,
        QStringLiteral("rapport log --database PATH --contact ID|EMAIL|HANDLE --channel C "
                       "--direction outbound|inbound|mutual [--at ISO] [--summary TEXT] [--by NAME]"),
        QStringLiteral("Logs a conversation with a contact and prints the new score."));
    parser.addOption(contactReferenceOption());
    parser.addOption({QStringLiteral("channel"),
                      QStringLiteral("One of: %1.").arg(channelNames().join(QStringLiteral(", "))),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("direction"),
                      QStringLiteral("outbound (you reached out), inbound (they did) or mutual (both, e.g. a "
                                     "meeting)."),
                      QStringLiteral("D")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("When it happened: ISO 8601 date or date-time, UTC unless an offset is given "
                        "(default: now)."),
         QStringLiteral("ISO")});
    parser.addOption({QStringLiteral("summary"), QStringLiteral("One line on what it was about."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("by"), QStringLiteral("Team member who logs it (created if new)."),
                      QStringLiteral("NAME")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"contact", "channel", "direction"}))
        return *missing;

    Interaction interaction;
    const std::optional<Channel> channel = parseChannel(parser.value(QStringLiteral("channel")));
    if (!channel)
        return fail(command, Error::badInput(QStringLiteral("--channel '%1': expected one of %2")
                                                 .arg(parser.value(QStringLiteral("channel")),
                                                      channelNames().join(QStringLiteral(", ")))));
    const std::optional<Direction> direction = parseDirection(parser.value(QStringLiteral("direction")));
    if (!direction)
        return fail(command,
                    Error::badInput(QStringLiteral("--direction '%1': expected outbound, inbound or mutual")
                                        .arg(parser.value(QStringLiteral("direction")))));
    interaction.channel = *channel;
    interaction.direction = *direction;
    const Result<qint64> at = atOption(parser);
    if (!at)
        return fail(command, at.error());
    interaction.occurredAt = *at;
    interaction.summary = parser.value(QStringLiteral("summary"));

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contactId = requiredContact(parser, **db);
    if (!contactId)
        return fail(command, contactId.error());
    interaction.contactId = *contactId;
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());

    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    if (parser.isSet(QStringLiteral("by"))) {
        const Result<qint64> member = TeamMemberRepository(**db).ensure(parser.value(QStringLiteral("by")));
        if (!member)
            return fail(command, member.error());
        interaction.loggedBy = *member;
    }
    const Result<qint64> id = ConversationLog(**db, *engine).log(interaction);
    if (!id)
        return fail(command, id.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());

    const Result<ContactScore> score = engine->score(*contactId, Clock::nowSeconds());
    if (!score)
        return fail(command, score.error());
    out() << QStringLiteral("logged interaction %1; %2").arg(*id).arg(score->explanation()) << Qt::endl;
    return Success;
}

} // namespace rapport::cli
