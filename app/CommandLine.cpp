// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CommandLine.h"

#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"

#include <functional>
#include <map>

namespace rapport::cli {

namespace {

using Runner = std::function<int(const QStringList&)>;

const std::map<QString, Runner>& commands()
{
    static const std::map<QString, Runner> all{
        {QStringLiteral("add-contact"), runAddContact},
        {QStringLiteral("check"), runCheck},
        {QStringLiteral("demo"), runDemo},
        {QStringLiteral("duplicates"), runDuplicates},
        {QStringLiteral("event"), runEvent},
        {QStringLiteral("export"), runExport},
        {QStringLiteral("follow-up"), runFollowUp},
        {QStringLiteral("forget"), runForget},
        {QStringLiteral("history"), runHistory},
        {QStringLiteral("import"), runImport},
        {QStringLiteral("link"), runLink},
        {QStringLiteral("links"), runLinks},
        {QStringLiteral("log"), runLog},
        {QStringLiteral("merge"), runMerge},
        {QStringLiteral("merge-tags"), runMergeTags},
        {QStringLiteral("reach-out"), runReachOut},
        {QStringLiteral("score"), runScore},
        {QStringLiteral("settings"), runSettings},
        {QStringLiteral("team"), runTeam},
        {QStringLiteral("today"), runToday},
        {QStringLiteral("unlink"), runUnlink},
    };
    return all;
}

bool isHelpOrVersion(const QString& argument)
{
    for (const char* word : {"--help", "-h", "help", "--version", "-v"}) {
        if (argument == QLatin1String(word))
            return true;
    }
    return false;
}

} // namespace

QString generalHelp()
{
    return QStringLiteral(
               "Rapport %1: a relationship-centric CRM for community managers.\n"
               "\n"
               "usage:\n"
               "  rapport [--database PATH] [--demo]                start the desktop app\n"
               "  rapport demo     --database PATH [--contacts N] [--interactions M] [--notes K] [--seed S] "
               "[--until DATE]\n"
               "  rapport add-contact --database PATH --name NAME [--email E]... [--handle "
               "SERVICE:HANDLE]...\n"
               "                   [--phone P]... [--organization O] [--title T] [--tag T]... [--owner "
               "NAME]\n"
               "                   [--cadence DAYS]\n"
               "  rapport log      --database PATH --contact ID|EMAIL|HANDLE --channel C\n"
               "                   --direction outbound|inbound|mutual [--at ISO] [--summary TEXT] [--by "
               "NAME]\n"
               "  rapport score    --database PATH [--contact ID|EMAIL] [--at DATE|DATETIME] [--json]\n"
               "  rapport settings --database PATH [--set KEY=VALUE]... [--tag-cadence TAG=DAYS|none]...\n"
               "  rapport team     identity add|remove --member NAME --identity KIND:VALUE --database PATH\n"
               "  rapport team     identity list --database PATH [--member NAME] [--json]\n"
               "  rapport import   contacts|interactions|notes FILE --database PATH\n"
               "                   [--format auto|rapport|linkedin|google|thunderbird|roundcube|outlook]\n"
               "                   [--encoding utf-8|latin-1] [--dry-run] [--include-forgotten]\n"
               "  rapport import   conversations PATH --database PATH\n"
               "                   [--format auto|mbox|eml|slack|mastodon|discourse|discord]\n"
               "                   [--me EMAIL|HANDLE|ID]... [--by TEAM_MEMBER] [--new-contacts all|none]\n"
               "                   [--bodies] [--dry-run]\n"
               "  rapport export   contacts|interactions|notes|health|at-risk --database PATH\n"
               "                   [--output FILE] [--since DATE] [--until DATE] [--owner NAME] [--tag TAG]\n"
               "                   [--bom]\n"
               "  rapport follow-up add --database PATH --contact REF --due DATE --text TEXT\n"
               "                   [--commitment ours|theirs] [--owner NAME]\n"
               "  rapport follow-up list --database PATH [--owner NAME] [--due-before DATE] [--json | --ics "
               "[--output FILE]]\n"
               "  rapport follow-up done|kept|broken|drop ID --database PATH\n"
               "  rapport event add --database PATH --name NAME --kind K [--at DATE] [--channel C]\n"
               "                   [--link URL] [--participants FILE] [--participant REF]... [--role R]\n"
               "                   [--by NAME]\n"
               "  rapport event list --database PATH [--since DATE] [--json]\n"
               "  rapport event show ID --database PATH [--json]\n"
               "  rapport event add-participant ID --database PATH --participant REF... [--role R]\n"
               "                   [--by NAME]\n"
               "  rapport event remove-participant ID --database PATH --participant REF\n"
               "  rapport event delete ID --database PATH\n"
               "  rapport today    --database PATH [--owner NAME | --everyone] [--limit N] [--at DATE] "
               "[--json]\n"
               "  rapport reach-out snooze --contact REF --database PATH (--days N | --until DATE)\n"
               "  rapport reach-out dismiss|restore --contact REF --database PATH\n"
               "  rapport check    --database PATH\n"
               "  rapport duplicates --database PATH [--region CC] [--json]\n"
               "  rapport merge    KEEP OTHER... --database PATH\n"
               "  rapport merge-tags KEEP OTHER... --database PATH\n"
               "  rapport export   person --contact C --database PATH [--output FILE.json]\n"
               "  rapport forget   --contact C --database PATH [--yes]\n"
               "  rapport history  --contact C --database PATH [--json]\n"
               "  rapport link     --contact A (--introduced-by B [--replace] | --knows B) --database PATH\n"
               "                   [--note TEXT] [--date DATE]\n"
               "  rapport unlink   --contact A (--introduced-by B | --knows B) --database PATH\n"
               "  rapport links    --contact A --database PATH [--json]\n"
               "  rapport COMMAND --help                             options of one command\n"
               "\n"
               "Without --database, the default database is used: %2\n"
               "--demo starts the app on a demo database (created on first use next to the default one).\n"
               "\n"
               "Exit codes: 0 success, 1 usage error, 2 bad input, 3 database error.\n")
        .arg(QStringLiteral(RAPPORT_VERSION), Database::defaultPath());
}

bool asksForHeadlessRun(const QStringList& arguments)
{
    return !arguments.isEmpty() &&
           (!arguments.constFirst().startsWith(QLatin1Char('-')) || isHelpOrVersion(arguments.constFirst()));
}

int runHeadless(const QStringList& arguments)
{
    const QString& first = arguments.constFirst();
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        out() << "rapport " << RAPPORT_VERSION << Qt::endl;
        return Success;
    }
    if (isHelpOrVersion(first)) {
        out() << generalHelp() << Qt::flush;
        return Success;
    }
    const auto command = commands().find(first);
    if (command != commands().end())
        return command->second(arguments.mid(1));
    err() << "rapport: unknown command '" << first << "'\n\n" << generalHelp() << Qt::flush;
    return UsageError;
}

} // namespace rapport::cli
