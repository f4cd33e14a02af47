// SPDX-License-Identifier: GPL-3.0-or-later
// rapport team identity add|list|remove: the emails and handles by which the conversation import knows
// each team member (the --by member's are "me"; no member's becomes a contact), as Settings > Team edits
// them.
#include "app/commands/CommandSupport.h"
#include "app/commands/Commands.h"
#include "core/storage/TeamIdentityRepository.h"
#include "core/storage/TeamMemberRepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rapport::cli {

namespace {

const QString memberOption = QStringLiteral("member");
const QString identityOption = QStringLiteral("identity");

QCommandLineOption identityArgument(const QString& description)
{
    return {identityOption, description, QStringLiteral("KIND:VALUE")};
}

// The member --member names; a bad-input error naming the team when there is no such member.
Result<TeamMember> namedMember(Database& db, const QString& name)
{
    const Result<std::optional<TeamMember>> member = TeamMemberRepository(db).findByName(name);
    if (!member)
        return member.error();
    if (*member)
        return **member;
    const Result<QList<TeamMember>> team = TeamMemberRepository(db).list();
    if (!team)
        return team.error();
    QStringList names;
    for (const TeamMember& listed : *team)
        names << listed.name;
    return Error::badInput(QStringLiteral("--member: no team member named '%1' (the team: %2)")
                               .arg(name.trimmed(), names.isEmpty() ? QStringLiteral("nobody yet")
                                                                    : names.join(QStringLiteral(", "))));
}

int runAdd(const QStringList& arguments)
{
    const QString command = QStringLiteral("team identity add");
    CommandParser parser(command,
                         QStringLiteral("rapport team identity add --member NAME --identity KIND:VALUE "
                                        "--database PATH"),
                         QStringLiteral("Gives a team member an email or handle (email, slack, discord, "
                                        "mastodon, forum, …). An identity belongs to one member at most."));
    parser.addOption(
        {memberOption, QStringLiteral("The team member (created if new)."), QStringLiteral("NAME")});
    parser.addOption(
        identityArgument(QStringLiteral("The identity, e.g. email:grace@example.org or discord:grace.")));
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"member", "identity"}))
        return *missing;
    Result<TeamIdentity> identity = parseTeamIdentity(parser.value(identityOption));
    if (!identity)
        return fail(command, identity.error());

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    const Result<qint64> member = TeamMemberRepository(**db).ensure(parser.value(memberOption));
    if (!member)
        return fail(command, optionError(memberOption, member.error()));
    identity->memberId = *member;
    if (const Result<qint64> added = TeamIdentityRepository(**db).add(*identity); !added)
        return fail(command, added.error());
    const Result<TeamMember> stored = TeamMemberRepository(**db).get(*member);
    if (!stored)
        return fail(command, stored.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << stored->name << ": added " << identity->text() << Qt::endl;
    return Success;
}

int runRemove(const QStringList& arguments)
{
    const QString command = QStringLiteral("team identity remove");
    CommandParser parser(command,
                         QStringLiteral("rapport team identity remove --member NAME --identity KIND:VALUE "
                                        "--database PATH"),
                         QStringLiteral("Takes an email or handle from a team member."));
    parser.addOption({memberOption, QStringLiteral("The team member."), QStringLiteral("NAME")});
    parser.addOption(identityArgument(QStringLiteral("The identity, as team identity list prints it.")));
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;
    if (const std::optional<int> missing = parser.requireOptions({"member", "identity"}))
        return *missing;
    Result<TeamIdentity> identity = parseTeamIdentity(parser.value(identityOption));
    if (!identity)
        return fail(command, identity.error());

    Result<std::unique_ptr<Database>> db = parser.openDatabase();
    if (!db)
        return fail(command, db.error());
    Transaction transaction(**db);
    if (!transaction.status().ok())
        return fail(command, transaction.status().error());
    const Result<TeamMember> member = namedMember(**db, parser.value(memberOption));
    if (!member)
        return fail(command, member.error());
    identity->memberId = member->id;
    if (Status removed = TeamIdentityRepository(**db).remove(*identity); !removed)
        return fail(command, removed.error());
    if (Status committed = transaction.commit(); !committed)
        return fail(command, committed.error());
    out() << member->name << ": removed " << identity->text() << Qt::endl;
    return Success;
}

int runList(const QStringList& arguments)
{
    const QString command = QStringLiteral("team identity list");
    CommandParser parser(
        command, QStringLiteral("rapport team identity list --database PATH [--member NAME] [--json]"),
        QStringLiteral("Lists the team members' emails and handles, by member."));
    parser.addOption({memberOption, QStringLiteral("Only this team member's."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("json"),
         QStringLiteral("Prints JSON: {\"identities\": [{\"member\", \"kind\", \"value\"}, …]}.")});
    if (const std::optional<int> stop = parser.parse(arguments))
        return *stop;

    Result<std::unique_ptr<Database>> db = parser.openDatabase(CommandParser::Access::ReadOnly);
    if (!db)
        return fail(command, db.error());
    Transaction snapshot(**db, TransactionMode::Read);
    if (!snapshot.status().ok())
        return fail(command, snapshot.status().error());
    const Result<QList<TeamMember>> team = TeamMemberRepository(**db).list();
    if (!team)
        return fail(command, team.error());
    QList<TeamMember> members = *team;
    if (parser.isSet(memberOption)) {
        const Result<TeamMember> member = namedMember(**db, parser.value(memberOption));
        if (!member)
            return fail(command, member.error());
        members = {*member};
    }
    const Result<QList<TeamIdentity>> identities = TeamIdentityRepository(**db).list();
    if (!identities)
        return fail(command, identities.error());
    QHash<qint64, QList<TeamIdentity>> byMember;
    for (const TeamIdentity& identity : *identities)
        byMember[identity.memberId] << identity;

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const TeamMember& member : std::as_const(members)) {
            for (const TeamIdentity& identity : byMember.value(member.id))
                rows.append(QJsonObject{{QStringLiteral("member"), member.name},
                                        {QStringLiteral("kind"), methodKindName(identity.kind)},
                                        {QStringLiteral("value"), identity.value}});
        }
        out() << QJsonDocument(QJsonObject{{QStringLiteral("identities"), rows}})
                     .toJson(QJsonDocument::Indented);
        out().flush();
        return Success;
    }
    qint64 printed = 0;
    for (const TeamMember& member : std::as_const(members)) {
        for (const TeamIdentity& identity : byMember.value(member.id)) {
            out() << member.name << ": " << identity.text() << '\n';
            ++printed;
        }
    }
    if (printed == 0)
        out() << (parser.isSet(memberOption)
                      ? members.constFirst().name + QStringLiteral(" has no identities")
                      : QStringLiteral("no team member has identities"))
              << '\n';
    out().flush();
    return Success;
}

} // namespace

int runTeam(const QStringList& arguments)
{
    const QString subject = arguments.value(0);
    const QString action = arguments.value(1);
    const QStringList rest = arguments.mid(2);
    if (subject == QLatin1String("--help") || subject == QLatin1String("-h") ||
        (subject == QLatin1String("identity") &&
         (action == QLatin1String("--help") || action == QLatin1String("-h")))) {
        out()
            << "usage: rapport team identity add|remove --member NAME --identity KIND:VALUE --database PATH\n"
               "       rapport team identity list [--member NAME] [--json] --database PATH\n"
               "The emails and handles of team members: the --by member's are \"me\" to import "
               "conversations, and no member's becomes a contact. rapport team identity ACTION --help "
               "for the options of one."
            << Qt::endl;
        return Success;
    }
    if (subject != QLatin1String("identity"))
        return fail(QStringLiteral("team"),
                    Error::usage(QStringLiteral("expected identity add|list|remove, not '%1'").arg(subject)));
    if (action == QLatin1String("add"))
        return runAdd(rest);
    if (action == QLatin1String("list"))
        return runList(rest);
    if (action == QLatin1String("remove"))
        return runRemove(rest);
    return fail(QStringLiteral("team identity"),
                Error::usage(QStringLiteral("expected add, list or remove, not '%1'").arg(action)));
}

} // namespace rapport::cli
