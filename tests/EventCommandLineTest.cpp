// SPDX-License-Identifier: GPL-3.0-or-later
// rapport event as a script uses it: an event logged from an attendance file and the command line, listed
// and shown read-only, a late participant added and one taken out, an event deleted; and an attendance
// file with an unknown person, which names the line and writes nothing.
#include "tests/support/CliSupport.h"
#include "tests/support/CsvSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace rapport::test;

namespace {

Run runEvent(const CliDatabase& db, const QString& action, const QStringList& arguments)
{
    return runRapport(QStringList{QStringLiteral("event"), action, QStringLiteral("--database"), db.path()} +
                      arguments);
}

Run succeeded(const Run& run)
{
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    return run;
}

QJsonObject jsonOf(const Run& run)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    INFO(run.out.toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The summaries of the interactions export: what the events wrote into the log.
QStringList loggedSummaries(const CliDatabase& db)
{
    const QString path = db.file(QStringLiteral("interactions.csv"));
    succeeded(
        db.run(QStringLiteral("export"), {QStringLiteral("interactions"), QStringLiteral("--output"), path}));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QStringList> rows = parseCsv(file.readAll());
    REQUIRE_FALSE(rows.isEmpty());
    const qsizetype column = rows.constFirst().indexOf(QStringLiteral("summary"));
    REQUIRE(column >= 0);
    QStringList summaries;
    for (qsizetype i = 1; i < rows.size(); ++i)
        summaries << rows.at(i).at(column);
    summaries.sort();
    return summaries;
}

struct Community
{
    CliDatabase db;
    QString ada;
    QString grace;
    QString linus;
    QString zed;

    Community()
    {
        ada = db.addContact({QStringLiteral("--name"), QStringLiteral("Ada Lovelace"),
                             QStringLiteral("--email"), QStringLiteral("ada@example.org")});
        grace = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper"),
                               QStringLiteral("--email"), QStringLiteral("grace@example.org")});
        linus = db.addContact({QStringLiteral("--name"), QStringLiteral("Linus"), QStringLiteral("--handle"),
                               QStringLiteral("forum:linus")});
        zed = db.addContact({QStringLiteral("--name"), QStringLiteral("Zed Shaw")});
    }

    QString attendance(const QByteArray& csv) const
    {
        return writeFile(QFileInfo(db.path()).absolutePath(), QStringLiteral("attendance.csv"), csv);
    }
};

} // namespace

TEST_CASE("event add logs an event from an attendance file, then list, show, add-participant, "
          "remove-participant and delete",
          "[cli][events]")
{
    Community community;
    const CliDatabase& db = community.db;
    const QString file =
        community.attendance("Email;Role\r\nada@example.org;Speaker\r\ngrace@example.org;\r\n");

    const Run added = succeeded(
        runEvent(db, QStringLiteral("add"),
                 {QStringLiteral("--name"), QStringLiteral("Rust meetup"), QStringLiteral("--kind"),
                  QStringLiteral("meetup"), QStringLiteral("--at"), QStringLiteral("2026-05-14T18:00:00Z"),
                  QStringLiteral("--link"), QStringLiteral("https://example.org/rust"),
                  QStringLiteral("--participants"), file, QStringLiteral("--participant"),
                  QStringLiteral("@linus"), QStringLiteral("--participant"), QStringLiteral("Zed Shaw"),
                  QStringLiteral("--role"), QStringLiteral("no-show")}));
    // --role is the file's default too: Grace's empty role makes her a no-show like Linus and Zed.
    CHECK(added.out ==
          QStringLiteral("added event 1 (meetup, 2026-05-14): 1 took part, 3 invited did not show\n"));
    CHECK(loggedSummaries(db) == QStringList{QStringLiteral("Meetup: Rust meetup (spoke)")});

    succeeded(
        runEvent(db, QStringLiteral("add"),
                 {QStringLiteral("--name"), QStringLiteral("Ask me anything"), QStringLiteral("--kind"),
                  QStringLiteral("AMA"), QStringLiteral("--at"), QStringLiteral("2026-05-20"),
                  QStringLiteral("--channel"), QStringLiteral("chat"), QStringLiteral("--participant"),
                  community.ada, QStringLiteral("--participant"), QStringLiteral("grace@example.org")}));

    CHECK(succeeded(runEvent(db, QStringLiteral("list"), {})).out ==
          QStringLiteral("2 2026-05-20 ama Ask me anything: 2 participants, 2 took part (1 first-timer)\n"
                         "1 2026-05-14 meetup Rust meetup: 4 participants, 1 took part (1 first-timer)\n"));
    CHECK(succeeded(
              runEvent(db, QStringLiteral("list"), {QStringLiteral("--since"), QStringLiteral("2026-05-15")}))
              .out.count(QLatin1Char('\n')) == 1);

    const QJsonArray events =
        jsonOf(succeeded(runEvent(db, QStringLiteral("list"), {QStringLiteral("--json")})))
            .value(QStringLiteral("events"))
            .toArray();
    REQUIRE(events.size() == 2);
    const QJsonObject meetup = events.at(1).toObject();
    CHECK(meetup.value(QStringLiteral("kind")).toString() == QStringLiteral("meetup"));
    CHECK(meetup.value(QStringLiteral("occurred_at")).toString() == QStringLiteral("2026-05-14T18:00:00Z"));
    CHECK(meetup.value(QStringLiteral("link")).toString() == QStringLiteral("https://example.org/rust"));
    CHECK(meetup.value(QStringLiteral("participants")).toInt() == 4);
    CHECK(meetup.value(QStringLiteral("invited_no_show")).toInt() == 3);
    CHECK(events.at(0).toObject().value(QStringLiteral("channel")).toString() == QStringLiteral("chat"));

    // Ada spoke at the meetup, so the AMA is her second event; Grace did not show at the meetup.
    CHECK(succeeded(runEvent(db, QStringLiteral("show"), {QStringLiteral("2")})).out ==
          QStringLiteral("event 2: Ask me anything\n"
                         "AMA on 2026-05-20T00:00:00Z, chat\n"
                         "2 participants, 2 took part (1 first-timer)\n"
                         "  %1 Ada Lovelace: attended\n"
                         "  %2 Grace Hopper: attended (first time)\n")
              .arg(community.ada, community.grace));
    const QJsonObject shown = jsonOf(
        succeeded(runEvent(db, QStringLiteral("show"), {QStringLiteral("1"), QStringLiteral("--json")})));
    CHECK(shown.value(QStringLiteral("event")).toObject().value(QStringLiteral("name")).toString() ==
          QStringLiteral("Rust meetup"));
    const QJsonArray people = shown.value(QStringLiteral("participants")).toArray();
    REQUIRE(people.size() == 4);
    const QJsonObject ada = people.at(0).toObject();
    CHECK(ada.value(QStringLiteral("role")).toString() == QStringLiteral("spoke"));
    CHECK(ada.value(QStringLiteral("first_timer")).toBool());
    CHECK(ada.value(QStringLiteral("conversation_id")).isDouble());
    CHECK(people.at(1).toObject().value(QStringLiteral("role")).toString() ==
          QStringLiteral("invited_no_show"));
    CHECK(people.at(1).toObject().value(QStringLiteral("conversation_id")).isNull());

    SECTION("a late participant, then one taken out")
    {
        const Run late = succeeded(
            runEvent(db, QStringLiteral("add-participant"),
                     {QStringLiteral("2"), QStringLiteral("--participant"), QStringLiteral("forum:linus"),
                      QStringLiteral("--role"), QStringLiteral("answered")}));
        CHECK(late.out == QStringLiteral("added 1 participant to event 2 as answered\n"));
        CHECK(succeeded(runEvent(db, QStringLiteral("list"), {}))
                  .out.startsWith(QStringLiteral(
                      "2 2026-05-20 ama Ask me anything: 3 participants, 3 took part (2 first-timers)\n")));
        CHECK(loggedSummaries(db).contains(QStringLiteral("AMA: Ask me anything (answered)")));

        const Run twice =
            runEvent(db, QStringLiteral("add-participant"),
                     {QStringLiteral("2"), QStringLiteral("--participant"), QStringLiteral("Zed Shaw"),
                      QStringLiteral("--participant"), community.linus});
        CHECK(twice.exitCode == 2);
        CHECK(twice.err.contains(QStringLiteral("rapport event add-participant: --participant: contact %1 is "
                                                "already in event 2")
                                     .arg(community.linus)));
        CHECK(twice.err.contains(QStringLiteral("nothing written")));
        CHECK(jsonOf(succeeded(runEvent(db, QStringLiteral("show"),
                                        {QStringLiteral("2"), QStringLiteral("--json")})))
                  .value(QStringLiteral("participants"))
                  .toArray()
                  .size() == 3);

        const Run removed =
            succeeded(runEvent(db, QStringLiteral("remove-participant"),
                               {QStringLiteral("2"), QStringLiteral("--participant"), community.ada}));
        CHECK(removed.out == QStringLiteral("removed contact %1 from event 2\n").arg(community.ada));
        CHECK(succeeded(runEvent(db, QStringLiteral("list"), {}))
                  .out.startsWith(QStringLiteral(
                      "2 2026-05-20 ama Ask me anything: 2 participants, 2 took part (2 first-timers)\n")));
        const Run notThere = runEvent(db, QStringLiteral("remove-participant"),
                                      {QStringLiteral("2"), QStringLiteral("--participant"), community.ada});
        CHECK(notThere.exitCode == 2);
        CHECK(notThere.err.contains(QStringLiteral("is not in event 2")));
    }

    SECTION("deleting an event deletes the conversations it wrote")
    {
        const Run deleted = succeeded(runEvent(db, QStringLiteral("delete"), {QStringLiteral("1")}));
        CHECK(deleted.out == QStringLiteral("deleted event 1 (Rust meetup) and its 1 conversation\n"));
        CHECK(loggedSummaries(db) == QStringList{QStringLiteral("AMA: Ask me anything (attended)"),
                                                 QStringLiteral("AMA: Ask me anything (attended)")});
        const Run again = runEvent(db, QStringLiteral("delete"), {QStringLiteral("1")});
        CHECK(again.exitCode == 2);
        CHECK(again.err.trimmed() == QStringLiteral("rapport event delete: event: no event with id 1"));
    }
}

TEST_CASE("event add with an unknown person in the attendance file names the line and writes nothing",
          "[cli][events]")
{
    Community community;
    const CliDatabase& db = community.db;
    const QString file = community.attendance("Name,Email,Role\nAda,ada@example.org,host\nNobody,nobody@"
                                              "example.org,\nGrace,grace@example.org,keynote\n");
    const Run refused =
        runEvent(db, QStringLiteral("add"),
                 {QStringLiteral("--name"), QStringLiteral("Webinar"), QStringLiteral("--kind"),
                  QStringLiteral("webinar"), QStringLiteral("--participants"), file,
                  QStringLiteral("--participant"), QStringLiteral("ghost@example.org")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.out.isEmpty());
    const QStringList lines = refused.err.trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 4);
    CHECK(lines.at(0).startsWith(
        QStringLiteral("rapport event add: %1: line 3, column 'Email': no contact").arg(file)));
    CHECK(lines.at(0).contains(QStringLiteral("nobody@example.org")));
    CHECK(
        lines.at(1) ==
        QStringLiteral("rapport event add: %1: line 4, column 'Role': unknown role 'keynote'; use attended, "
                       "spoke, answered, organized or invited-no-show")
            .arg(file));
    CHECK(lines.at(2).startsWith(QStringLiteral("rapport event add: --participant: no contact")));
    CHECK(lines.at(3) == QStringLiteral("rapport event add: nothing written"));
    CHECK(succeeded(runEvent(db, QStringLiteral("list"), {})).out == QStringLiteral("no events\n"));
    CHECK(loggedSummaries(db).isEmpty());

    const Run noColumn = runEvent(db, QStringLiteral("add"),
                                  {QStringLiteral("--name"), QStringLiteral("Poll"), QStringLiteral("--kind"),
                                   QStringLiteral("poll"), QStringLiteral("--participants"),
                                   community.attendance("Ticket,Paid\n1,yes\n")});
    CHECK(noColumn.exitCode == 2);
    CHECK(noColumn.err.contains(QStringLiteral("no participant column")));

    const QStringList named{QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--participant"),
                            community.ada};
    const Run badKind = runEvent(db, QStringLiteral("add"),
                                 named + QStringList{QStringLiteral("--kind"), QStringLiteral("party")});
    CHECK(badKind.exitCode == 2);
    CHECK(badKind.err.contains(QStringLiteral("--kind 'party': expected one of meetup, ama")));
    const Run badRole = runEvent(db, QStringLiteral("add"),
                                 named + QStringList{QStringLiteral("--kind"), QStringLiteral("poll"),
                                                     QStringLiteral("--role"), QStringLiteral("lurker")});
    CHECK(badRole.exitCode == 2);
    CHECK(badRole.err.contains(QStringLiteral("--role 'lurker'")));
    const Run badChannel =
        runEvent(db, QStringLiteral("add"),
                 named + QStringList{QStringLiteral("--kind"), QStringLiteral("poll"),
                                     QStringLiteral("--channel"), QStringLiteral("smoke")});
    CHECK(badChannel.exitCode == 2);
    CHECK(runEvent(db, QStringLiteral("add"), named).exitCode == 1); // no --kind
    CHECK(succeeded(runEvent(db, QStringLiteral("list"), {})).out == QStringLiteral("no events\n"));
}

TEST_CASE("event list and show never write, and event is in the help", "[cli][events]")
{
    Community community;
    const CliDatabase& db = community.db;
    succeeded(runEvent(db, QStringLiteral("add"),
                       {QStringLiteral("--name"), QStringLiteral("Survey"), QStringLiteral("--kind"),
                        QStringLiteral("survey"), QStringLiteral("--at"), QStringLiteral("2026-04-01"),
                        QStringLiteral("--role"), QStringLiteral("answered"), QStringLiteral("--participant"),
                        community.zed}));
    const QByteArray before = fileHash(db.path());
    succeeded(runEvent(db, QStringLiteral("list"), {QStringLiteral("--json")}));
    succeeded(runEvent(db, QStringLiteral("show"), {QStringLiteral("1")}));
    CHECK(fileHash(db.path()) == before);
    const Run missing = runEvent(db, QStringLiteral("show"), {QStringLiteral("7")});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.trimmed() == QStringLiteral("rapport event show: event: no event with id 7"));
    CHECK(runEvent(db, QStringLiteral("show"), {QStringLiteral("seven")}).exitCode == 2);

    const QString absent = db.file(QStringLiteral("absent.sqlite3"));
    const Run noDatabase =
        runRapport({QStringLiteral("event"), QStringLiteral("list"), QStringLiteral("--database"), absent});
    CHECK(noDatabase.exitCode == 3);
    CHECK_FALSE(QFileInfo::exists(absent));

    CHECK(succeeded(runRapport({QStringLiteral("--help")}))
              .out.contains(QStringLiteral("rapport event add --database PATH --name NAME --kind K")));
    const Run help =
        succeeded(runRapport({QStringLiteral("event"), QStringLiteral("add"), QStringLiteral("--help")}));
    CHECK(help.out.contains(QStringLiteral("--participants <FILE>")));
    CHECK(help.out.contains(QStringLiteral("live_chat")));
    const Run actions = succeeded(runRapport({QStringLiteral("event"), QStringLiteral("--help")}));
    CHECK(actions.out.contains(QStringLiteral("rapport event remove-participant ID")));
    const Run unknown = runRapport({QStringLiteral("event"), QStringLiteral("rename")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("expected add, list, show")));
}

TEST_CASE("The demo database has events to list and show", "[cli][events][demo]")
{
    CliDatabase db;
    succeeded(db.run(QStringLiteral("demo"),
                     {QStringLiteral("--contacts"), QStringLiteral("300"), QStringLiteral("--interactions"),
                      QStringLiteral("6000"), QStringLiteral("--until"), QStringLiteral("2026-06-01")}));
    const QJsonArray events =
        jsonOf(succeeded(runEvent(db, QStringLiteral("list"), {QStringLiteral("--json")})))
            .value(QStringLiteral("events"))
            .toArray();
    CHECK(events.size() >= 20);
    qint64 latestMeetup = 0;
    for (const QJsonValue& value : events) {
        const QJsonObject event = value.toObject();
        CHECK(event.value(QStringLiteral("occurred_at")).toString() <=
              QStringLiteral("2026-06-01T00:00:00Z"));
        if (latestMeetup == 0 && event.value(QStringLiteral("kind")).toString() == QStringLiteral("meetup"))
            latestMeetup = event.value(QStringLiteral("id")).toInteger();
    }
    REQUIRE(latestMeetup > 0);
    const QString shown =
        succeeded(runEvent(db, QStringLiteral("show"), {QString::number(latestMeetup)})).out;
    CHECK(shown.contains(QStringLiteral(": organized")));
    CHECK(shown.contains(QStringLiteral(": spoke")));
    CHECK(shown.contains(QStringLiteral("(first time)")));
    CHECK(shown.contains(QStringLiteral(": invited_no_show")));
}
