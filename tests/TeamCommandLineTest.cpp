// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport team identity add|list|remove`, and the identities of the --by (or "I am") member as "me" of
// `rapport import conversations`, exercised by running the real binary.
#include "tests/support/CliSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace rapport::test;

namespace {

Run identity(const CliDatabase& db, const char* action, const QStringList& arguments)
{
    return runRapport(
        QStringList{QStringLiteral("team"), QStringLiteral("identity"), QString::fromLatin1(action)} +
        arguments + QStringList{QStringLiteral("--database"), db.path()});
}

QStringList memberAndIdentity(const char* member, const char* value)
{
    return {QStringLiteral("--member"), QString::fromUtf8(member), QStringLiteral("--identity"),
            QString::fromUtf8(value)};
}

} // namespace

TEST_CASE("rapport team identity adds, lists and removes a member's emails and handles", "[cli][team]")
{
    CliDatabase db;
    const Run added = identity(db, "add", memberAndIdentity("Grace", "email:Grace@Example.org"));
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out == QStringLiteral("Grace: added email:Grace@Example.org\n"));
    REQUIRE(identity(db, "add", memberAndIdentity("grace", "discord:grace")).exitCode == 0);
    REQUIRE(identity(db, "add", memberAndIdentity("Hedy", "slack:U024HEDY")).exitCode == 0);

    const Run taken = identity(db, "add", memberAndIdentity("Hedy", "email:grace@example.org"));
    CHECK(taken.exitCode == 2);
    CHECK(taken.err == QStringLiteral("rapport team identity add: identity email:grace@example.org already "
                                      "belongs to team member Grace\n"));
    const Run malformed = identity(db, "add", memberAndIdentity("Hedy", "pager:123"));
    CHECK(malformed.exitCode == 2);
    CHECK(malformed.err.contains(QStringLiteral("identity 'pager:123': expected KIND:VALUE")));
    const Run missing = identity(db, "add", {QStringLiteral("--member"), QStringLiteral("Hedy")});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(QStringLiteral("--identity is required")));

    const Run all = identity(db, "list", {});
    CHECK(all.exitCode == 0);
    CHECK(all.out == QStringLiteral("Grace: discord:grace\nGrace: email:Grace@Example.org\n"
                                    "Hedy: slack:U024HEDY\n"));
    const Run json =
        identity(db, "list", {QStringLiteral("--member"), QStringLiteral("hedy"), QStringLiteral("--json")});
    REQUIRE(json.exitCode == 0);
    const QJsonArray rows =
        QJsonDocument::fromJson(json.outBytes).object().value(QStringLiteral("identities")).toArray();
    REQUIRE(rows.size() == 1);
    CHECK(rows.at(0).toObject() == QJsonObject{{QStringLiteral("member"), QStringLiteral("Hedy")},
                                               {QStringLiteral("kind"), QStringLiteral("slack")},
                                               {QStringLiteral("value"), QStringLiteral("U024HEDY")}});

    const Run removed = identity(db, "remove", memberAndIdentity("Grace", "email:grace@example.org"));
    CHECK(removed.exitCode == 0);
    CHECK(removed.out == QStringLiteral("Grace: removed email:grace@example.org\n"));
    const Run gone = identity(db, "remove", memberAndIdentity("Grace", "email:grace@example.org"));
    CHECK(gone.exitCode == 2);
    CHECK(gone.err.contains(QStringLiteral("team member Grace has no identity email:grace@example.org")));
    const Run stranger = identity(db, "list", {QStringLiteral("--member"), QStringLiteral("Ida")});
    CHECK(stranger.exitCode == 2);
    CHECK(stranger.err.contains(
        QStringLiteral("--member: no team member named 'Ida' (the team: Grace, Hedy)")));
    const Run help = runRapport({QStringLiteral("team"), QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.startsWith(QStringLiteral("usage: rapport team identity add|remove --member NAME")));
    const Run unknown = identity(db, "rename", {});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("expected add, list or remove")));
}

TEST_CASE("rapport team identity list never writes: it refuses a file that does not exist", "[cli][team]")
{
    CliDatabase db;
    const Run list = identity(db, "list", {});
    CHECK(list.exitCode != 0);
    CHECK_FALSE(QFileInfo::exists(db.path()));
}

TEST_CASE("rapport import conversations takes the identities of the --by, or the I am, member as me",
          "[cli][team][discord]")
{
    CliDatabase db;
    const QString dm = db.file(QStringLiteral("Direct Messages - ann [7].json"));
    QFile file(dm);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(R"({"guild": {"id": "0"}, "channel": {"id": "7", "type": "DirectTextChat"}, "messages": [
        {"id": "1", "type": "Default", "timestamp": "2025-03-17T10:00:00.000+00:00", "content": "hi",
         "author": {"id": "5", "name": "ann", "nickname": "Ann"}},
        {"id": "2", "type": "Default", "timestamp": "2025-03-17T10:01:00.000+00:00", "content": "hello",
         "author": {"id": "9", "name": "grace", "nickname": "Grace"}}]})");
    file.close();
    const QStringList importing{QStringLiteral("import"), QStringLiteral("conversations"), dm,
                                QStringLiteral("--database"), db.path()};

    const Run noMe = runRapport(importing + QStringList{QStringLiteral("--by"), QStringLiteral("Grace")});
    CHECK(noMe.exitCode == 1);
    CHECK(noMe.err.contains(QStringLiteral("Give --me")));
    CHECK(noMe.err.contains(QStringLiteral("Settings > Team or with `rapport team identity add`")));

    REQUIRE(identity(db, "add", memberAndIdentity("Grace", "discord:9")).exitCode == 0);
    const Run byGrace = runRapport(importing + QStringList{QStringLiteral("--by"), QStringLiteral("grace"),
                                                           QStringLiteral("--dry-run")});
    INFO(byGrace.err.toStdString());
    REQUIRE(byGrace.exitCode == 0);
    CHECK(byGrace.out.contains(QStringLiteral("2 created, 0 unchanged, 0 repeated in the archive "
                                              "(1 outbound, 1 inbound)")));

    // Without --by, the desktop app's "I am" member is the one.
    const QTemporaryDir configHome;
    setCurrentMember(configHome.path(), db.path(), 1);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome.path());
    process.setProcessEnvironment(environment);
    const Run asIAm = runRapport(process, importing);
    INFO(asIAm.err.toStdString());
    REQUIRE(asIAm.exitCode == 0);
    CHECK(asIAm.out.contains(QStringLiteral("(1 outbound, 1 inbound)")));
}
