// SPDX-License-Identifier: GPL-3.0-or-later
// rapport today: the follow-ups due and the short list of people to reach out to now.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "app/commands/FollowUpSupport.h"
#include "core/base/IsoTime.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/TodayPlan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace rapport::cli {

namespace {

constexpr int maximumLimit = 1000;

QJsonObject suggestionJson(const ReachOutSuggestion& suggestion)
{
    QJsonObject row{
        {QStringLiteral("id"), suggestion.contactId},
        {QStringLiteral("name"), suggestion.name},
        {QStringLiteral("owner"), suggestion.ownerName},
        {QStringLiteral("score"), std::round(suggestion.score.score * 10) / 10},
        {QStringLiteral("band"), bandKey(suggestion.score.band)},
        {QStringLiteral("overdue"), std::round(suggestion.score.overdueRatio * 100) / 100},
        {QStringLiteral("days_since_last"), static_cast<qint64>(std::lround(suggestion.score.daysSinceLast))},
        {QStringLiteral("gain"), std::round(suggestion.gain * 10) / 10},
        {QStringLiteral("priority"), std::round(suggestion.priority * 10) / 10},
        {QStringLiteral("reason"), suggestion.reason}};
    if (suggestion.slipsTo) {
        row.insert(QStringLiteral("slips_to"), bandKey(*suggestion.slipsTo));
        row.insert(QStringLiteral("slips_in_days"), suggestion.slipsInDays);
    }
    return row;
}

QString suggestionLine(const ReachOutSuggestion& suggestion)
{
    return QStringLiteral("%1 %2%3 (%4, %5): %6")
        .arg(suggestion.contactId)
        .arg(suggestion.name,
             suggestion.ownerName.isEmpty() ? QString()
                                            : QStringLiteral(", owner %1").arg(suggestion.ownerName),
             bandName(suggestion.score.band))
        .arg(std::lround(suggestion.score.score))
        .arg(suggestion.reason);
}

} // namespace

int runToday(const QStringList& arguments)
{
    const QString command = QStringLiteral("today");
    CommandParser parser(
        command,
        QStringLiteral(
            "rapport today --database PATH [--owner NAME | --everyone] [--limit N] [--at DATE] [--json]"),
        QStringLiteral("Prints what to do today: open follow-ups due by the end of the day, then the people "
                       "most worth reaching out to (a touch now raises their score most, or their band "
                       "slips within a week without one), then people silent for over a year. Snoozed and "
                       "dismissed contacts are left out ('rapport reach-out')."));
    parser.addOption(
        {QStringLiteral("owner"),
         QStringLiteral("Only this team member's (default: the desktop app's \"I am\" member for "
                        "this database, else everyone's)."),
         QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("everyone"), QStringLiteral("Everyone's, whoever \"I am\" is.")});
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("At most N people to reach out to, and N to rekindle (default %1).")
                          .arg(defaultTodayLimit),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("at"),
         QStringLiteral("Plan as of this moment: a date (00:00 UTC) or date-time (default: now)."),
         QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Prints JSON: {\"follow_ups\", \"reach_out\", \"rekindle\", …}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    TodayOptions options;
    const Result<qint64> at = atOption(parser);
    if (!at)
        return fail(command, at.error());
    options.now = *at;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool isNumber = false;
        options.limit = parser.value(QStringLiteral("limit")).toInt(&isNumber);
        if (!isNumber || options.limit < 1 || options.limit > maximumLimit)
            return fail(command,
                        Error::badInput(QStringLiteral("--limit '%1': expected a whole number from 1 to %2")
                                            .arg(parser.value(QStringLiteral("limit")))
                                            .arg(maximumLimit)));
    }
    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    const Result<std::optional<qint64>> owner = ownerFilter(parser, **db);
    if (!owner)
        return fail(command, owner.error());
    options.ownerId = *owner;
    QString ownerName = parser.value(QStringLiteral("owner"));
    if (!options.ownerId && !parser.isSet(QStringLiteral("everyone"))) {
        if (const std::optional<TeamMember> me = configuredMember(**db)) {
            options.ownerId = me->id;
            ownerName = me->name;
        }
    }
    const Result<ScoringEngine> engine = ScoringEngine::open(**db);
    if (!engine)
        return fail(command, engine.error());
    const Result<ScoreBoard> board = ScoreBoard::load(**db);
    if (!board)
        return fail(command, board.error());
    const Result<TodayPlan> plan = planToday(**db, *board, engine->settings(), options);
    if (!plan)
        return fail(command, plan.error());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray due;
        for (const ListedFollowUp& listed : plan->due)
            due.append(followUpJson(listed));
        QJsonArray reachOut;
        for (const ReachOutSuggestion& suggestion : plan->reachOut)
            reachOut.append(suggestionJson(suggestion));
        QJsonArray rekindle;
        for (const ReachOutSuggestion& suggestion : plan->rekindle)
            rekindle.append(suggestionJson(suggestion));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("at"), formatIsoMoment(options.now)},
                                           {QStringLiteral("owner"), ownerName},
                                           {QStringLiteral("follow_ups"), due},
                                           {QStringLiteral("reach_out"), reachOut},
                                           {QStringLiteral("rekindle"), rekindle},
                                           {QStringLiteral("overdue"), plan->overdueCount},
                                           {QStringLiteral("held"), plan->heldCount}})
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    out() << "today for " << (ownerName.isEmpty() ? QStringLiteral("everyone") : ownerName) << '\n';
    out() << "follow-ups due: " << plan->due.size() << '\n';
    for (const ListedFollowUp& listed : plan->due)
        out() << "  " << followUpLine(listed) << '\n';
    out() << "reach out: " << plan->reachOut.size() << " of " << plan->overdueCount << " overdue";
    if (plan->heldCount > 0)
        out() << " (" << plan->heldCount << " more snoozed or dismissed)";
    out() << '\n';
    for (const ReachOutSuggestion& suggestion : plan->reachOut)
        out() << "  " << suggestionLine(suggestion) << '\n';
    out() << "rekindle? " << plan->rekindle.size() << '\n';
    for (const ReachOutSuggestion& suggestion : plan->rekindle)
        out() << "  " << suggestionLine(suggestion) << '\n';
    out().flush();
    return Success;
}

} // namespace rapport::cli
