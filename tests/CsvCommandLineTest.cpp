// SPDX-License-Identifier: GPL-3.0-or-later
// `rapport export` and `rapport import`, exercised by running the real binary.
#include "tests/support/CliSupport.h"

#include <QDir>
#include <QFile>
#include <sys/stat.h>

using namespace rapport::test;

namespace {

QString sample(const char* name)
{
    return QStringLiteral(RAPPORT_SAMPLES_DIR "/") + QString::fromLatin1(name);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Runs `rapport import contacts FILE --database …` with `input` written to its standard input, a pipe.
Run importPiped(const CliDatabase& db, const QString& file, const QByteArray& input)
{
    QProcess process;
    process.start(QStringLiteral(RAPPORT_BINARY), {QStringLiteral("import"), QStringLiteral("contacts"), file,
                                                   QStringLiteral("--database"), db.path()});
    REQUIRE(process.waitForStarted());
    REQUIRE(process.write(input) == input.size());
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    Run run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// `count` contacts with long names: 3500 of them are more than one 256 KiB read.
QByteArray manyContacts(int count)
{
    QByteArray csv = "name,email\n";
    for (int i = 0; i < count; ++i) {
        const QByteArray number = QByteArray::number(i);
        csv += "\"Person " + number + " of a long list, with a name that fills the read buffer\",person" +
               number + "@example.org\n";
    }
    return csv;
}

Run ok(const Run& run)
{
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    return run;
}

// A database with contacts whose names and conversations have what CSV files get wrong.
void fill(const CliDatabase& db)
{
    db.addContact({QStringLiteral("--name"), QStringLiteral("José \"Pepe\" Álvarez, Jr."),
                   QStringLiteral("--email"), QStringLiteral("jose@example.org"), QStringLiteral("--tag"),
                   QStringLiteral("press"), QStringLiteral("--owner"), QStringLiteral("Sam"),
                   QStringLiteral("--organization"), QStringLiteral("Café, Ltd.\nSecond line")});
    db.addContact({QStringLiteral("--name"), QStringLiteral("=HYPERLINK(\"http://evil.example\")"),
                   QStringLiteral("--handle"), QStringLiteral("forum:mallory")});
    db.addContact({QStringLiteral("--name"), QStringLiteral("Zoë 🚀"), QStringLiteral("--email"),
                   QStringLiteral("zoe@example.org"), QStringLiteral("--owner"), QStringLiteral("Kim")});
    for (const auto& [contact, at, summary] :
         {std::tuple{"jose@example.org", "2024-03-01", "Coffee, \"as promised\""},
          std::tuple{"forum:mallory", "2024-03-02T10:00:00Z", "-1 on the plan"},
          std::tuple{"zoe@example.org", "2024-04-01", "Line one\nline two"}}) {
        ok(db.run(QStringLiteral("log"),
                  {QStringLiteral("--contact"), QString::fromUtf8(contact), QStringLiteral("--channel"),
                   QStringLiteral("meeting"), QStringLiteral("--direction"), QStringLiteral("mutual"),
                   QStringLiteral("--at"), QString::fromUtf8(at), QStringLiteral("--summary"),
                   QString::fromUtf8(summary)}));
    }
}

// The interaction and contact rows without ids and timestamps that differ between databases.
QStringList stable(const QString& csv, int dropFirst, bool dropTimes)
{
    QStringList rows;
    for (const QString& line : csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts)) {
        QString row = line.section(QLatin1Char(','), dropFirst);
        if (dropTimes)
            row = row.section(QLatin1Char(','), 0, -3);
        rows << row;
    }
    return rows;
}

} // namespace

TEST_CASE("--help lists import and export", "[cli][csv]")
{
    const Run help = runRapport({QStringLiteral("--help")});
    CHECK(help.out.contains(QStringLiteral("rapport import   contacts|interactions|notes FILE")));
    CHECK(help.out.contains(QStringLiteral("rapport export   contacts|interactions|notes|health|at-risk")));
    const Run exportHelp = runRapport({QStringLiteral("export"), QStringLiteral("--help")});
    CHECK(exportHelp.exitCode == 0);
    CHECK(exportHelp.out.contains(QStringLiteral("--bom")));
    const Run importHelp = runRapport({QStringLiteral("import"), QStringLiteral("--help")});
    CHECK(importHelp.exitCode == 0);
    CHECK(importHelp.out.contains(QStringLiteral("--dry-run")));
}

TEST_CASE("export writes RFC 4180 CSV to stdout, with a BOM only on request", "[cli][csv]")
{
    CliDatabase db;
    fill(db);
    const Run plain = ok(db.run(QStringLiteral("export"), {QStringLiteral("contacts")}));
    CHECK(plain.outBytes.startsWith("id,display_name,given_name,family_name,organization,title,owner,tags,"));
    CHECK(plain.outBytes.count("\r\n") ==
          4); // header and 3 rows; the line break inside a value is kept as is
    CHECK(plain.outBytes.contains(",\"José \"\"Pepe\"\" Álvarez, Jr.\",José,\"\"\"Pepe\"\" Álvarez, Jr.\","
                                  "\"Café, Ltd.\nSecond line\",,Sam,press,"));
    const Run bom =
        ok(db.run(QStringLiteral("export"), {QStringLiteral("contacts"), QStringLiteral("--bom")}));
    CHECK(bom.outBytes == "\xEF\xBB\xBF" + plain.outBytes);
}

TEST_CASE("export neutralizes formulas in text cells but not in numbers", "[cli][csv][security]")
{
    CliDatabase db;
    fill(db);
    const Run contacts = ok(db.run(QStringLiteral("export"), {QStringLiteral("contacts")}));
    CHECK(contacts.out.contains(QStringLiteral("\n2,\"'=HYPERLINK(\"\"http://evil.example\"\")\",")));
    const Run log = ok(db.run(QStringLiteral("export"), {QStringLiteral("interactions")}));
    CHECK(log.out.contains(QStringLiteral(",meeting,mutual,'-1 on the plan,,")));
    const Run health = ok(db.run(QStringLiteral("export"), {QStringLiteral("health")}));
    CHECK(health.out.contains(QStringLiteral(",At risk,")));
    CHECK_FALSE(health.out.contains(QStringLiteral(",'-"))); // Δ30 and Δ90 may be negative numbers
}

TEST_CASE("export --output replaces the file only with a complete report", "[cli][csv]")
{
    CliDatabase db;
    fill(db);
    const QString path = db.file(QStringLiteral("report.csv"));
    writeFile(path, "previous report\r\n");
    const Run refused =
        db.run(QStringLiteral("export"), {QStringLiteral("health"), QStringLiteral("--output"), path,
                                          QStringLiteral("--owner"), QStringLiteral("Nobody")});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("rapport export: owner: no team member named 'Nobody'")));
    CHECK(readFile(path) == "previous report\r\n");

    const Run written =
        ok(db.run(QStringLiteral("export"),
                  {QStringLiteral("interactions"), QStringLiteral("--output"), path,
                   QStringLiteral("--owner"), QStringLiteral("sam"), QStringLiteral("--since"),
                   QStringLiteral("2024-01-01"), QStringLiteral("--until"), QStringLiteral("2024-03-01")}));
    CHECK(written.out == QStringLiteral("exported interactions to %1 (1 row)\n").arg(path));
    const QByteArray report = readFile(path);
    CHECK(
        report.startsWith("id,contact_id,contact_name,contact_key,occurred_at,channel,direction,summary,body,"
                          "logged_by\r\n"));
    CHECK(report.contains("2024-03-01T00:00:00Z,meeting,mutual,\"Coffee, \"\"as promised\"\"\""));
    CHECK(QDir(db.file(QString())).entryList({QStringLiteral("report.csv*")}, QDir::Files).size() == 1);
}

TEST_CASE("export and import usage errors exit with 1, refused option values with 2", "[cli][csv]")
{
    CliDatabase db;
    const Run noReport = db.run(QStringLiteral("export"), {});
    CHECK(noReport.exitCode == 1);
    CHECK(noReport.err.contains(QStringLiteral("missing REPORT")));
    const Run unknown = db.run(QStringLiteral("export"), {QStringLiteral("everything")});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains(QStringLiteral("unknown report 'everything'")));
    const Run extra = db.run(QStringLiteral("export"), {QStringLiteral("notes"), QStringLiteral("more")});
    CHECK(extra.exitCode == 1);
    CHECK(extra.err.contains(QStringLiteral("unexpected argument 'more'")));
    const Run badDate = db.run(QStringLiteral("export"), {QStringLiteral("notes"), QStringLiteral("--since"),
                                                          QStringLiteral("last week")});
    CHECK(badDate.exitCode == 2);
    CHECK(badDate.err.contains(QStringLiteral("--since: 'last week' is not an ISO 8601 date")));
    const Run noSuchDay =
        db.run(QStringLiteral("export"),
               {QStringLiteral("notes"), QStringLiteral("--since"), QStringLiteral("2026-02-30")});
    CHECK(noSuchDay.exitCode == 2);
    CHECK(noSuchDay.err.contains(
        QStringLiteral("--since: '2026-02-30' does not exist: February 2026 has 28 days")));
    const Run backwards =
        db.run(QStringLiteral("export"),
               {QStringLiteral("notes"), QStringLiteral("--since"), QStringLiteral("2026-12-01"),
                QStringLiteral("--until"), QStringLiteral("2026-11-01")});
    CHECK(backwards.exitCode == 2);
    CHECK(backwards.err.contains(
        QStringLiteral("rapport export: --since 2026-12-01 is after --until 2026-11-01\n")));
    const Run sameMoment =
        db.run(QStringLiteral("export"),
               {QStringLiteral("notes"), QStringLiteral("--since"), QStringLiteral("2026-11-01T10:00"),
                QStringLiteral("--until"), QStringLiteral("2026-11-01T10:00")});
    CHECK(sameMoment.exitCode == 2);
    CHECK(sameMoment.err.contains(
        QStringLiteral("--since 2026-11-01T10:00 is not before --until 2026-11-01T10:00")));
    // One day is a period: --until DATE includes that day.
    db.addContact({QStringLiteral("--name"), QStringLiteral("Ada")});
    const Run oneDay =
        db.run(QStringLiteral("export"),
               {QStringLiteral("notes"), QStringLiteral("--since"), QStringLiteral("2026-11-01"),
                QStringLiteral("--until"), QStringLiteral("2026-11-01")});
    CHECK(oneDay.exitCode == 0);

    const Run noFile = db.run(QStringLiteral("import"), {QStringLiteral("contacts")});
    CHECK(noFile.exitCode == 1);
    CHECK(noFile.err.contains(QStringLiteral("missing FILE")));
    const Run what = db.run(QStringLiteral("import"), {QStringLiteral("people"), QStringLiteral("x.csv")});
    CHECK(what.exitCode == 1);
    const Run format =
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), sample("outlook-contacts.csv"),
                                          QStringLiteral("--format"), QStringLiteral("excel")});
    CHECK(format.exitCode == 2); // a refused value, not a malformed command
    CHECK(format.err.contains(QStringLiteral(
        "--format 'excel': expected auto, rapport, linkedin, google, thunderbird, roundcube, outlook")));
    const Run encoding =
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), sample("outlook-contacts.csv"),
                                          QStringLiteral("--encoding"), QStringLiteral("ebcdic")});
    CHECK(encoding.exitCode == 2);
    CHECK(encoding.err.contains(QStringLiteral("--encoding 'ebcdic': expected utf-8 or latin-1")));
}

TEST_CASE("import reads the known formats and re-importing creates nothing", "[cli][csv]")
{
    CliDatabase db;
    const Run linkedIn = ok(
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), sample("linkedin-connections.csv")}));
    CHECK(linkedIn.out ==
          QStringLiteral("columns not imported: Connected On\n"
                         "imported contacts (LinkedIn Connections): 4 created, 0 unchanged, 0 updated, "
                         "0 skipped\n"));
    const Run again = ok(
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), sample("linkedin-connections.csv")}));
    CHECK(again.out.contains(QStringLiteral("0 created, 4 unchanged")));
    for (const char* file : {"google-contacts.csv", "google-contacts-legacy.csv", "outlook-contacts.csv"})
        ok(db.run(QStringLiteral("import"), {QStringLiteral("contacts"), sample(file)}));
    const Run dry =
        ok(db.run(QStringLiteral("import"),
                  {QStringLiteral("contacts"), sample("outlook-contacts.csv"), QStringLiteral("--dry-run"),
                   QStringLiteral("--format"), QStringLiteral("outlook")}));
    CHECK(dry.out.startsWith(QStringLiteral("columns not imported: Title, Suffix, Nickname, ")));
    CHECK(dry.out.endsWith(
        QStringLiteral("\ndry run, nothing written: contacts (Outlook): 0 created, 3 unchanged, 0 updated, "
                       "0 skipped\n")));
    const Run thunderbird = ok(db.run(QStringLiteral("import"),
                                      {QStringLiteral("contacts"), sample("thunderbird-addressbook.csv")}));
    CHECK(thunderbird.out.contains(
        QStringLiteral("columns not imported: Nickname, Screen Name, Fax Number, ")));
    CHECK(thunderbird.out.contains(
        QStringLiteral("imported contacts (Thunderbird address book): 0 created, 1 unchanged, 2 updated")));
    // Thunderbird's people are Outlook's and Google's, found by their emails.
    CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       10 ")));
}

TEST_CASE("import --dry-run reports what would change and writes nothing", "[cli][csv]")
{
    CliDatabase db;
    const Run dry =
        ok(db.run(QStringLiteral("import"),
                  {QStringLiteral("contacts"), sample("google-contacts.csv"), QStringLiteral("--dry-run")}));
    CHECK(
        dry.out.contains(QStringLiteral("dry run, nothing written: contacts (Google Contacts): 4 created")));
    CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       0")));
}

TEST_CASE("import refuses bad input with exit 2, names file, line and column, and writes nothing",
          "[cli][csv][errors]")
{
    CliDatabase db;
    fill(db);
    const QString before = ok(db.run(QStringLiteral("export"), {QStringLiteral("interactions")})).out;
    const QString path = db.file(QStringLiteral("log.csv"));
    QByteArray rows = "contact_key,occurred_at,channel,direction,summary\r\n";
    for (int i = 0; i < 212; ++i)
        rows +=
            "jose@example.org,2024-05-01T10:" + QByteArray::number(10 + i % 50) + ":00Z,chat,inbound,ok\r\n";
    rows += "jose@example.org,2024-05-02,chat,inbound,fine\r\nzoe@example.org,2024-05-02,carrier "
            "pigeon,inbound,x\r\n";
    writeFile(path, rows);
    const Run refused = db.run(QStringLiteral("import"), {QStringLiteral("interactions"), path});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(
        QStringLiteral("rapport import: %1: line 215, column 'channel': 'carrier pigeon' is not a channel")
            .arg(path)));
    CHECK(refused.err.contains(QStringLiteral("nothing imported (1 problem)")));
    CHECK(refused.out.isEmpty());
    CHECK(ok(db.run(QStringLiteral("export"), {QStringLiteral("interactions")})).out == before);

    writeFile(
        path,
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,L,,ada@,,,1 Jan 2024\n");
    const Run email = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(email.exitCode == 2);
    CHECK(email.err.contains(
        QStringLiteral("%1: line 2, column 'Email Address': not an email address: 'ada@'").arg(path)));

    writeFile(path, "display_name,emails,handles,cadence_days,archived\nBob,bob@,,abc,maybe\n");
    const Run everyProblem = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(everyProblem.exitCode == 2);
    CHECK(everyProblem.err ==
          QStringLiteral("rapport import: %1: line 2, column 'emails': not an email address: 'bob@'\n"
                         "rapport import: %1: line 2, column 'cadence_days': 'abc': must be a number of "
                         "days from 1 to 3650\n"
                         "rapport import: %1: line 2, column 'archived': 'maybe' is not 0 or 1\n"
                         "rapport import: %1: nothing imported (3 problems)\n")
              .arg(path));

    const Run missing =
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), db.file(QStringLiteral("nope.csv"))});
    CHECK(missing.exitCode == 2);
    CHECK(missing.err.contains(QStringLiteral("nope.csv: cannot open")));

    writeFile(path, QByteArray("PK\x03\x04\x14\x00", 6));
    const Run workbook = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(workbook.exitCode == 2);
    CHECK(workbook.err.contains(
        QStringLiteral("line 1: not a CSV file: this is a ZIP archive, for instance an Excel "
                       "workbook (.xlsx)")));

    writeFile(path, "display_name,emails,handles\nJos\xE9,,\n");
    const Run latin1 = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(latin1.exitCode == 2);
    CHECK(latin1.err.contains(QStringLiteral("line 2, column 'display_name': not valid UTF-8 (byte 0xe9")));
    const Run decoded =
        ok(db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path, QStringLiteral("--encoding"),
                                             QStringLiteral("latin-1")}));
    CHECK(decoded.out.contains(QStringLiteral("1 created")));
}

TEST_CASE("import refuses a stray quote inside a quoted value with exit 2 and writes nothing",
          "[cli][csv][errors]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("stray.csv"));
    // Read as text up to the next quote, the stray quote would merge the three rows into one contact.
    writeFile(path, "name,email\n\"Jo \"JJ\" Smith,jo@example.org\nAlice Jones,alice@example.org\n"
                    "\"Carol King\",carol@example.org\n");
    const QString expected =
        QStringLiteral(
            "rapport import: %1: line 2, column 'name': a quote (\") inside a quoted value must be "
            "doubled (\"\") or end the value (the quote at character 5 of the line)\n")
            .arg(path);
    for (const QStringList& options : {QStringList{}, QStringList{QStringLiteral("--dry-run")}}) {
        const Run refused =
            db.run(QStringLiteral("import"), QStringList{QStringLiteral("contacts"), path} + options);
        CHECK(refused.exitCode == 2);
        CHECK(refused.err == expected);
        CHECK(refused.out.isEmpty());
    }
    // Rows before the stray quote are not written either.
    writeFile(path, "name,email\nAlice Jones,alice@example.org\n\"Bob\",bob@example.org\n"
                    "\"Carol \"CK\" King\",carol@example.org\n");
    const Run later = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path});
    CHECK(later.exitCode == 2);
    CHECK(later.err.contains(QStringLiteral("%1: line 4, column 'name': a quote").arg(path)));
    CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       0 ")));
}

TEST_CASE("import reads standard input as - or /dev/stdin when it is a pipe", "[cli][csv][stream]")
{
    const QByteArray csv = manyContacts(3500);
    REQUIRE(csv.size() > 256 * 1024);
    for (const QString& file : {QStringLiteral("-"), QStringLiteral("/dev/stdin")}) {
        INFO(file.toStdString());
        CliDatabase db;
        const Run imported = ok(importPiped(db, file, csv));
        CHECK(imported.out.endsWith(
            QStringLiteral("imported contacts (columns guessed from their names): 3500 created, 0 unchanged, "
                           "0 updated, 0 skipped\n")));
        CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       3500 ")));
    }

    CliDatabase db;
    const Run stray = importPiped(db, QStringLiteral("-"), "name,email\n\"Jo \"JJ\" Smith,jo@example.org\n");
    CHECK(stray.exitCode == 2);
    CHECK(stray.err.startsWith(
        QStringLiteral("rapport import: standard input: line 2, column 'name': a quote (\")")));
    const Run empty = importPiped(db, QStringLiteral("-"), QByteArray());
    CHECK(empty.exitCode == 2);
    CHECK(empty.err == QStringLiteral("rapport import: standard input: the file is empty\n"));
    const Run problems = importPiped(db, QStringLiteral("/dev/stdin"), "name,email\nBob,bob@\n");
    CHECK(problems.exitCode == 2);
    CHECK(problems.err.contains(QStringLiteral("rapport import: /dev/stdin: line 2, column 'email'")));
    CHECK(
        problems.err.endsWith(QStringLiteral("rapport import: /dev/stdin: nothing imported (1 problem)\n")));
    const Run dash = importPiped(db, QStringLiteral("-"), "name,email\nBob,bob@\n");
    CHECK(
        dash.err.endsWith(QStringLiteral("rapport import: standard input: nothing imported (1 problem)\n")));
    CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       0 ")));
}

TEST_CASE("import reads a FIFO once, without waiting for a second writer", "[cli][csv][stream]")
{
    CliDatabase db;
    const QString csvPath = db.file(QStringLiteral("people.csv"));
    writeFile(csvPath, manyContacts(1000));
    const QString fifo = db.file(QStringLiteral("people.fifo"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    for (const QStringList& options : {QStringList{QStringLiteral("--dry-run")}, QStringList{}}) {
        // The writer opens the FIFO once: an import that opened it a second time would wait forever.
        QProcess writer;
        writer.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"), QStringLiteral("cat \"$0\" > \"$1\""), csvPath, fifo});
        REQUIRE(writer.waitForStarted());
        QProcess importer;
        const Run imported = ok(runRapport(importer,
                                           QStringList{QStringLiteral("import"), QStringLiteral("contacts"),
                                                       fifo, QStringLiteral("--database"), db.path()} +
                                               options,
                                           30000));
        CHECK(imported.out.contains(QStringLiteral("1000 created")));
        REQUIRE(writer.waitForFinished(30000));
        CHECK(writer.exitCode() == 0);
    }
    CHECK(ok(db.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("contacts:       1000 ")));
}

TEST_CASE("import refuses a folder or a device as its file with exit 2", "[cli][csv][stream]")
{
    CliDatabase db;
    const Run folder = db.run(QStringLiteral("import"), {QStringLiteral("contacts"), db.file(QString())});
    CHECK(folder.exitCode == 2);
    CHECK(folder.err.endsWith(QStringLiteral(": is a folder, not a CSV file\n")));
    const Run device =
        db.run(QStringLiteral("import"), {QStringLiteral("contacts"), QStringLiteral("/dev/null")});
    CHECK(device.exitCode == 2);
    CHECK(device.err == QStringLiteral("rapport import: /dev/null: is a device, not a CSV file\n"));
    QProcess fromDevice;
    fromDevice.setStandardInputFile(QStringLiteral("/dev/null"));
    const Run standardInput =
        runRapport(fromDevice, {QStringLiteral("import"), QStringLiteral("contacts"), QStringLiteral("-"),
                                QStringLiteral("--database"), db.path()});
    CHECK(standardInput.exitCode == 2);
    CHECK(standardInput.err ==
          QStringLiteral("rapport import: standard input: is a device, not a CSV file\n"));
}

TEST_CASE("import maps an ordinary header by its column names and says how", "[cli][csv]")
{
    CliDatabase db;
    const QString path = db.file(QStringLiteral("people.csv"));
    writeFile(path, "name,email\nAda Lovelace,ada@example.org\nBob,bob@example.org\n");
    const Run imported = ok(db.run(QStringLiteral("import"), {QStringLiteral("contacts"), path}));
    CHECK(imported.out == QStringLiteral("columns: name → display name, email → email\n"
                                         "imported contacts (columns guessed from their names): 2 created, 0 "
                                         "unchanged, 0 updated, 0 skipped\n"));

    const Run refused = db.run(QStringLiteral("import"), {QStringLiteral("interactions"), path});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err.contains(QStringLiteral("%1: line 1: not a known interactions file: the first row is "
                                              "'name,email'.")
                                   .arg(path)));
    CHECK(refused.err.contains(QStringLiteral("but no column gives the date and time")));
    CHECK_FALSE(refused.err.contains(QStringLiteral("by hand")));
}

TEST_CASE("import into a database that cannot be used exits with 3", "[cli][csv][database]")
{
    CliDatabase db;
    const QString notSqlite = db.file(QStringLiteral("notes.txt"));
    writeFile(notSqlite, "just text\n");
    const Run refused = runRapport({QStringLiteral("import"), QStringLiteral("contacts"),
                                    sample("outlook-contacts.csv"), QStringLiteral("--database"), notSqlite});
    CHECK(refused.exitCode == 3);
    CHECK(readFile(notSqlite) == "just text\n");
}

TEST_CASE("export then import through the command line loses nothing", "[cli][csv][roundtrip]")
{
    CliDatabase source;
    fill(source);
    for (const char* kind : {"contacts", "interactions", "notes"}) {
        ok(source.run(QStringLiteral("export"),
                      {QString::fromLatin1(kind), QStringLiteral("--bom"), QStringLiteral("--output"),
                       source.file(QString::fromLatin1(kind) + QStringLiteral(".csv"))}));
    }
    CliDatabase target;
    for (const char* kind : {"contacts", "interactions", "notes"}) {
        const Run imported = ok(target.run(
            QStringLiteral("import"),
            {QString::fromLatin1(kind), source.file(QString::fromLatin1(kind) + QStringLiteral(".csv"))}));
        CHECK(imported.out.contains(QStringLiteral("(Rapport export)")));
    }
    const QString sourceContacts = ok(source.run(QStringLiteral("export"), {QStringLiteral("contacts")})).out;
    const QString targetContacts = ok(target.run(QStringLiteral("export"), {QStringLiteral("contacts")})).out;
    CHECK(stable(targetContacts, 0, true) == stable(sourceContacts, 0, true));
    CHECK(stable(ok(target.run(QStringLiteral("export"), {QStringLiteral("interactions")})).out, 1, false) ==
          stable(ok(source.run(QStringLiteral("export"), {QStringLiteral("interactions")})).out, 1, false));
    CHECK(ok(target.run(QStringLiteral("check"), {})).out.contains(QStringLiteral("consistent:")));
    const Run again =
        ok(target.run(QStringLiteral("import"),
                      {QStringLiteral("interactions"), source.file(QStringLiteral("interactions.csv"))}));
    CHECK(again.out.contains(QStringLiteral("0 created, 3 unchanged")));
}
