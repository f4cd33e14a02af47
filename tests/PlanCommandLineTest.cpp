// SPDX-License-Identifier: GPL-3.0-or-later
// rapport follow-up, today and reach-out as a script uses them: a promise added, listed and kept; the day's
// plan with its follow-ups and suggestions; a snooze and a dismissal that take a person off it.
#include "tests/support/CliSupport.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace rapport::test;

namespace {

Run runSub(const CliDatabase& db, const QString& command, const QString& action, const QStringList& arguments)
{
    return runRapport(QStringList{command, action, QStringLiteral("--database"), db.path()} + arguments);
}

// A contact talked to every ten days from January to early April 2026: overdue by June.
QString regular(const CliDatabase& db, const QString& name)
{
    const QString id = db.addContact({QStringLiteral("--name"), name});
    for (int day = 0; day < 90; day += 10)
        db.log(id, QDateTime(QDate(2026, 1, 1).addDays(day), QTime(10, 0), Qt::UTC).toString(Qt::ISODate),
               day % 20 ? QStringLiteral("inbound") : QStringLiteral("outbound"));
    return id;
}

QJsonObject todayJson(const CliDatabase& db)
{
    const Run today = db.run(QStringLiteral("today"), {QStringLiteral("--at"), QStringLiteral("2026-06-01"),
                                                       QStringLiteral("--json")});
    INFO(today.err.toStdString());
    REQUIRE(today.exitCode == 0);
    return QJsonDocument::fromJson(today.out.toUtf8()).object();
}

QList<qint64> idsOf(const QJsonArray& rows)
{
    QList<qint64> ids;
    for (const QJsonValue& row : rows)
        ids << row.toObject().value(QStringLiteral("id")).toInteger();
    return ids;
}

} // namespace

TEST_CASE("follow-up add, list and kept: a promise becomes a trust note", "[cli][follow-ups]")
{
    CliDatabase db;
    const QString grace = db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper"),
                                         QStringLiteral("--email"), QStringLiteral("grace@navy.example")});
    const Run added = runSub(db, QStringLiteral("follow-up"), QStringLiteral("add"),
                             {QStringLiteral("--contact"), QStringLiteral("grace@navy.example"),
                              QStringLiteral("--due"), QStringLiteral("2026-06-05"), QStringLiteral("--text"),
                              QStringLiteral("Send the slides"), QStringLiteral("--commitment"),
                              QStringLiteral("ours"), QStringLiteral("--owner"), QStringLiteral("Ada")});
    INFO(added.err.toStdString());
    REQUIRE(added.exitCode == 0);
    CHECK(added.out == QStringLiteral("added follow-up 1 (our_commitment), due 2026-06-05\n"));

    const Run listed = runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"), {});
    CHECK(listed.out ==
          QStringLiteral("1 due 2026-06-05 our_commitment %1 (Grace Hopper), owner Ada: Send the slides\n")
              .arg(grace));
    const Run nobody = runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"),
                              {QStringLiteral("--owner"), QStringLiteral("Zed")});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.err.contains(QStringLiteral("--owner: no team member named 'Zed'")));

    const Run kept = runSub(db, QStringLiteral("follow-up"), QStringLiteral("kept"), {QStringLiteral("1")});
    REQUIRE(kept.exitCode == 0);
    CHECK(kept.out.startsWith(QStringLiteral("follow-up 1 kept; wrote trust note ")));
    CHECK(runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"), {}).out ==
          QStringLiteral("no open follow-ups\n"));
    const Run again = runSub(db, QStringLiteral("follow-up"), QStringLiteral("kept"), {QStringLiteral("1")});
    CHECK(again.exitCode != 0);
}

TEST_CASE("today lists the follow-ups due and the people to reach out to, and reach-out holds them back",
          "[cli][today]")
{
    CliDatabase db;
    const QString ada = regular(db, QStringLiteral("Ada Lovelace"));
    const QString alan = regular(db, QStringLiteral("Alan Turing"));
    const QString grace = regular(db, QStringLiteral("Grace Hopper"));
    REQUIRE(runSub(db, QStringLiteral("follow-up"), QStringLiteral("add"),
                   {QStringLiteral("--contact"), grace, QStringLiteral("--due"), QStringLiteral("2026-05-30"),
                    QStringLiteral("--text"), QStringLiteral("Ask about the keynote")})
                .exitCode == 0);

    const QJsonObject plan = todayJson(db);
    CHECK(plan.value(QStringLiteral("at")).toString() == QStringLiteral("2026-06-01T00:00:00Z"));
    const QJsonArray due = plan.value(QStringLiteral("follow_ups")).toArray();
    REQUIRE(due.size() == 1);
    CHECK(due.at(0).toObject().value(QStringLiteral("text")).toString() ==
          QStringLiteral("Ask about the keynote"));
    // Grace is already on the list through her follow-up.
    CHECK(idsOf(plan.value(QStringLiteral("reach_out")).toArray()) ==
          QList<qint64>{ada.toLongLong(), alan.toLongLong()});
    const QJsonObject first = plan.value(QStringLiteral("reach_out")).toArray().at(0).toObject();
    CHECK(first.value(QStringLiteral("reason")).toString().startsWith(QStringLiteral("A touch now adds ")));
    CHECK(first.value(QStringLiteral("gain")).toDouble() > 0);
    CHECK(plan.value(QStringLiteral("overdue")).toInteger() == 2);

    const Run text = db.run(QStringLiteral("today"), {QStringLiteral("--at"), QStringLiteral("2026-06-01"),
                                                      QStringLiteral("--limit"), QStringLiteral("1")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.startsWith(
        QStringLiteral(
            "today for everyone\nfollow-ups due: 1\n  1 due 2026-05-30 reach_out %1 (Grace Hopper): "
            "Ask about the keynote\nreach out: 1 of 2 overdue\n  %2 Ada Lovelace (")
            .arg(grace, ada)));
    CHECK(text.out.endsWith(QStringLiteral("rekindle? 0\n")));

    const Run snoozed =
        runSub(db, QStringLiteral("reach-out"), QStringLiteral("snooze"),
               {QStringLiteral("--contact"), ada, QStringLiteral("--until"), QStringLiteral("2099-01-01")});
    INFO(snoozed.err.toStdString());
    REQUIRE(snoozed.exitCode == 0);
    CHECK(snoozed.out == QStringLiteral("contact %1 snoozed until 2099-01-01T00:00:00Z\n").arg(ada));
    const Run dismissed = runSub(db, QStringLiteral("reach-out"), QStringLiteral("dismiss"),
                                 {QStringLiteral("--contact"), alan});
    REQUIRE(dismissed.exitCode == 0);
    const QJsonObject held = todayJson(db);
    CHECK(held.value(QStringLiteral("reach_out")).toArray().isEmpty());
    CHECK(held.value(QStringLiteral("held")).toInteger() == 2);

    const Run restored = runSub(db, QStringLiteral("reach-out"), QStringLiteral("restore"),
                                {QStringLiteral("--contact"), ada});
    CHECK(restored.out == QStringLiteral("contact %1 is back in reach-out suggestions\n").arg(ada));
    CHECK(idsOf(todayJson(db).value(QStringLiteral("reach_out")).toArray()) ==
          QList<qint64>{ada.toLongLong()});

    const Run both = runSub(db, QStringLiteral("reach-out"), QStringLiteral("snooze"),
                            {QStringLiteral("--contact"), ada, QStringLiteral("--days"), QStringLiteral("3"),
                             QStringLiteral("--until"), QStringLiteral("2099-01-01")});
    CHECK(both.exitCode == 1);
    CHECK(both.err.contains(QStringLiteral("give either --days N or --until DATE")));
    const Run past =
        runSub(db, QStringLiteral("reach-out"), QStringLiteral("snooze"),
               {QStringLiteral("--contact"), ada, QStringLiteral("--until"), QStringLiteral("2020-01-01")});
    CHECK(past.exitCode == 2);
    CHECK(past.err.contains(
        QStringLiteral("--until: snooze until 2020-01-01T00:00:00Z: that is not in the future")));
    const Run unknown = runSub(db, QStringLiteral("reach-out"), QStringLiteral("wave"), {});
    CHECK(unknown.exitCode == 1);
    const Run badLimit = db.run(QStringLiteral("today"), {QStringLiteral("--limit"), QStringLiteral("0")});
    CHECK(badLimit.exitCode == 2);
    CHECK(badLimit.err.contains(QStringLiteral("--limit '0': expected a whole number from 1 to 1000")));
}

TEST_CASE("today plans for the desktop app's \"I am\" member unless told otherwise", "[cli][today]")
{
    CliDatabase db;
    const QString ada = db.addContact({QStringLiteral("--name"), QStringLiteral("Ada Lovelace"),
                                       QStringLiteral("--owner"), QStringLiteral("Sam")});
    const QString alan = db.addContact({QStringLiteral("--name"), QStringLiteral("Alan Turing"),
                                        QStringLiteral("--owner"), QStringLiteral("Robin")});
    for (const QString& id : {ada, alan}) {
        for (int day = 0; day < 90; day += 10)
            db.log(id, QDateTime(QDate(2026, 1, 1).addDays(day), QTime(10, 0), Qt::UTC).toString(Qt::ISODate),
                   QStringLiteral("mutual"));
    }
    QTemporaryDir configHome;
    REQUIRE(configHome.isValid());
    setCurrentMember(configHome.path(), db.path(), 1); // Sam, the first member created
    const QStringList at{QStringLiteral("--at"), QStringLiteral("2026-06-01"), QStringLiteral("--json")};
    const Run mine = runWithConfigHome(db, configHome.path(), QStringLiteral("today"), at);
    INFO(mine.err.toStdString());
    REQUIRE(mine.exitCode == 0);
    const QJsonObject plan = QJsonDocument::fromJson(mine.out.toUtf8()).object();
    CHECK(plan.value(QStringLiteral("owner")).toString() == QStringLiteral("Sam"));
    CHECK(idsOf(plan.value(QStringLiteral("reach_out")).toArray()) == QList<qint64>{ada.toLongLong()});

    const Run everyone = runWithConfigHome(db, configHome.path(), QStringLiteral("today"),
                                           at + QStringList{QStringLiteral("--everyone")});
    REQUIRE(everyone.exitCode == 0);
    CHECK(QJsonDocument::fromJson(everyone.out.toUtf8())
              .object()
              .value(QStringLiteral("reach_out"))
              .toArray()
              .size() == 2);
    const Run robin = runWithConfigHome(db, configHome.path(), QStringLiteral("today"),
                                        at + QStringList{QStringLiteral("--owner"), QStringLiteral("Robin")});
    REQUIRE(robin.exitCode == 0);
    CHECK(idsOf(QJsonDocument::fromJson(robin.out.toUtf8())
                    .object()
                    .value(QStringLiteral("reach_out"))
                    .toArray()) == QList<qint64>{alan.toLongLong()});
}

TEST_CASE("follow-up list --ics writes a calendar any program imports", "[cli][follow-ups]")
{
    CliDatabase db;
    db.addContact({QStringLiteral("--name"), QStringLiteral("Grace Hopper, Navy"), QStringLiteral("--email"),
                   QStringLiteral("grace@navy.example")});
    const Run added = runSub(db, QStringLiteral("follow-up"), QStringLiteral("add"),
                             {QStringLiteral("--contact"), QStringLiteral("grace@navy.example"),
                              QStringLiteral("--due"), QStringLiteral("2026-06-05"), QStringLiteral("--text"),
                              QStringLiteral("Send the slides; the long version with every benchmark "
                                             "and the COBOL history appendix")});
    REQUIRE(added.exitCode == 0);

    const Run printed =
        runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"), {QStringLiteral("--ics")});
    INFO(printed.err.toStdString());
    REQUIRE(printed.exitCode == 0);
    CHECK(printed.out.startsWith(QStringLiteral("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")));
    CHECK(printed.out.endsWith(QStringLiteral("END:VCALENDAR\r\n")));
    CHECK(printed.out.contains(QStringLiteral("UID:rapport-follow-up-1\r\n")));
    CHECK(printed.out.contains(QStringLiteral("DTSTART;VALUE=DATE:20260605\r\n")));
    CHECK(printed.out.contains(QStringLiteral("DTEND;VALUE=DATE:20260606\r\n")));
    // Unfolded, the summary is the contact and the text, with the comma and semicolon escaped.
    QString unfolded = printed.out;
    unfolded.replace(QStringLiteral("\r\n "), QString());
    CHECK(unfolded.contains(
        QStringLiteral("SUMMARY:Grace Hopper\\, Navy: Send the slides\\; the long version with "
                       "every benchmark and the COBOL history appendix\r\n")));
    for (const QString& line : printed.out.split(QStringLiteral("\r\n")))
        CHECK(line.toUtf8().size() <= 75);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("follow-ups.ics"));
    const Run written = runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"),
                               {QStringLiteral("--ics"), QStringLiteral("--output"), path});
    REQUIRE(written.exitCode == 0);
    CHECK(written.out.contains(QStringLiteral("(1 follow-up)")));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(file.readAll()) == printed.out);

    const Run both = runSub(db, QStringLiteral("follow-up"), QStringLiteral("list"),
                            {QStringLiteral("--ics"), QStringLiteral("--json")});
    CHECK(both.exitCode == 1);
    CHECK(both.err.contains(QStringLiteral("--json and --ics")));
}
