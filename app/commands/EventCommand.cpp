// SPDX-License-Identifier: GPL-3.0-or-later
// rapport event: logs an event with its participants (named on the command line or in an attendance
// file), lists and shows events (read-only), adds and removes participants, and deletes events. Every
// write goes through EventLog, so each participant's interaction and score move with the event.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/IsoTime.h"
#include "core/services/AttendanceFile.h"
#include "core/services/EventLog.h"
#include "core/storage/EventRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::cli {

namespace {

const QCommandLineOption participantOption{
    QStringLiteral("participant"),
    QStringLiteral("A participant: contact id, email, SERVICE:HANDLE, handle or display name (repeatable)."),
    QStringLiteral("REF")};
const QCommandLineOption roleOption{
    QStringLiteral("role"),
    QStringLiteral("Their role: attended (default), spoke, answered, organized or invited-no-show."),
    QStringLiteral("R")};

QString eventDay(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date().toString(Qt::ISODate);
}

// The event's id, the first positional argument.
Result<qint64> eventId(const CommandParser& parser)
{
    const QString typed = parser.positionals().constFirst();
    bool isNumber = false;
    const qint64 id = typed.toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return Error::badInput(QStringLiteral("ID '%1': expected an event id (see event list)").arg(typed));
    return id;
}

Result<ParticipantRole> roleOf(const CommandParser& parser)
{
    if (!parser.isSet(QStringLiteral("role")))
        return ParticipantRole::Attended;
    const QString typed = parser.value(QStringLiteral("role"));
    if (const std::optional<ParticipantRole> role = parseAttendanceRole(typed))
        return *role;
    return Error::badInput(QStringLiteral("--role '%1': expected attended, spoke, answered, organized or "
                                          "invited-no-show")
                               .arg(typed));
}

// resolveParticipant() names its field "contact: …"; here it is the --participant option.
Error participantError(const Error& error)
{
    const QString field = QStringLiteral("contact: ");
    const QString message = error.message.startsWith(field) ? error.message.mid(field.size()) : error.message;
    return {error.kind, QStringLiteral("--participant: %1").arg(message)};
}

// The contacts --participant names, all of them resolved or every unknown one reported.
Result<QList<qint64>> participantIds(const CommandParser& parser, Database& db)
{
    QList<qint64> ids;
    QStringList problems;
    for (const QString& typed : parser.parser().values(participantOption)) {
        const Result<qint64> id = resolveParticipant(db, typed);
        if (id) {
            ids << *id;
            continue;
        }
        if (id.error().kind == ErrorKind::Database)
            return id.error();
        problems << participantError(id.error()).message;
    }
    if (!problems.isEmpty())
        return Error::badInput(problems.join(QLatin1Char('\n')));
    return ids;
}

// Prints every line of a bad-input error under the command's name, then that nothing was written.
int failNothingWritten(const QString& command, const Error& error)
{
    if (error.kind != ErrorKind::BadInput && error.kind != ErrorKind::NotFound)
        return fail(command, error);
    out().flush();
    for (const QString& line : error.message.split(QLatin1Char('\n')))
        err() << "rapport " << command << ": " << line << '\n';
    err() << "rapport " << command << ": nothing written" << Qt::endl;
    return BadInputError;
}

// The team member the interactions are logged by: --by (created if new), or the desktop app's "I am".
Result<std::optional<qint64>> loggedBy(const CommandParser& parser, Database& db)
{
    if (parser.isSet(QStringLiteral("by"))) {
        const Result<qint64> member = TeamMemberRepository(db).ensure(parser.value(QStringLiteral("by")));
        if (!member)
            return optionError(QStringLiteral("by"), member.error());
        return std::optional<qint64>(*member);
    }
    if (const std::optional<TeamMember> me = configuredMember(db))
        return std::optional<qint64>(me->id);
    return std::optional<qint64>();
}

QJsonObject eventJson(const ListedEvent& listed)
{
    const Event& event = listed.event;
    return QJsonObject{{QStringLiteral("id"), event.id},
                       {QStringLiteral("name"), event.name},
                       {QStringLiteral("kind"), eventKindName(event.kind)},
                       {QStringLiteral("occurred_at"), formatIsoMoment(event.occurredAt)},
                       {QStringLiteral("channel"), channelName(event.channel)},
                       {QStringLiteral("link"), event.link.isEmpty() ? QJsonValue() : QJsonValue(event.link)},
                       {QStringLiteral("participants"), listed.tookPart + listed.invited},
                       {QStringLiteral("took_part"), listed.tookPart},
                       {QStringLiteral("invited_no_show"), listed.invited},
                       {QStringLiteral("first_timers"), listed.firstTimers}};
}

// "7 2026-05-14 meetup Rust meetup: 35 participants, 32 took part (4 first-timers)"
QString eventLine(const ListedEvent& listed)
{
    const Event& event = listed.event;
    return QStringLiteral("%1 %2 %3 %4: %5, %6 took part (%7)")
        .arg(event.id)
        .arg(eventDay(event.occurredAt), eventKindName(event.kind), event.name,
             counted(listed.tookPart + listed.invited, "participant", "participants"))
        .arg(listed.tookPart)
        .arg(counted(listed.firstTimers, "first-timer", "first-timers"));
}

// "first time" or "regular", or nothing, beside a participant.
QString participantMark(const ListedParticipant& listed)
{
    if (listed.firstTimer())
        return QStringLiteral("first time");
    if (listed.regular())
        return QStringLiteral("regular");
    return {};
}

int runAdd(const QStringList& arguments)
{
    const QString command = QStringLiteral("event add");
    CommandParser parser(
        command,
        QStringLiteral("rapport event add --database PATH --name NAME --kind K [--at DATE] [--channel C] "
                       "[--link URL] [--participants FILE] [--participant REF]... [--role R] [--by NAME]"),
        QStringLiteral("Logs an event and writes one conversation with each participant who took part. "
                       "Participants come from an attendance file (CSV with a header row naming an Email, "
                       "Handle, Name or Participant column and, optionally, a Role column) and from "
                       "--participant; if any of them is unknown, nothing is written."));
    parser.addOption(
        {QStringLiteral("name"), QStringLiteral("What the event is called."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("kind"),
                      QStringLiteral("One of: %1.").arg(eventKindNames().join(QStringLiteral(", "))),
                      QStringLiteral("K")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("When it took place: ISO 8601 date or date-time, UTC unless an offset is "
                        "given (default: now)."),
         QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("channel"),
         QStringLiteral("One of: %1 (default: event).").arg(channelNames().join(QStringLiteral(", "))),
         QStringLiteral("C")});
    parser.addOption({QStringLiteral("link"), QStringLiteral("Where the event is, or its recording."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("participants"),
                      QStringLiteral("An attendance file (CSV); rows without a role take --role."),
                      QStringLiteral("FILE")});
    parser.addOption(participantOption);
    parser.addOption(roleOption);
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Team member who logs it (created if new; default: "
                                     "the desktop app's \"I am\")."),
                      QStringLiteral("NAME")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"name", "kind"}))
        return *missing;

    Event event;
    event.name = parser.value(QStringLiteral("name"));
    if (event.name.trimmed().isEmpty())
        return fail(command, Error::badInput(QStringLiteral("--name: an event needs a name")));
    const std::optional<EventKind> kind = parseEventKind(parser.value(QStringLiteral("kind")));
    if (!kind)
        return fail(command, Error::badInput(QStringLiteral("--kind '%1': expected one of %2")
                                                 .arg(parser.value(QStringLiteral("kind")),
                                                      eventKindNames().join(QStringLiteral(", ")))));
    event.kind = *kind;
    if (parser.isSet(QStringLiteral("channel"))) {
        const std::optional<Channel> channel = parseChannel(parser.value(QStringLiteral("channel")));
        if (!channel)
            return fail(command, Error::badInput(QStringLiteral("--channel '%1': expected one of %2")
                                                     .arg(parser.value(QStringLiteral("channel")),
                                                          channelNames().join(QStringLiteral(", ")))));
        event.channel = *channel;
    }
    const Result<qint64> at = atOption(parser);
    if (!at)
        return fail(command, at.error());
    event.occurredAt = *at;
    event.link = parser.value(QStringLiteral("link")).trimmed();
    const Result<ParticipantRole> role = roleOf(parser);
    if (!role)
        return fail(command, role.error());

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    QList<ParticipantEntry> participants;
    QHash<qint64, qsizetype> indexOf;
    const auto take = [&](const ParticipantEntry& entry) {
        // Someone in the file and on the command line too takes part once, in the stronger role.
        if (const auto seen = indexOf.constFind(entry.contactId); seen != indexOf.constEnd()) {
            participants[*seen].role = strongerRole(participants[*seen].role, entry.role);
            return;
        }
        indexOf.insert(entry.contactId, participants.size());
        participants << entry;
    };
    QStringList problems;
    if (parser.isSet(QStringLiteral("participants"))) {
        AttendanceOptions options;
        options.defaultRole = *role;
        const Result<Attendance> attendance =
            readAttendanceFile(**db, parser.value(QStringLiteral("participants")), options);
        if (attendance) {
            for (const ParticipantEntry& entry : attendance->participants)
                take(entry);
        } else if (attendance.error().kind == ErrorKind::BadInput) {
            problems << attendance.error().message;
        } else {
            return fail(command, attendance.error());
        }
    }
    const Result<QList<qint64>> named = participantIds(parser, **db);
    if (named) {
        for (const qint64 id : *named)
            take({id, *role});
    } else if (named.error().kind == ErrorKind::BadInput) {
        problems << named.error().message;
    } else {
        return fail(command, named.error());
    }
    if (!problems.isEmpty())
        return failNothingWritten(command, Error::badInput(problems.join(QLatin1Char('\n'))));

    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    const Result<std::optional<qint64>> member = loggedBy(parser, **db);
    if (!member)
        return fail(command, member.error());
    const Result<qint64> id = EventLog(**db, *engine, *member).create(event, participants);
    if (!id)
        return fail(command, id.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    const Result<ListedEvent> listed = EventRepository(**db).listed(*id);
    if (!listed)
        return fail(command, listed.error());
    out() << QStringLiteral("added event %1 (%2, %3): %4 took part, %5 invited did not show")
                 .arg(*id)
                 .arg(eventKindName(event.kind), eventDay(event.occurredAt))
                 .arg(listed->tookPart)
                 .arg(listed->invited)
          << Qt::endl;
    return Success;
}

int runList(const QStringList& arguments)
{
    const QString command = QStringLiteral("event list");
    CommandParser parser(command,
                         QStringLiteral("rapport event list --database PATH [--since DATE] [--json]"),
                         QStringLiteral("Lists events, newest first: id, day, kind, name, participants, how "
                                        "many took part and how many of them for the first time. Writes "
                                        "nothing."));
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("Only events from this ISO 8601 date or date-time on."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Prints JSON: {\"events\": […]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    std::optional<qint64> since;
    if (parser.isSet(QStringLiteral("since"))) {
        const Result<qint64> from = parseIsoMoment(parser.value(QStringLiteral("since")));
        if (!from)
            return fail(command, Error::badInput(QStringLiteral("--since: %1").arg(from.error().message)));
        since = *from;
    }
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<QList<ListedEvent>> listed = EventRepository(**db).list(since);
    if (!listed)
        return fail(command, listed.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const ListedEvent& row : *listed)
            rows.append(eventJson(row));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("events"), rows}}).toJson(QJsonDocument::Indented)
              << Qt::flush;
        return Success;
    }
    if (listed->isEmpty()) {
        out() << "no events" << Qt::endl;
        return Success;
    }
    for (const ListedEvent& row : *listed)
        out() << eventLine(row) << '\n';
    out().flush();
    return Success;
}

int runShow(const QStringList& arguments)
{
    const QString command = QStringLiteral("event show");
    CommandParser parser(command, QStringLiteral("rapport event show ID --database PATH [--json]"),
                         QStringLiteral("Prints an event and its participants by name, each with their role, "
                                        "marked \"first time\" when it is the first event they took part in "
                                        "and \"regular\" after %1 earlier ones. Writes nothing.")
                             .arg(ListedParticipant::regularEvents));
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The event's id (see event list)."));
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Prints JSON: {\"event\": {…}, \"participants\": […]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    const Result<qint64> id = eventId(parser);
    if (!id)
        return fail(command, id.error());
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    Transaction snapshot(**db, TransactionMode::Read);
    if (!snapshot.status().ok())
        return fail(command, snapshot.status().error());
    EventRepository events(**db);
    const Result<ListedEvent> listed = events.listed(*id);
    if (!listed)
        return fail(command, listed.error());
    const Result<QList<ListedParticipant>> participants = events.listParticipants(*id);
    if (!participants)
        return fail(command, participants.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const ListedParticipant& row : *participants) {
            const EventParticipant& participant = row.participant;
            rows.append(QJsonObject{
                {QStringLiteral("contact"), QJsonObject{{QStringLiteral("id"), participant.contactId},
                                                        {QStringLiteral("name"), row.contactName}}},
                {QStringLiteral("role"), participantRoleName(participant.role)},
                {QStringLiteral("conversation_id"),
                 participant.interactionId ? QJsonValue(*participant.interactionId) : QJsonValue()},
                {QStringLiteral("earlier_events"), row.earlierEvents},
                {QStringLiteral("first_timer"), row.firstTimer()},
                {QStringLiteral("regular"), row.regular()}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("event"), eventJson(*listed)},
                                           {QStringLiteral("participants"), rows}})
                     .toJson(QJsonDocument::Indented)
              << Qt::flush;
        return Success;
    }
    const Event& event = listed->event;
    out() << QStringLiteral("event %1: %2").arg(event.id).arg(event.name) << '\n';
    out() << QStringLiteral("%1 on %2, %3")
                 .arg(eventKindLabel(event.kind), formatIsoMoment(event.occurredAt),
                      channelName(event.channel))
          << '\n';
    if (!event.link.isEmpty())
        out() << QStringLiteral("link: %1").arg(event.link) << '\n';
    out() << QStringLiteral("%1, %2 took part (%3)")
                 .arg(counted(participants->size(), "participant", "participants"))
                 .arg(listed->tookPart)
                 .arg(counted(listed->firstTimers, "first-timer", "first-timers"))
          << '\n';
    for (const ListedParticipant& row : *participants) {
        const QString mark = participantMark(row);
        out() << QStringLiteral("  %1 %2: %3%4")
                     .arg(row.participant.contactId)
                     .arg(row.contactName, participantRoleName(row.participant.role),
                          mark.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(mark))
              << '\n';
    }
    out().flush();
    return Success;
}

int runAddParticipant(const QStringList& arguments)
{
    const QString command = QStringLiteral("event add-participant");
    CommandParser parser(
        command,
        QStringLiteral("rapport event add-participant ID --database PATH --participant REF... "
                       "[--role R] [--by NAME]"),
        QStringLiteral("Adds late participants to an event, with their conversations; if "
                       "any of them is unknown or already in the event, nothing is "
                       "written."));
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The event's id (see event list)."));
    parser.addOption(participantOption);
    parser.addOption(roleOption);
    parser.addOption({QStringLiteral("by"),
                      QStringLiteral("Team member who logs it (created if new; default: "
                                     "the desktop app's \"I am\")."),
                      QStringLiteral("NAME")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"participant"}))
        return *missing;
    const Result<qint64> id = eventId(parser);
    if (!id)
        return fail(command, id.error());
    const Result<ParticipantRole> role = roleOf(parser);
    if (!role)
        return fail(command, role.error());
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<QList<qint64>> named = participantIds(parser, **db);
    if (!named)
        return failNothingWritten(command, named.error());
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    const Result<std::optional<qint64>> member = loggedBy(parser, **db);
    if (!member)
        return fail(command, member.error());
    EventLog log(**db, *engine, *member);
    for (const qint64 contact : *named) {
        if (Status added = log.addParticipant(*id, {contact, *role}); !added)
            return failNothingWritten(command, optionError(QStringLiteral("participant"), added.error()));
    }
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << QStringLiteral("added %1 to event %2 as %3")
                 .arg(counted(named->size(), "participant", "participants"))
                 .arg(*id)
                 .arg(participantRoleName(*role))
          << Qt::endl;
    return Success;
}

int runRemoveParticipant(const QStringList& arguments)
{
    const QString command = QStringLiteral("event remove-participant");
    CommandParser parser(
        command, QStringLiteral("rapport event remove-participant ID --database PATH --participant REF"),
        QStringLiteral("Takes a participant out of an event, with the conversation it "
                       "wrote."));
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The event's id (see event list)."));
    parser.addOption(participantOption);
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"participant"}))
        return *missing;
    if (parser.parser().values(participantOption).size() > 1)
        return fail(command, Error::usage(QStringLiteral("--participant: one at a time")));
    const Result<qint64> id = eventId(parser);
    if (!id)
        return fail(command, id.error());
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<QList<qint64>> named = participantIds(parser, **db);
    if (!named)
        return fail(command, named.error());
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const qint64 contact = named->constFirst();
    if (Status removed = EventLog(**db, *engine).removeParticipant(*id, contact); !removed)
        return fail(command, optionError(QStringLiteral("participant"), removed.error()));
    out() << QStringLiteral("removed contact %1 from event %2").arg(contact).arg(*id) << Qt::endl;
    return Success;
}

int runDelete(const QStringList& arguments)
{
    const QString command = QStringLiteral("event delete");
    CommandParser parser(command, QStringLiteral("rapport event delete ID --database PATH"),
                         QStringLiteral("Deletes an event with the conversations its participants' roles "
                                        "wrote."));
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The event's id (see event list)."));
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    const Result<qint64> id = eventId(parser);
    if (!id)
        return fail(command, id.error());
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const Result<ListedEvent> listed = EventRepository(**db).listed(*id);
    if (!listed)
        return fail(command, listed.error());
    if (Status removed = EventLog(**db, *engine).remove(*id); !removed)
        return fail(command, removed.error());
    out() << QStringLiteral("deleted event %1 (%2) and its %3")
                 .arg(*id)
                 .arg(listed->event.name, counted(listed->tookPart, "conversation", "conversations"))
          << Qt::endl;
    return Success;
}

} // namespace

int runEvent(const QStringList& arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("--help") || action == QLatin1String("-h") ||
        action == QLatin1String("help")) {
        out() << "usage:\n"
                 "  rapport event add --database PATH --name NAME --kind K [--at DATE] [--channel C] [--link "
                 "URL]\n"
                 "                    [--participants FILE] [--participant REF]... [--role R] [--by NAME]\n"
                 "  rapport event list --database PATH [--since DATE] [--json]\n"
                 "  rapport event show ID --database PATH [--json]\n"
                 "  rapport event add-participant ID --database PATH --participant REF... [--role R] [--by "
                 "NAME]\n"
                 "  rapport event remove-participant ID --database PATH --participant REF\n"
                 "  rapport event delete ID --database PATH\n"
                 "\n"
                 "rapport event ACTION --help prints the options of one.\n"
              << Qt::flush;
        return Success;
    }
    if (action == QLatin1String("add"))
        return runAdd(rest);
    if (action == QLatin1String("list"))
        return runList(rest);
    if (action == QLatin1String("show"))
        return runShow(rest);
    if (action == QLatin1String("add-participant"))
        return runAddParticipant(rest);
    if (action == QLatin1String("remove-participant"))
        return runRemoveParticipant(rest);
    if (action == QLatin1String("delete"))
        return runDelete(rest);
    return fail(
        QStringLiteral("event"),
        Error::usage(QStringLiteral("expected add, list, show, add-participant, remove-participant or "
                                    "delete, not '%1'")
                         .arg(action)));
}

} // namespace rapport::cli
