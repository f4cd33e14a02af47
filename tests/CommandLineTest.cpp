// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line contract, exercised by running the real `rapport` binary.
#include "tests/support/CliSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <functional>
#include <optional>

using namespace rapport::test;

namespace {

QString daysBefore(int days)
{
    // The tests' "now" is 2026-06-01T00:00Z.
    return QDate(2026, 6, 1).addDays(-days).toString(Qt::ISODate);
}

QJsonObject scoreJson(const CliDatabase& db, const QString& contact)
{
    const Run scored =
        db.run(QStringLiteral("score"), {QStringLiteral("--contact"), contact, QStringLiteral("--at"),
                                         QStringLiteral("2026-06-01"), QStringLiteral("--json")});
    INFO(scored.err.toStdString());
    REQUIRE(scored.exitCode == 0);
    const QJsonDocument document = QJsonDocument::fromJson(scored.out.toUtf8());
    REQUIRE(document.isObject());
    return document.object();
}

} // namespace

TEST_CASE("--help and --version answer without a database", "[cli]")
{
    const Run help = runRapport({QStringLiteral("--help")});
    CHECK(help.exitCode == 0);
    CHECK(help.out.contains(QStringLiteral("rapport score")));
    CHECK(help.out.contains(QStringLiteral("Exit codes")));
    const Run version = runRapport({QStringLiteral("--version")});
    CHECK(version.exitCode == 0);
    CHECK(version.out.trimmed() == QStringLiteral("rapport " RAPPORT_VERSION));
    const Run commandHelp = runRapport({QStringLiteral("log"), QStringLiteral("--help")});
    CHECK(commandHelp.exitCode == 0);
    CHECK(commandHelp.out.contains(QStringLiteral("--direction")));
}

TEST_CASE("Usage errors exit with 1", "[cli]")
{
    CliDatabase db;
    const Run unknown = runRapport({QStringLiteral("frobnicate")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("unknown command 'frobnicate'")));
    const Run noName = db.run(QStringLiteral("add-contact"), {});
    CHECK(noName.exitCode == 1);
    CHECK(noName.err.contains(QStringLiteral("--name is required")));
    const Run badOption = db.run(QStringLiteral("score"), {QStringLiteral("--bogus")});
    CHECK(badOption.exitCode == 1);
    CHECK(badOption.err.contains(QStringLiteral("bogus")));
}

TEST_CASE("add-contact prints the id and refuses bad input with exit 2", "[cli]")
{
    CliDatabase db;
    CHECK(db.addContact({QStringLiteral("--name"), QStringLiteral("José Álvarez"), QStringLiteral("--email"),
                         QStringLiteral("jose@example.org"), QStringLiteral("--handle"),
                         QStringLiteral("forum:jalvarez"), QStringLiteral("--tag"), QStringLiteral("press"),
                         QStringLiteral("--owner"), QStringLiteral("Sam"), QStringLiteral("--cadence"),
                         QStringLiteral("14")}) == QStringLiteral("1"));

    const Run badEmail =
        db.run(QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("X"),
                                               QStringLiteral("--email"), QStringLiteral("nope")});
    CHECK(badEmail.exitCode == 2);
    CHECK(badEmail.err.contains(QStringLiteral("email: not an email address: 'nope'")));

    const Run duplicate = db.run(QStringLiteral("add-contact"),
                                 {QStringLiteral("--name"), QStringLiteral("Y"), QStringLiteral("--email"),
                                  QStringLiteral("JOSE@example.org")});
    CHECK(duplicate.exitCode == 2);
    CHECK(duplicate.err.contains(QStringLiteral("--email: 'JOSE@example.org' already belongs to contact 1")));

    const Run huge =
        db.run(QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("Z"),
                                               QStringLiteral("--cadence"), QStringLiteral("1e308")});
    CHECK(huge.exitCode == 2);
    CHECK(huge.err.contains(QStringLiteral("--cadence: must be a number of days from 1 to 3650")));
    const Run escape = db.run(QStringLiteral("add-contact"),
                              {QStringLiteral("--name"), QStringLiteral("Eve \x1b]0;pwned\x07")});
    CHECK(escape.exitCode == 2);
    CHECK(escape.err.contains(
        QStringLiteral("--name: must not contain control characters (U+001B at position 5)")));
    const Run badOwner =
        db.run(QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("Z"),
                                               QStringLiteral("--owner"), QStringLiteral("Al\nex")});
    CHECK(badOwner.exitCode == 2);
    CHECK(badOwner.err.contains(
        QStringLiteral("--owner: team member name: must not contain control characters")));

    const Run badCadence =
        db.run(QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("Z"),
                                               QStringLiteral("--cadence"), QStringLiteral("0")});
    CHECK(badCadence.exitCode == 2);
    const Run emptyName =
        db.run(QStringLiteral("add-contact"), {QStringLiteral("--name"), QStringLiteral("  ")});
    CHECK(emptyName.exitCode == 2);
    CHECK(emptyName.err.contains(QStringLiteral("name: must not be empty")));
    CHECK(db.run(QStringLiteral("check"), {}).out.contains(QStringLiteral("contacts:       1 ")));
}

TEST_CASE("log refuses bad input with exit 2 and changes nothing", "[cli]")
{
    CliDatabase db;
    db.addContact({QStringLiteral("--name"), QStringLiteral("Ada"), QStringLiteral("--email"),
                   QStringLiteral("ada@example.org")});
    const QStringList base{QStringLiteral("--contact"), QStringLiteral("ada@example.org")};
    struct Case
    {
        QStringList arguments;
        QString message;
    };
    const std::vector<Case> cases{
        {{QStringLiteral("--contact"), QStringLiteral("nobody@example.org"), QStringLiteral("--channel"),
          QStringLiteral("email"), QStringLiteral("--direction"), QStringLiteral("inbound")},
         QStringLiteral(
             "rapport log: --contact: no contact with id, email or handle 'nobody@example.org'\n")},
        {{QStringLiteral("--contact"), QStringLiteral("99999"), QStringLiteral("--channel"),
          QStringLiteral("email"), QStringLiteral("--direction"), QStringLiteral("inbound")},
         QStringLiteral("rapport log: --contact: no contact with id 99999\n")},
        {base + QStringList{QStringLiteral("--channel"), QStringLiteral("pigeon"),
                            QStringLiteral("--direction"), QStringLiteral("inbound")},
         QStringLiteral("--channel 'pigeon': expected one of email, call")},
        {base + QStringList{QStringLiteral("--channel"), QStringLiteral("call"),
                            QStringLiteral("--direction"), QStringLiteral("sideways")},
         QStringLiteral("--direction 'sideways'")},
        {base + QStringList{QStringLiteral("--channel"), QStringLiteral("call"),
                            QStringLiteral("--direction"), QStringLiteral("mutual"), QStringLiteral("--at"),
                            QStringLiteral("2026-13-45")},
         QStringLiteral("--at: '2026-13-45' does not exist: there is no month 13")},
        {base + QStringList{QStringLiteral("--channel"), QStringLiteral("call"),
                            QStringLiteral("--direction"), QStringLiteral("mutual"), QStringLiteral("--at"),
                            QStringLiteral("2026-04-31 10:00")},
         QStringLiteral("--at: '2026-04-31 10:00' does not exist: April 2026 has 30 days")},
        {base + QStringList{QStringLiteral("--channel"), QStringLiteral("call"),
                            QStringLiteral("--direction"), QStringLiteral("mutual"), QStringLiteral("--at"),
                            QStringLiteral("2026-04-30T10:75")},
         QStringLiteral("--at: '2026-04-30T10:75' does not exist: 10:75 is not a time of day")},
    };
    for (const Case& c : cases) {
        const Run refused = db.run(QStringLiteral("log"), c.arguments);
        INFO(refused.err.toStdString());
        CHECK(refused.exitCode == 2);
        CHECK(refused.err.contains(c.message));
    }
    CHECK(db.run(QStringLiteral("check"), {}).out.contains(QStringLiteral("interactions:   0")));

    const Run logged =
        db.run(QStringLiteral("log"),
               base + QStringList{QStringLiteral("--channel"), QStringLiteral("meeting"),
                                  QStringLiteral("--direction"), QStringLiteral("mutual"),
                                  QStringLiteral("--summary"), QStringLiteral("Coffee at the meetup")});
    CHECK(logged.exitCode == 0);
    CHECK(logged.out.startsWith(QStringLiteral("logged interaction 1; Last contact today")));
}

TEST_CASE("score --json reproduces the six worked examples", "[cli][scoring]")
{
    struct Example
    {
        const char* name;
        QList<std::pair<int, const char*>> log; // days before now, direction
        std::optional<double> recency, frequency, reciprocity, score;
        const char* band;
    };
    auto regular = [](int count, int every, int newest, const std::function<const char*(int)>& direction) {
        QList<std::pair<int, const char*>> log;
        for (int i = 0; i < count; ++i)
            log << std::pair{newest + (count - 1 - i) * every, direction(i)};
        return log;
    };
    auto alternating = [](int count) {
        return [count](int i) {
            return (count - 1 - i) % 2 == 0 ? "outbound" : "inbound";
        };
    };
    const std::vector<Example> examples{
        {"A", {}, 0, 0, 50, std::nullopt, "No history"},
        {"B", {{10, "outbound"}}, 100, 21.88, 34.18, 56.20, "New"},
        {"C", regular(12, 7, 2, alternating(12)), 100, 76.65, 88.65, 88.99, "Thriving"},
        {"D",
         regular(12, 14, 41, [](int i) { return (i == 2 || i == 6 || i == 10) ? "inbound" : "outbound"; }),
         49.40, 60.79, 51.72, 53.97, "Cooling"},
        {"E", regular(5, 30, 120, [](int) { return "outbound"; }), 33.33, 28.06, 30.14, 30.69, "At risk"},
        {"F", regular(20, 7, 200, alternating(20)), 0, 43.62, 77.15, 34.55, "At risk"},
    };
    CliDatabase db;
    QStringList ids;
    for (const Example& example : examples) {
        const QString id = db.addContact(
            {QStringLiteral("--name"), QStringLiteral("Example %1").arg(QLatin1String(example.name))});
        ids << id;
        for (const auto& [daysAgo, direction] : example.log)
            db.log(id, daysBefore(daysAgo), QString::fromLatin1(direction));
    }
    for (size_t i = 0; i < examples.size(); ++i) {
        const Example& example = examples[i];
        INFO("example " << example.name);
        const QJsonObject json = scoreJson(db, ids[static_cast<qsizetype>(i)]);
        CHECK(json.value(QStringLiteral("recency")).toDouble() == Approx(*example.recency).margin(0.01));
        CHECK(json.value(QStringLiteral("frequency")).toDouble() == Approx(*example.frequency).margin(0.01));
        CHECK(json.value(QStringLiteral("reciprocity")).toDouble() ==
              Approx(*example.reciprocity).margin(0.01));
        if (example.score)
            CHECK(json.value(QStringLiteral("score")).toDouble() == Approx(*example.score).margin(0.01));
        else
            CHECK(json.value(QStringLiteral("score")).isNull());
        CHECK(json.value(QStringLiteral("band")).toString() == QString::fromLatin1(example.band));
        CHECK(json.value(QStringLiteral("name")).toString() ==
              QStringLiteral("Example %1").arg(QLatin1String(example.name)));
    }

    const QJsonObject exampleB = scoreJson(db, ids[1]);
    CHECK(exampleB.value(QStringLiteral("days_since_last")).toDouble() == Approx(10));
    CHECK(exampleB.value(QStringLiteral("cadence_days")).toDouble() == Approx(30));
    CHECK(exampleB.value(QStringLiteral("delta_30")).isNull());
    const QJsonObject exampleD = scoreJson(db, ids[3]);
    CHECK(exampleD.value(QStringLiteral("overdue_ratio")).toDouble() == Approx(2.86).margin(0.01));
    CHECK(exampleD.value(QStringLiteral("delta_30")).toDouble() == Approx(-22.56).margin(0.02));
    CHECK(exampleD.value(QStringLiteral("explanation")).toString() ==
          QStringLiteral(
              "Last contact 41 days ago; usually every ~14 days (2.9\u00d7 overdue). 9 of the last 12 "
              "messages were from you. Score 54 (\u221223 vs 30 days ago). Biggest drag: recency."));

    const Run all =
        db.run(QStringLiteral("score"),
               {QStringLiteral("--at"), QStringLiteral("2026-06-01T00:00:00Z"), QStringLiteral("--json")});
    REQUIRE(all.exitCode == 0);
    const QJsonArray array = QJsonDocument::fromJson(all.out.toUtf8()).array();
    REQUIRE(array.size() == 6);
    CHECK(array.at(3).toObject().value(QStringLiteral("score")).toDouble() == Approx(53.97).margin(0.01));
    for (const char* key :
         {"id", "name", "score", "recency", "frequency", "reciprocity", "band", "days_since_last",
          "cadence_days", "overdue_ratio", "delta_30", "delta_90", "explanation"})
        CHECK(array.at(0).toObject().contains(QString::fromLatin1(key)));

    const Run table = db.run(QStringLiteral("score"), {QStringLiteral("--at"), QStringLiteral("2026-06-01")});
    CHECK(table.exitCode == 0);
    CHECK(table.out.contains(QStringLiteral("Example D")));
    CHECK(table.out.contains(QStringLiteral("Cooling")));
    const Run badDate =
        db.run(QStringLiteral("score"), {QStringLiteral("--at"), QStringLiteral("yesterday")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("'yesterday' is not an ISO 8601 date")));
    const Run unknown =
        db.run(QStringLiteral("score"), {QStringLiteral("--contact"), QStringLiteral("99999")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err == QStringLiteral("rapport score: --contact: no contact with id 99999\n"));
}

TEST_CASE("settings shows, validates and changes the scoring model", "[cli][settings]")
{
    CliDatabase db;
    const QString b = db.addContact({QStringLiteral("--name"), QStringLiteral("Example B"),
                                     QStringLiteral("--tag"), QStringLiteral("press")});
    db.log(b, daysBefore(10), QStringLiteral("outbound"));
    const Run shown = db.run(QStringLiteral("settings"), {});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(QStringLiteral("half_life_days = 90\n")));
    CHECK(shown.out.contains(QStringLiteral("weight_recency = 0.4\n")));

    const Run zero =
        db.run(QStringLiteral("settings"), {QStringLiteral("--set"), QStringLiteral("half_life_days=0")});
    CHECK(zero.exitCode == 2);
    CHECK(
        zero.err ==
        QStringLiteral("rapport settings: --set: half_life_days must be a number of days from 1 to 3650\n"));
    const Run tiny = db.run(QStringLiteral("settings"),
                            {QStringLiteral("--set"), QStringLiteral("half_life_days=1e-300")});
    CHECK(tiny.exitCode == 2);
    CHECK(tiny.err.contains(QStringLiteral("half_life_days must be a number of days from 1 to 3650")));
    const Run negative =
        db.run(QStringLiteral("settings"), {QStringLiteral("--set"), QStringLiteral("weight_frequency=-1")});
    CHECK(negative.exitCode == 2);
    CHECK(negative.err.contains(QStringLiteral("weight_frequency must be from 0 to 100")));
    const Run huge = db.run(QStringLiteral("settings"),
                            {QStringLiteral("--set"), QStringLiteral("reference_touches=1e300")});
    CHECK(huge.exitCode == 2);
    CHECK(huge.err.contains(QStringLiteral("reference_touches must be greater than 0 and at most 1000")));
    const Run unknown =
        db.run(QStringLiteral("settings"), {QStringLiteral("--set"), QStringLiteral("speed=11")});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(QStringLiteral("unknown setting 'speed'")));

    const Run changed =
        db.run(QStringLiteral("settings"), {QStringLiteral("--set"), QStringLiteral("half_life_days=30"),
                                            QStringLiteral("--tag-cadence"), QStringLiteral("press=7")});
    CHECK(changed.exitCode == 0);
    CHECK(changed.out.contains(QStringLiteral("half_life_days = 30\n")));
    CHECK(changed.out.contains(QStringLiteral("tag press: every 7 days")));
    const QJsonObject rescored = scoreJson(db, b);
    CHECK(rescored.value(QStringLiteral("frequency")).toDouble() ==
          Approx(100 * std::log1p(std::exp2(-10.0 / 30)) / std::log(20.0)).margin(0.01));
    CHECK(rescored.value(QStringLiteral("cadence_days")).toDouble() == Approx(7));
    CHECK(db.run(QStringLiteral("check"), {}).exitCode == 0);
}

TEST_CASE("settings refuses malformed assignments and unknown tags with 2, changing nothing",
          "[cli][settings]")
{
    CliDatabase db;
    db.addContact({QStringLiteral("--name"), QStringLiteral("Example B"), QStringLiteral("--tag"),
                   QStringLiteral("press"), QStringLiteral("--tag"), QStringLiteral("family")});
    const QList<std::pair<QStringList, QString>> refusals{
        {{QStringLiteral("--set"), QStringLiteral("half_life_days")},
         QStringLiteral("rapport settings: --set 'half_life_days': expected KEY=VALUE\n")},
        {{QStringLiteral("--set"), QStringLiteral("=30")},
         QStringLiteral("rapport settings: --set '=30': expected KEY=VALUE\n")},
        {{QStringLiteral("--tag-cadence"), QStringLiteral("press")},
         QStringLiteral("rapport settings: --tag-cadence 'press': expected TAG=DAYS\n")},
        {{QStringLiteral("--tag-cadence"), QStringLiteral("typo=5")},
         QStringLiteral("rapport settings: --tag-cadence: no tag 'typo'; tags: family, press\n")},
        {{QStringLiteral("--tag-cadence"), QStringLiteral("press=0.5")},
         QStringLiteral("rapport settings: --tag-cadence: tag 'press': cadence must be a number of days "
                        "from 1 to 3650\n")},
        // Nothing of a refused command is kept, not even the parts that were fine.
        {{QStringLiteral("--set"), QStringLiteral("half_life_days=30"), QStringLiteral("--tag-cadence"),
          QStringLiteral("typo=5")},
         QStringLiteral("rapport settings: --tag-cadence: no tag 'typo'; tags: family, press\n")},
        {{QStringLiteral("--tag-cadence"), QStringLiteral("press=7"), QStringLiteral("--set"),
          QStringLiteral("half_life_days=0")},
         QStringLiteral("rapport settings: --set: half_life_days must be a number of days from 1 to 3650\n")},
    };
    for (const auto& [arguments, message] : refusals) {
        INFO(arguments.join(QLatin1Char(' ')).toStdString());
        const Run refused = db.run(QStringLiteral("settings"), arguments);
        CHECK(refused.exitCode == 2);
        CHECK(refused.err == message);
        CHECK(refused.out.isEmpty());
    }
    const Run shown = db.run(QStringLiteral("settings"), {});
    CHECK(shown.out.contains(QStringLiteral("half_life_days = 90\n")));
    CHECK_FALSE(shown.out.contains(QStringLiteral("tag ")));
    CHECK(db.run(QStringLiteral("check"), {}).exitCode == 0);
}

TEST_CASE("settings without changes leaves the file as it was", "[cli][settings]")
{
    CliDatabase db;
    const QString b = db.addContact({QStringLiteral("--name"), QStringLiteral("Example B")});
    db.log(b, daysBefore(10), QStringLiteral("outbound"));
    REQUIRE(db.run(QStringLiteral("settings"), {QStringLiteral("--set"), QStringLiteral("half_life_days=45")})
                .exitCode == 0);
    const auto bytesOf = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    };
    // A connection of its own keeps the WAL in place, so that the file and its log can be compared.
    const std::unique_ptr<rapport::Database> watcher = require(rapport::Database::open(db.path()));
    const qint64 versionBefore = watcher->dataVersion();
    const QByteArray fileBefore = bytesOf(db.path());
    const QByteArray walBefore = bytesOf(db.path() + QStringLiteral("-wal"));

    const Run shown = db.run(QStringLiteral("settings"), {});
    CHECK(shown.exitCode == 0);
    CHECK(shown.out.contains(QStringLiteral("half_life_days = 45\n")));
    CHECK(watcher->dataVersion() == versionBefore);
    CHECK(bytesOf(db.path()) == fileBefore);
    CHECK(bytesOf(db.path() + QStringLiteral("-wal")) == walBefore);
}

TEST_CASE("Databases that cannot be used exit with 3 and stay untouched", "[cli][database]")
{
    CliDatabase db;
    QFile text(db.file(QStringLiteral("notes.txt")));
    REQUIRE(text.open(QIODevice::WriteOnly));
    text.write("name,email\nAda,ada@example.org\n");
    text.close();
    const Run notSqlite =
        runRapport({QStringLiteral("check"), QStringLiteral("--database"), text.fileName()});
    CHECK(notSqlite.exitCode == 3);
    CHECK(notSqlite.err.contains(QStringLiteral("is not a Rapport database: it is not an SQLite file")));
    REQUIRE(text.open(QIODevice::ReadOnly));
    CHECK(text.readAll() == QByteArray("name,email\nAda,ada@example.org\n"));

    const Run readOnly =
        runRapport({QStringLiteral("add-contact"), QStringLiteral("--name"), QStringLiteral("Ada"),
                    QStringLiteral("--database"), QStringLiteral("/proc/rapport-cli-test.sqlite3")});
    CHECK(readOnly.exitCode == 3);
    CHECK(readOnly.err.contains(QStringLiteral("/proc/rapport-cli-test.sqlite3")));
}

TEST_CASE("Commands that only read refuse a missing database instead of creating it", "[cli][database]")
{
    CliDatabase db;
    const QString missing = db.file(QStringLiteral("typo.sqlite3"));
    const QList<QStringList> readers{
        {QStringLiteral("score")},
        {QStringLiteral("score"), QStringLiteral("--json")},
        {QStringLiteral("check")},
        {QStringLiteral("settings")},
        {QStringLiteral("export"), QStringLiteral("contacts")},
        {QStringLiteral("duplicates")},
    };
    for (const QStringList& reader : readers) {
        INFO(reader.join(QLatin1Char(' ')).toStdString());
        const Run run = runRapport(reader + QStringList{QStringLiteral("--database"), missing});
        CHECK(run.exitCode == 3);
        CHECK(run.err.contains(QStringLiteral("no database at '%1'").arg(missing)));
        CHECK(run.out.isEmpty());
        CHECK_FALSE(QFileInfo::exists(missing));
    }

    // Changing a setting is a write: it may create the file, like add-contact.
    const Run set = runRapport({QStringLiteral("settings"), QStringLiteral("--set"),
                                QStringLiteral("half_life_days=60"), QStringLiteral("--database"), missing});
    CHECK(set.exitCode == 0);
    CHECK(QFileInfo::exists(missing));
    CHECK(runRapport({QStringLiteral("check"), QStringLiteral("--database"), missing}).exitCode == 0);
}

TEST_CASE("demo then check reports a consistent database", "[cli][demo]")
{
    CliDatabase db;
    const Run demo = db.run(QStringLiteral("demo"), {QStringLiteral("--contacts"), QStringLiteral("300"),
                                                     QStringLiteral("--interactions"), QStringLiteral("6000"),
                                                     QStringLiteral("--seed"), QStringLiteral("3")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    CHECK(demo.out.contains(QStringLiteral("created 300 contacts, 6000 interactions")));
    const Run check = db.run(QStringLiteral("check"), {});
    CHECK(check.exitCode == 0);
    CHECK(check.out.contains(QStringLiteral("consistent:")));
    const Run again = db.run(QStringLiteral("demo"), {QStringLiteral("--contacts"), QStringLiteral("10")});
    CHECK(again.exitCode == 2);
    // A refused option value is bad input, as in every other command.
    const Run negative = db.run(QStringLiteral("demo"), {QStringLiteral("--contacts"), QStringLiteral("-5")});
    CHECK(negative.exitCode == 2);
}

TEST_CASE("The desktop app starts on a new file and refuses one it cannot open, naming it", "[cli][gui]")
{
    // The GUI runs without a display here; a refusal must exit rather than wait on its dialog.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    CliDatabase db;
    const Run started = runRapport({QStringLiteral("--database"), db.file(QStringLiteral("new.sqlite3")),
                                    QStringLiteral("--quit-after-first-paint")});
    CHECK(started.exitCode == 0);
    CHECK(started.out.contains(QStringLiteral("first paint after")));

    const QString noFolder = db.file(QStringLiteral("no-such-folder/people.sqlite3"));
    const Run missing =
        runRapport({QStringLiteral("--database"), noFolder, QStringLiteral("--quit-after-first-paint")});
    CHECK(missing.exitCode == 3);
    CHECK(missing.err.contains(QStringLiteral("no-such-folder")));

    const QString picture = db.file(QStringLiteral("picture.png"));
    QFile file(picture);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1a\n not a database at all", 31));
    file.close();
    const Run notSqlite =
        runRapport({QStringLiteral("--database"), picture, QStringLiteral("--quit-after-first-paint")});
    CHECK(notSqlite.exitCode == 3);
    CHECK(notSqlite.err.contains(QStringLiteral("picture.png")));
}
