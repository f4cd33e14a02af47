// SPDX-License-Identifier: GPL-3.0-or-later
// rapport follow-up: adds follow-ups and commitments, lists the open ones, and closes them.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "app/commands/FollowUpSupport.h"
#include "core/base/Clock.h"
#include "core/base/IsoTime.h"
#include "core/reports/FollowUpCalendar.h"
#include "core/storage/FollowUpRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>

namespace rapport::cli {

namespace {

int runAdd(const QStringList& arguments)
{
    const QString command = QStringLiteral("follow-up add");
    CommandParser parser(command,
                         QStringLiteral("rapport follow-up add --database PATH --contact ID|EMAIL|HANDLE "
                                        "--due DATE --text TEXT [--commitment ours|theirs] [--owner NAME]"),
                         QStringLiteral("Adds something to do for a contact by a date: a reach-out, or a "
                                        "promise we or they made."));
    parser.addOption(contactReferenceOption());
    parser.addOption({QStringLiteral("due"),
                      QStringLiteral("When it is due: ISO 8601 date or date-time, UTC unless an offset is "
                                     "given."),
                      QStringLiteral("DATE")});
    parser.addOption(
        {QStringLiteral("text"), QStringLiteral("What to do or what was promised."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("commitment"),
                      QStringLiteral("ours (we promised it) or theirs (they promised it to us); without it, "
                                     "a reach-out."),
                      QStringLiteral("WHOSE")});
    parser.addOption({QStringLiteral("owner"), QStringLiteral("Team member who owns it (created if new)."),
                      QStringLiteral("NAME")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"contact", "due", "text"}))
        return *missing;
    FollowUp followUp;
    if (parser.isSet(QStringLiteral("commitment"))) {
        const QString whose = parser.value(QStringLiteral("commitment"));
        if (whose == QLatin1String("ours"))
            followUp.kind = FollowUpKind::OurCommitment;
        else if (whose == QLatin1String("theirs"))
            followUp.kind = FollowUpKind::TheirCommitment;
        else
            return fail(
                command,
                Error::badInput(QStringLiteral("--commitment '%1': expected ours or theirs").arg(whose)));
    }
    const Result<qint64> due = parseIsoMoment(parser.value(QStringLiteral("due")));
    if (!due)
        return fail(command, Error::badInput(QStringLiteral("--due: %1").arg(due.error().message)));
    followUp.dueAt = *due;
    followUp.text = parser.value(QStringLiteral("text"));
    if (followUp.text.trimmed().isEmpty())
        return fail(command,
                    Error::badInput(QStringLiteral("--text: a follow-up needs text saying what to do")));

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contactId = requiredContact(parser, **db);
    if (!contactId)
        return fail(command, contactId.error());
    followUp.contactId = *contactId;
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    if (parser.isSet(QStringLiteral("owner"))) {
        const Result<qint64> owner = TeamMemberRepository(**db).ensure(parser.value(QStringLiteral("owner")));
        if (!owner)
            return fail(command, optionError(QStringLiteral("owner"), owner.error()));
        followUp.ownerId = *owner;
    }
    const Result<qint64> id = FollowUpRepository(**db).add(followUp);
    if (!id)
        return fail(command, id.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << QStringLiteral("added follow-up %1 (%2), due %3")
                 .arg(*id)
                 .arg(followUpKindName(followUp.kind), followUpDate(followUp.dueAt))
          << Qt::endl;
    return Success;
}

// The calendar to stdout, or atomically to `path`.
int writeCalendar(const QByteArray& calendar, const QString& path, qint64 events)
{
    const QString command = QStringLiteral("follow-up list");
    if (path.isEmpty()) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly) || stdoutFile.write(calendar) != calendar.size())
            return fail(command, Error::database(QStringLiteral("cannot write to stdout")));
        stdoutFile.flush();
        return Success;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(calendar) != calendar.size() || !file.commit())
        return fail(command, outputError(path, file.errorString()));
    out() << QStringLiteral("wrote %1 (%2 %3)")
                 .arg(path)
                 .arg(events)
                 .arg(events == 1 ? QStringLiteral("follow-up") : QStringLiteral("follow-ups"))
          << Qt::endl;
    return Success;
}

int runList(const QStringList& arguments)
{
    const QString command = QStringLiteral("follow-up list");
    CommandParser parser(command,
                         QStringLiteral("rapport follow-up list --database PATH [--owner NAME] "
                                        "[--due-before DATE] [--json | --ics [--output FILE]]"),
                         QStringLiteral("Lists open follow-ups and commitments, soonest due first."));
    parser.addOption({QStringLiteral("owner"), QStringLiteral("Only those this team member owns."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("due-before"),
                      QStringLiteral("Only those due before this ISO 8601 date or date-time."),
                      QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Prints JSON: {\"follow_ups\": […]}.")});
    parser.addOption(
        {QStringLiteral("ics"),
         QStringLiteral("Prints an iCalendar file: an all-day event on each due day, with a reminder "
                        "at 9:00, for any calendar to import.")});
    parser.addOption({QStringLiteral("output"),
                      QStringLiteral("With --ics: writes the calendar to FILE instead."),
                      QStringLiteral("FILE")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (parser.isSet(QStringLiteral("json")) && parser.isSet(QStringLiteral("ics")))
        return fail(command, Error::usage(QStringLiteral("--json and --ics: choose one")));
    if (parser.isSet(QStringLiteral("output")) && !parser.isSet(QStringLiteral("ics")))
        return fail(command, Error::usage(QStringLiteral("--output: only with --ics")));
    FollowUpFilter filter;
    if (parser.isSet(QStringLiteral("due-before"))) {
        const Result<qint64> before = parseIsoMoment(parser.value(QStringLiteral("due-before")));
        if (!before)
            return fail(command,
                        Error::badInput(QStringLiteral("--due-before: %1").arg(before.error().message)));
        filter.dueBefore = *before;
    }
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<std::optional<qint64>> owner = ownerFilter(parser, **db);
    if (!owner)
        return fail(command, owner.error());
    filter.ownerId = *owner;
    const Result<QList<ListedFollowUp>> listed = FollowUpRepository(**db).listOpen(filter);
    if (!listed)
        return fail(command, listed.error());
    if (parser.isSet(QStringLiteral("ics")))
        return writeCalendar(followUpCalendar(*listed), parser.value(QStringLiteral("output")),
                             static_cast<qint64>(listed->size()));
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const ListedFollowUp& row : *listed)
            rows.append(followUpJson(row));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("follow_ups"), rows}})
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    if (listed->isEmpty()) {
        out() << "no open follow-ups" << Qt::endl;
        return Success;
    }
    for (const ListedFollowUp& row : *listed)
        out() << followUpLine(row) << '\n';
    out().flush();
    return Success;
}

int runClose(const QString& verb, FollowUpStatus status, const QStringList& arguments)
{
    const QString command = QStringLiteral("follow-up %1").arg(verb);
    CommandParser parser(command, QStringLiteral("rapport follow-up %1 ID --database PATH").arg(verb),
                         QStringLiteral("Closes an open follow-up as %1.").arg(followUpStatusName(status)));
    parser.addPositional(QStringLiteral("ID"), QStringLiteral("The follow-up's id (see follow-up list)."));
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    bool isNumber = false;
    const qint64 id = parser.positionals().constFirst().toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return fail(
            command,
            Error::badInput(
                QStringLiteral("ID '%1': expected a follow-up id").arg(parser.positionals().constFirst())));
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<FollowUp> closed = FollowUpRepository(**db).close(id, status, Clock::nowSeconds());
    if (!closed)
        return fail(command, closed.error());
    QString message = QStringLiteral("follow-up %1 %2").arg(id).arg(followUpStatusName(status));
    if (closed->trustNoteId)
        message += QStringLiteral("; wrote trust note %1").arg(*closed->trustNoteId);
    out() << message << Qt::endl;
    return Success;
}

} // namespace

int runFollowUp(const QStringList& arguments)
{
    const QString action = arguments.value(0);
    const QStringList rest = arguments.mid(1);
    if (action == QLatin1String("add"))
        return runAdd(rest);
    if (action == QLatin1String("list"))
        return runList(rest);
    if (action == QLatin1String("done"))
        return runClose(action, FollowUpStatus::Done, rest);
    if (action == QLatin1String("kept"))
        return runClose(action, FollowUpStatus::Kept, rest);
    if (action == QLatin1String("broken"))
        return runClose(action, FollowUpStatus::Broken, rest);
    if (action == QLatin1String("drop"))
        return runClose(action, FollowUpStatus::Dropped, rest);
    return fail(
        QStringLiteral("follow-up"),
        Error::usage(QStringLiteral("expected add, list, done, kept, broken or drop, not '%1'").arg(action)));
}

} // namespace rapport::cli
