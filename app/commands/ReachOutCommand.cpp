// SPDX-License-Identifier: GPL-3.0-or-later
// rapport reach-out: snoozes or dismisses a contact's reach-out suggestion, or lifts that hold.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/base/Clock.h"
#include "core/base/IsoTime.h"
#include "core/storage/ReachOutHoldRepository.h"

namespace rapport::cli {

namespace {

constexpr int maximumSnoozeDays = 3650;

Result<qint64> snoozeEnd(const CommandParser& parser, qint64 now)
{
    const bool hasDays = parser.isSet(QStringLiteral("days"));
    if (hasDays == parser.isSet(QStringLiteral("until")))
        return Error::usage(QStringLiteral("give either --days N or --until DATE"));
    if (hasDays) {
        bool isNumber = false;
        const int days = parser.value(QStringLiteral("days")).toInt(&isNumber);
        if (!isNumber || days < 1 || days > maximumSnoozeDays)
            return Error::badInput(QStringLiteral("--days '%1': expected a whole number of days from 1 to %2")
                                       .arg(parser.value(QStringLiteral("days")))
                                       .arg(maximumSnoozeDays));
        return now + days * secondsPerDay;
    }
    const Result<qint64> until = parseIsoMoment(parser.value(QStringLiteral("until")));
    if (!until)
        return Error::badInput(QStringLiteral("--until: %1").arg(until.error().message));
    return *until;
}

int runHold(const QString& action, const QStringList& arguments)
{
    const QString command = QStringLiteral("reach-out %1").arg(action);
    const bool snoozing = action == QLatin1String("snooze");
    const QString synopsis =
        snoozing ? QStringLiteral(
                       "rapport reach-out snooze --database PATH --contact REF (--days N | --until DATE)")
                 : QStringLiteral("rapport reach-out %1 --database PATH --contact REF").arg(action);
    const QString description =
        snoozing
            ? QStringLiteral("Leaves the contact out of reach-out suggestions (today, Reach out) until then.")
        : action == QLatin1String("dismiss")
            ? QStringLiteral(
                  "Leaves the contact out of reach-out suggestions until the next conversation with "
                  "them is logged.")
            : QStringLiteral("Lifts the contact's snooze or dismissal.");
    CommandParser parser(command, synopsis, description);
    parser.addOption(contactReferenceOption());
    if (snoozing) {
        parser.addOption({QStringLiteral("days"), QStringLiteral("For N days from now (3, 7, 30, …)."),
                          QStringLiteral("N")});
        parser.addOption({QStringLiteral("until"),
                          QStringLiteral("Until this ISO 8601 date (00:00 UTC) or date-time."),
                          QStringLiteral("DATE")});
    }
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    const qint64 now = Clock::nowSeconds();
    std::optional<qint64> until;
    if (snoozing) {
        const Result<qint64> end = snoozeEnd(parser, now);
        if (!end)
            return fail(command, end.error());
        until = *end;
    }
    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    const Result<qint64> contact = requiredContact(parser, **db);
    if (!contact)
        return fail(command, contact.error());
    ReachOutHoldRepository holds(**db);
    if (until) {
        if (Status snoozed = holds.snooze(*contact, *until, now); !snoozed)
            return fail(command, optionError(parser.isSet(QStringLiteral("days")) ? QStringLiteral("days")
                                                                                  : QStringLiteral("until"),
                                             snoozed.error()));
        out() << QStringLiteral("contact %1 snoozed until %2").arg(*contact).arg(formatIsoMoment(*until))
              << Qt::endl;
        return Success;
    }
    if (action == QLatin1String("dismiss")) {
        if (Status dismissed = holds.dismiss(*contact, now); !dismissed)
            return fail(command, dismissed.error());
        out() << QStringLiteral("contact %1 dismissed until the next conversation").arg(*contact) << Qt::endl;
        return Success;
    }
    const Result<bool> lifted = holds.lift(*contact);
    if (!lifted)
        return fail(command, lifted.error());
    out() << (*lifted ? QStringLiteral("contact %1 is back in reach-out suggestions")
                      : QStringLiteral("contact %1 was neither snoozed nor dismissed"))
                 .arg(*contact)
          << Qt::endl;
    return Success;
}

} // namespace

int runReachOut(const QStringList& arguments)
{
    const QString action = arguments.value(0);
    if (action == QLatin1String("snooze") || action == QLatin1String("dismiss") ||
        action == QLatin1String("restore"))
        return runHold(action, arguments.mid(1));
    return fail(QStringLiteral("reach-out"),
                Error::usage(QStringLiteral("expected snooze, dismiss or restore, not '%1'").arg(action)));
}

} // namespace rapport::cli
