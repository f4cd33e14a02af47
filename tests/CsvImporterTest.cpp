// SPDX-License-Identifier: GPL-3.0-or-later
// CsvImporter: round trips of Rapport's own export, all-or-nothing writes with problems that name file,
// line and column, dry runs, idempotent re-imports, and scores kept in step with an imported log.
#include "core/import/CsvImporter.h"

#include "core/demo/DemoGenerator.h"
#include "core/scoring/LogReplay.h"
#include "core/scoring/ScoringEngine.h"
#include "core/services/ConsistencyCheck.h"
#include "core/services/ConversationLog.h"
#include "core/storage/ContactRepository.h"
#include "core/storage/SearchIndex.h"
#include "core/storage/TeamMemberRepository.h"
#include "core/storage/TrustNoteRepository.h"
#include "tests/support/CsvSupport.h"

#include <QFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace rapport;
using namespace rapport::test;

namespace {

// Contacts, conversations and notes whose text has everything a CSV file can get wrong.
void fillTrickyCommunity(Database& db)
{
    ScoringEngine engine = require(ScoringEngine::open(db));
    const qint64 sam = require(TeamMemberRepository(db).ensure(QStringLiteral("Sam Øster")));
    auto add = [&db](Contact contact) {
        return require(ContactRepository(db).create(contact));
    };
    Contact ada;
    ada.displayName = QStringLiteral("Ada \"Countess\" Lovelace, FRS");
    ada.givenName = QStringLiteral("Ada");
    ada.familyName = QStringLiteral("Lovelace");
    ada.organization = QStringLiteral("Analytical Engines,\nLondon");
    ada.title = QStringLiteral("=1+1");
    ada.ownerId = sam;
    ada.cadenceDays = 14.5;
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}}
                << ContactMethod{0, MethodKind::Phone, QStringLiteral("+44 20 7946 0001"), {}}
                << ContactMethod{0, MethodKind::X, QStringLiteral("@ada"), {}}
                << ContactMethod{0, MethodKind::Website, QStringLiteral("https://ada.example/"), {}};
    ada.tags = {QStringLiteral("press"), QStringLiteral("Café crème")};
    const qint64 adaId = add(ada);
    Contact zoe;
    zoe.displayName = QStringLiteral("Zoë 🚀 Ng");
    zoe.methods << ContactMethod{0, MethodKind::Forum, QStringLiteral("zoe_ng"), {}};
    const qint64 zoeId = add(zoe);
    Contact plain;
    plain.displayName = QStringLiteral("Nameless Handle-free");
    plain.archived = true;
    add(plain);

    ConversationLog log(db, engine);
    const QStringList summaries{QStringLiteral("Talked about \"roadmap\", then pricing"),
                                QStringLiteral("-1 on the proposal"), QStringLiteral("@everyone ping"),
                                QStringLiteral("Multi\nline\r\nsummary"),
                                QStringLiteral("Émojis 🎉 and 漢字")};
    for (int i = 0; i < 10; ++i) {
        Interaction interaction;
        interaction.contactId = i % 3 == 2 ? zoeId : adaId;
        interaction.occurredAt = testNow - (3 + 11 * i) * daySeconds - i * 3600;
        interaction.channel = allChannels[static_cast<size_t>(i % channelCount)];
        interaction.direction = static_cast<Direction>(i % directionCount);
        interaction.summary = summaries[i % summaries.size()];
        interaction.body = i == 0 ? QStringLiteral("\tIndented body, with \"quotes\"\n") : QString();
        interaction.loggedBy = i % 2 ? std::optional<qint64>(sam) : std::nullopt;
        require(log.log(interaction));
    }
    TrustNote note;
    note.contactId = adaId;
    note.createdAt = testNow - 2 * daySeconds;
    note.authorId = sam;
    note.kind = TrustKind::SharedValue;
    note.trustLevel = 5;
    note.text = QStringLiteral("Cares about \"open\" data,\nlike us; +1");
    require(TrustNoteRepository(db).insert(note));
    note.contactId = zoeId;
    note.authorId.reset();
    note.kind = TrustKind::Boundary;
    note.trustLevel.reset();
    note.text = QStringLiteral("=no calls");
    require(TrustNoteRepository(db).insert(note));
}

// The exported rows without the columns that legitimately differ between databases.
QList<QStringList> comparable(const QList<QStringList>& rows, const QStringList& dropped)
{
    QList<int> drop;
    for (const QString& name : dropped)
        drop << static_cast<int>(rows[0].indexOf(name));
    QList<QStringList> kept;
    for (const QStringList& row : rows) {
        QStringList cells;
        for (int i = 0; i < row.size(); ++i) {
            if (!drop.contains(i))
                cells << row[i];
        }
        kept << cells;
    }
    return kept;
}

ImportReport import(Database& db, const QString& path, ImportTarget target, bool dryRun = false,
                    const QString& format = QStringLiteral("auto"))
{
    ImportOptions options;
    options.target = target;
    options.format = format;
    return require(CsvImporter(db, path, options).run(dryRun));
}

// Everything an import could change, to show that a refused import changed nothing.
QString fingerprint(TempDatabase& database)
{
    return require(
               database.db().scalar(QStringLiteral(
                   "SELECT (SELECT count(*) || '/' || coalesce(max(id), 0) FROM contacts) || ' '"
                   " || (SELECT count(*) FROM contact_methods) || ' ' || (SELECT count(*) FROM contact_tags)"
                   " || ' ' || (SELECT count(*) || '/' || coalesce(max(id), 0) FROM interactions) || ' '"
                   " || (SELECT count(*) FROM trust_notes) || ' ' || (SELECT count(*) FROM team_members)"
                   " || ' ' || (SELECT count(*) || '/' || coalesce(sum(n_interactions), 0)"
                   "            FROM relationship_state)")))
        .toString();
}

void requireConsistent(Database& db)
{
    const ConsistencyReport report = require(ConsistencyCheck(db).run());
    INFO(report.problems.join(QLatin1Char('\n')).toStdString());
    REQUIRE(report.consistent());
}

} // namespace

TEST_CASE("Export then import into a new database loses nothing", "[import][roundtrip]")
{
    PinnedClock clock;
    TempDatabase source;
    fillTrickyCommunity(source.db());
    QTemporaryDir dir;
    const QString contacts = writeFile(dir.path(), QStringLiteral("contacts.csv"),
                                       exportReport(source.db(), ReportKind::Contacts));
    const QString interactions = writeFile(dir.path(), QStringLiteral("interactions.csv"),
                                           exportReport(source.db(), ReportKind::Interactions));
    const QString notes =
        writeFile(dir.path(), QStringLiteral("notes.csv"), exportReport(source.db(), ReportKind::Notes));

    TempDatabase target;
    CHECK(import(target.db(), contacts, ImportTarget::Contacts).summary() ==
          QStringLiteral("3 created, 0 unchanged, 0 updated, 0 skipped"));
    const ImportReport log = import(target.db(), interactions, ImportTarget::Interactions);
    CHECK(log.summary() == QStringLiteral("10 created, 0 unchanged, 0 updated, 0 skipped"));
    CHECK(log.format == QStringLiteral("Rapport export"));
    CHECK(import(target.db(), notes, ImportTarget::Notes).created == 2);

    const QStringList volatileContactColumns{QStringLiteral("created_at"), QStringLiteral("updated_at")};
    CHECK(comparable(parseCsv(exportReport(target.db(), ReportKind::Contacts)), volatileContactColumns) ==
          comparable(parseCsv(exportReport(source.db(), ReportKind::Contacts)), volatileContactColumns));
    const QStringList ids{QStringLiteral("id")};
    CHECK(comparable(parseCsv(exportReport(target.db(), ReportKind::Interactions)), ids) ==
          comparable(parseCsv(exportReport(source.db(), ReportKind::Interactions)), ids));
    CHECK(comparable(parseCsv(exportReport(target.db(), ReportKind::Notes)), ids) ==
          comparable(parseCsv(exportReport(source.db(), ReportKind::Notes)), ids));
    CHECK(exportReport(target.db(), ReportKind::Health) == exportReport(source.db(), ReportKind::Health));
    // The text itself, not its neutralized cell, is what was stored.
    const Contact ada = require(ContactRepository(target.db()).get(1));
    CHECK(ada.displayName == QStringLiteral("Ada \"Countess\" Lovelace, FRS"));
    CHECK(ada.title == QStringLiteral("=1+1"));
    CHECK(ada.organization == QStringLiteral("Analytical Engines,\nLondon"));
    CHECK(require(target.db().scalar(QStringLiteral("SELECT body FROM interactions WHERE body <> ''")))
              .toString() == QStringLiteral("\tIndented body, with \"quotes\"\n"));
    requireConsistent(target.db());
    CHECK(require(SearchIndex(target.db()).findInteractions(QStringLiteral("roadmap"))).size() == 2);
    CHECK(require(SearchIndex(target.db()).findNotes(QStringLiteral("open"))).size() == 1);

    // Importing the same files again changes nothing.
    CHECK(import(target.db(), contacts, ImportTarget::Contacts).summary() ==
          QStringLiteral("0 created, 3 unchanged, 0 updated, 0 skipped"));
    CHECK(import(target.db(), interactions, ImportTarget::Interactions).summary() ==
          QStringLiteral("0 created, 10 unchanged, 0 updated, 0 skipped"));
    CHECK(import(target.db(), notes, ImportTarget::Notes).summary() ==
          QStringLiteral("0 created, 2 unchanged, 0 updated, 0 skipped"));
    requireConsistent(target.db());
}

TEST_CASE("A dry run reports exactly what the import would do and writes nothing", "[import]")
{
    PinnedClock clock;
    TempDatabase source;
    fillTrickyCommunity(source.db());
    QTemporaryDir dir;
    const QString contacts = writeFile(dir.path(), QStringLiteral("contacts.csv"),
                                       exportReport(source.db(), ReportKind::Contacts));
    const QString interactions = writeFile(dir.path(), QStringLiteral("interactions.csv"),
                                           exportReport(source.db(), ReportKind::Interactions));
    TempDatabase target;
    const QString empty = fingerprint(target);
    const ImportReport dry = import(target.db(), contacts, ImportTarget::Contacts, true);
    CHECK(dry.dryRun);
    CHECK_FALSE(dry.written);
    CHECK(dry.summary() == QStringLiteral("3 created, 0 unchanged, 0 updated, 0 skipped"));
    CHECK(fingerprint(target) == empty);
    const ImportReport real = import(target.db(), contacts, ImportTarget::Contacts);
    CHECK(real.written);
    CHECK(real.summary() == dry.summary());
    CHECK(real.touchedContacts == QList<qint64>{1, 2, 3});

    const QString before = fingerprint(target);
    CHECK(import(target.db(), interactions, ImportTarget::Interactions, true).created == 10);
    CHECK(fingerprint(target) == before);
    requireConsistent(target.db());
}

TEST_CASE("Each bad input is refused with file, line and column, and the database is unchanged",
          "[import][errors]")
{
    PinnedClock clock;
    TempDatabase database;
    Contact ada;
    ada.displayName = QStringLiteral("Ada");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    require(ContactRepository(database.db()).create(ada));
    const QString before = fingerprint(database);
    QTemporaryDir dir;

    struct Case
    {
        const char* name;
        ImportTarget target;
        QByteArray content;
        QString message; // after "<path>: "
    };
    const QByteArray logHeader = "contact_key,occurred_at,channel,direction,summary\n";
    const QByteArray goodRows = "ada@example.org,2026-05-01,email,outbound,fine\n"
                                "ada@example.org,2026-05-02T10:00:00Z,call,mutual,also fine\n";
    QByteArray manyGoodRows = "display_name,emails,handles\n";
    for (int i = 0; i < 500; ++i)
        manyGoodRows += "Person " + QByteArray::number(i) + ",p" + QByteArray::number(i) + "@example.org,\n";
    const std::vector<Case> cases{
        {"bad-email.csv", ImportTarget::Contacts,
         "Notes:\n\"LinkedIn preamble\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected "
         "On\n"
         "Ada,L,,ada@example.org,,,01 Jan 2024\nBob,M,,not-an-email,,,01 Jan 2024\n",
         QStringLiteral("line 6, column 'Email Address': not an email address: 'not-an-email'")},
        {"last-row.csv", ImportTarget::Contacts, manyGoodRows + "Broken,broken@,\n",
         QStringLiteral("line 502, column 'emails': not an email address: 'broken@'")},
        {"bad-handle.csv", ImportTarget::Contacts, "display_name,emails,handles\nZed,,myspace:zed\n",
         QStringLiteral("line 2, column 'handles': 'myspace:zed' is not service:handle")},
        {"bad-cadence.csv", ImportTarget::Contacts, "display_name,emails,handles,cadence_days\nZed,,,soon\n",
         QStringLiteral("line 2, column 'cadence_days': 'soon': must be a number of days from 1 to 3650")},
        {"unknown-contact.csv", ImportTarget::Interactions,
         logHeader + goodRows + "nobody@example.org,2026-05-03,email,inbound,who?\n",
         QStringLiteral(
             "line 4, column 'contact_key': no contact with id, email or handle 'nobody@example.org'")},
        {"bad-date.csv", ImportTarget::Interactions,
         logHeader + goodRows + "ada@example.org,03/05/2026,email,inbound,x\n",
         QStringLiteral("line 4, column 'occurred_at': '03/05/2026' is not an ISO 8601 date")},
        {"future.csv", ImportTarget::Interactions, logHeader + "ada@example.org,2027-01-01,email,inbound,x\n",
         QStringLiteral("line 2, column 'occurred_at': 2027-01-01T00:00:00Z is in the future")},
        {"bad-channel.csv", ImportTarget::Interactions,
         logHeader + "ada@example.org,2026-05-01,pigeon,inbound,x\n",
         QStringLiteral("line 2, column 'channel': 'pigeon' is not a channel; expected one of email, call")},
        {"bad-direction.csv", ImportTarget::Interactions,
         logHeader + "ada@example.org,2026-05-01,email,sideways,x\n",
         QStringLiteral("line 2, column 'direction': 'sideways' is not a direction")},
        {"bad-level.csv", ImportTarget::Notes,
         "contact_id,created_at,author,kind,trust_level,text\n1,2026-05-01,,concern,9,hmm\n",
         QStringLiteral("line 2, column 'trust_level': 9 is out of range; use 1 (low) to 5 (high)")},
        {"bad-kind.csv", ImportTarget::Notes,
         "contact_id,created_at,author,kind,trust_level,text\n1,2026-05-01,,gossip,,hmm\n",
         QStringLiteral("line 2, column 'kind': 'gossip' is not a kind of note")},
        {"unknown-id.csv", ImportTarget::Notes,
         "contact_id,created_at,author,kind,trust_level,text\n42,2026-05-01,,concern,,hmm\n",
         QStringLiteral("line 2, column 'contact_id': no contact with id 42")},
        {"ragged.csv", ImportTarget::Interactions,
         logHeader + "ada@example.org,2026-05-01,email,inbound,a,b,c\n",
         QStringLiteral("line 2: 7 values but the header has 5 columns (is a value with a comma missing its "
                        "quotes?)")},
        {"unterminated.csv", ImportTarget::Interactions,
         logHeader + goodRows + "ada@example.org,2026-05-03,email,inbound,\"never closed\nada@example.org\n",
         QStringLiteral(
             "line 4, column 'summary': a quoted value never ends: its closing quote (\") is missing")},
        {"latin1.csv", ImportTarget::Contacts, "display_name,emails,handles\nJos\xE9,,\n",
         QStringLiteral("line 2, column 'display_name': not valid UTF-8 (byte 0xe9 after 'Jos')")},
        {"binary.csv", ImportTarget::Contacts, QByteArray("\x89PNG\r\n\x1A\n\x00\x00", 10),
         QStringLiteral("line 1: not a CSV file: this is a PNG image")},
        {"prose.csv", ImportTarget::Contacts, "Dear team,\nplease find attached the list.\n",
         QStringLiteral("line 1: not a known contacts file: the first row is 'Dear team,'")},
        {"empty.csv", ImportTarget::Contacts, "", QStringLiteral("the file is empty")},
        {"wrong-kind.csv", ImportTarget::Contacts, logHeader + goodRows,
         QStringLiteral("this is a Rapport interactions export, not contacts: import it as interactions")},
        {"no-contact-column.csv", ImportTarget::Interactions, "display_name,emails,handles\nAda,,\n",
         QStringLiteral("this is a Rapport contacts export, not interactions: import it as contacts")},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const QString path = writeFile(dir.path(), QString::fromLatin1(c.name), c.content);
        ImportOptions options;
        options.target = c.target;
        const Result<ImportReport> result = CsvImporter(database.db(), path, options).run(false);
        QString message;
        if (!result.ok()) {
            CHECK(result.error().kind == ErrorKind::BadInput);
            message = result.error().message;
        } else {
            CHECK_FALSE(result->written);
            CHECK(result->created + result->updated == 0);
            REQUIRE(result->errors.size() == 1);
            message = result->errors.constFirst();
        }
        INFO(message.toStdString());
        CHECK(message.startsWith(path + QStringLiteral(": ") + c.message));
        CHECK(fingerprint(database) == before);
    }
}

TEST_CASE("Every problem of a file is reported before anything is written", "[import][errors]")
{
    PinnedClock clock;
    TempDatabase database;
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("people.csv"),
                                   "display_name,emails,handles\nA,a@,\nB,b@example.org,\nC,c@,\nD,,nope\n");
    ImportOptions options;
    options.maxErrors = 2;
    const ImportReport report = require(CsvImporter(database.db(), path, options).validate());
    CHECK(report.errorCount == 3);
    CHECK(report.errors.size() == 2);
    CHECK(report.errors[0].contains(QStringLiteral("line 2, column 'emails'")));
    CHECK(report.errors[1].contains(QStringLiteral("line 4, column 'emails'")));
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM contacts")) == 0);
}

TEST_CASE("A row reports the problem of every bad value, in column order", "[import][errors]")
{
    PinnedClock clock;
    TempDatabase database;
    Contact ada;
    ada.displayName = QStringLiteral("Ada");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    require(ContactRepository(database.db()).create(ada));
    const QString before = fingerprint(database);
    QTemporaryDir dir;
    auto problems = [&](const char* name, ImportTarget target, const QByteArray& content) {
        const QString path = writeFile(dir.path(), QString::fromLatin1(name), content);
        ImportOptions options;
        options.target = target;
        const ImportReport report = require(CsvImporter(database.db(), path, options).run(false));
        CHECK_FALSE(report.written);
        CHECK(report.errorCount == report.errors.size());
        QStringList found;
        for (const QString& problem : report.errors) {
            REQUIRE(problem.startsWith(path + QStringLiteral(": ")));
            found << problem.mid(path.size() + 2);
        }
        return found;
    };

    CHECK(problems("people.csv", ImportTarget::Contacts,
                   "display_name,emails,handles,cadence_days,archived\n"
                   "Ada,ada@example.org,,14,0\n"
                   "Bob,bob@,,abc,\n"
                   "Cy,,bogus:zz,-5,maybe\n") ==
          QStringList{
              QStringLiteral("line 3, column 'emails': not an email address: 'bob@'"),
              QStringLiteral("line 3, column 'cadence_days': 'abc': must be a number of days from 1 to 3650"),
              QStringLiteral("line 4, column 'handles': 'bogus:zz' is not service:handle; services are ") +
                  methodKindNames().join(QStringLiteral(", ")),
              QStringLiteral("line 4, column 'cadence_days': '-5': must be a number of days from 1 to 3650"),
              QStringLiteral("line 4, column 'archived': 'maybe' is not 0 or 1"),
          });
    // Column order is the file's, not the order the fields are checked in.
    CHECK(
        problems("reordered.csv", ImportTarget::Contacts,
                 "cadence_days,display_name,emails,handles\nsoon,Bob,bob@,\n") ==
        QStringList{
            QStringLiteral("line 2, column 'cadence_days': 'soon': must be a number of days from 1 to 3650"),
            QStringLiteral("line 2, column 'emails': not an email address: 'bob@'"),
        });
    CHECK(
        problems("log.csv", ImportTarget::Interactions,
                 "contact_key,occurred_at,channel,direction,summary\n"
                 "nobody@example.org,03/05/2026,pigeon,sideways,x\n"
                 "ada@example.org,2027-01-01,email,inbound," +
                     QByteArray(2001, 'y') + "\n") ==
        QStringList{
            QStringLiteral("line 2, column 'contact_key': no contact with id, email or handle "
                           "'nobody@example.org'"),
            QStringLiteral("line 2, column 'occurred_at': '03/05/2026' is not an ISO 8601 date (YYYY-MM-DD) "
                           "or date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])"),
            QStringLiteral("line 2, column 'channel': 'pigeon' is not a channel; expected one of ") +
                channelNames().join(QStringLiteral(", ")),
            QStringLiteral("line 2, column 'direction': 'sideways' is not a direction; expected outbound, "
                           "inbound or mutual"),
            QStringLiteral("line 3, column 'occurred_at': 2027-01-01T00:00:00Z is in the future; log "
                           "conversations that have happened"),
            QStringLiteral("line 3, column 'summary': longer than 2000 characters; put details in the body"),
        });
    CHECK(problems("notes.csv", ImportTarget::Notes,
                   "contact_id,created_at,author,kind,trust_level,text\n"
                   "42,,,gossip,high,\n") ==
          QStringList{
              QStringLiteral("line 2, column 'contact_id': no contact with id 42"),
              QStringLiteral("line 2, column 'created_at': no date given"),
              QStringLiteral("line 2, column 'kind': 'gossip' is not a kind of note; expected one of ") +
                  trustKindNames().join(QStringLiteral(", ")),
              QStringLiteral(
                  "line 2, column 'trust_level': 'high' is not a trust level; use 1 (low) to 5 (high)"),
          });
    CHECK(fingerprint(database) == before);
}

TEST_CASE("Contacts are matched by normalized email or handle, completed, and never duplicated", "[import]")
{
    PinnedClock clock;
    TempDatabase database;
    Contact ada;
    ada.displayName = QStringLiteral("Ada Lovelace");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    const qint64 adaId = require(ContactRepository(database.db()).create(ada));
    Contact bob;
    bob.displayName = QStringLiteral("Bob");
    bob.methods << ContactMethod{0, MethodKind::GitHub, QStringLiteral("bobcodes"), {}};
    require(ContactRepository(database.db()).create(bob));
    QTemporaryDir dir;

    const QString update = writeFile(dir.path(), QStringLiteral("update.csv"),
                                     "display_name,organization,emails,handles,tags\n"
                                     "Ada Lovelace,Analytical Engines, ADA@Example.org ,x:@ada,speakers\n"
                                     "Ada again,,ada@example.org,,\n"
                                     "Carol,,carol@example.org,,\n"
                                     ",,,,\n");
    const ImportReport first = import(database.db(), update, ImportTarget::Contacts);
    CHECK(first.summary() == QStringLiteral("1 created, 0 unchanged, 1 updated, 1 skipped"));
    REQUIRE(first.skippedReasons.size() == 1);
    CHECK(first.skippedReasons[0] == update + QStringLiteral(": line 3: skipped: same person as line 2"));
    const Contact updated = require(ContactRepository(database.db()).get(adaId));
    CHECK(updated.organization == QStringLiteral("Analytical Engines"));
    CHECK(updated.methods.size() == 2);
    CHECK(updated.tags == QStringList{QStringLiteral("speakers")});
    CHECK(import(database.db(), update, ImportTarget::Contacts).summary() ==
          QStringLiteral("0 created, 2 unchanged, 0 updated, 1 skipped"));

    // A row whose email is Ada's and whose handle is Bob's cannot be imported.
    const QString clash = writeFile(dir.path(), QStringLiteral("clash.csv"),
                                    "display_name,emails,handles\nWho,ada@example.org,github:BobCodes\n");
    ImportOptions options;
    const ImportReport refused = require(CsvImporter(database.db(), clash, options).run(false));
    REQUIRE(refused.errors.size() == 1);
    CHECK(refused.errors[0] ==
          clash + QStringLiteral(": line 2, column 'handles': email ada@example.org belongs to "
                                 "contact 1 but github BobCodes to contact 2: merge them first, "
                                 "or correct this row"));

    // Without an email or handle, a row is the one contact with its name.
    const QString byName = writeFile(dir.path(), QStringLiteral("names.csv"),
                                     "display_name,emails,handles,title\nBob,,,Engineer\n");
    CHECK(import(database.db(), byName, ImportTarget::Contacts).summary() ==
          QStringLiteral("0 created, 0 unchanged, 1 updated, 0 skipped"));
    CHECK(import(database.db(), byName, ImportTarget::Contacts).summary() ==
          QStringLiteral("0 created, 1 unchanged, 0 updated, 0 skipped"));
}

TEST_CASE("Imported interactions keep every score in step with the log", "[import][scoring]")
{
    PinnedClock clock;
    TempDatabase database;
    ScoringEngine engine = require(ScoringEngine::open(database.db()));
    Contact ada;
    ada.displayName = QStringLiteral("Ada");
    ada.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("ada@example.org"), {}};
    const qint64 adaId = require(ContactRepository(database.db()).create(ada));
    Interaction recent;
    recent.contactId = adaId;
    recent.occurredAt = testNow - 5 * daySeconds;
    require(ConversationLog(database.db(), engine).log(recent));
    QTemporaryDir dir;
    // Older and newer than what is logged: the contact's state is rebuilt, not just appended to.
    const QString path = writeFile(dir.path(), QStringLiteral("log.csv"),
                                   "contact_id,occurred_at,channel,direction,summary,logged_by\n"
                                   "1,2026-03-01T09:00:00Z,meeting,mutual,Kick-off,Sam\n"
                                   "1,2026-05-31,chat,inbound,Quick question,\n"
                                   "1,2026-04-15 12:00,email,outbound,Follow-up,sam\n");
    CHECK(import(database.db(), path, ImportTarget::Interactions).created == 3);
    const RelationshipState stored = *require(engine.storedState(adaId));
    const RelationshipState replayed =
        require(LogReplay(database.db(), engine.settings()).contactState(adaId));
    CHECK(approximatelyEqual(stored, replayed));
    CHECK(stored.nInteractions == 4);
    CHECK(database.number(QStringLiteral("SELECT count(*) FROM team_members")) == 1);
    requireConsistent(database.db());
    CHECK(require(SearchIndex(database.db()).findInteractions(QStringLiteral("kick"))).size() == 1);
}

TEST_CASE("A large interactions import rebuilds every state in one pass and stays consistent",
          "[import][scoring][slow]")
{
    PinnedClock clock;
    TempDatabase source;
    DemoOptions options;
    options.contacts = 2500;
    options.interactions = 12000;
    options.endSeconds = testNow;
    require(DemoGenerator(source.db(), options).generate());
    QTemporaryDir dir;
    const QString contacts = writeFile(dir.path(), QStringLiteral("contacts.csv"),
                                       exportReport(source.db(), ReportKind::Contacts));
    const QString interactions = writeFile(dir.path(), QStringLiteral("interactions.csv"),
                                           exportReport(source.db(), ReportKind::Interactions));
    TempDatabase target;
    CHECK(import(target.db(), contacts, ImportTarget::Contacts).created == 2500);
    const ImportReport log = import(target.db(), interactions, ImportTarget::Interactions);
    CHECK(log.created == 12000);
    CHECK(log.touchedContacts.size() > 2000);
    requireConsistent(target.db());
    const QStringList ids{QStringLiteral("id")};
    CHECK(comparable(parseCsv(exportReport(target.db(), ReportKind::Interactions)), ids) ==
          comparable(parseCsv(exportReport(source.db(), ReportKind::Interactions)), ids));
}

TEST_CASE("Cancelling an import rolls everything back", "[import]")
{
    PinnedClock clock;
    TempDatabase source;
    DemoOptions options;
    options.contacts = 50;
    options.interactions = 20000;
    options.endSeconds = testNow;
    require(DemoGenerator(source.db(), options).generate());
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("interactions.csv"),
                                   exportReport(source.db(), ReportKind::Interactions));
    const QString before = fingerprint(source);
    ImportOptions importOptions;
    importOptions.target = ImportTarget::Interactions;
    // Let the checking pass finish, then cancel in the middle of the writing pass.
    const Result<ImportReport> cancelled =
        CsvImporter(source.db(), path, importOptions).run(false, [](qint64 done, qint64 total) {
            return done < total * 3 / 4;
        });
    REQUIRE_FALSE(cancelled.ok());
    CHECK(cancelled.error().kind == ErrorKind::Cancelled);
    CHECK(fingerprint(source) == before);
    requireConsistent(source.db());
}

TEST_CASE("preview() shows the format, the header and the first rows", "[import]")
{
    TempDatabase database;
    QTemporaryDir dir;
    const QString path =
        writeFile(dir.path(), QStringLiteral("people.csv"),
                  "\xEF\xBB\xBFName,E-mail,Company,Twitter\r\nAda,ada@example.org,AE,@ada\r\n"
                  "Bob,bob@example.org,,\r\nCarol,carol@example.org,,\r\n");
    ImportOptions options;
    // No known format: the guess from the column names covers a contact's required fields.
    const ImportPreview guessed = require(CsvImporter(database.db(), path, options).preview());
    CHECK(guessed.formatKey.isEmpty());
    CHECK(guessed.formatName == QStringLiteral("columns guessed from their names"));
    CHECK(guessed.rows.size() == 3);

    options.format = QStringLiteral("manual");
    const ImportPreview preview = require(CsvImporter(database.db(), path, options).preview(2));
    CHECK(preview.formatKey.isEmpty());
    CHECK(preview.header == QStringList{QStringLiteral("Name"), QStringLiteral("E-mail"),
                                        QStringLiteral("Company"), QStringLiteral("Twitter")});
    CHECK(preview.rows.size() == 2);
    CHECK(preview.rows[0][1] == QStringLiteral("ada@example.org"));
    // The guess: Name -> display name, E-mail -> email, Company -> organization, Twitter -> x handle.
    CHECK(preview.mapping.bindingOf(0)->field == ImportField::DisplayName);
    CHECK(preview.mapping.bindingOf(1)->field == ImportField::Email);
    CHECK(preview.mapping.bindingOf(2)->field == ImportField::Organization);
    CHECK(preview.mapping.bindingOf(3)->field == ImportField::Handle);
    CHECK(preview.mapping.bindingOf(3)->service == MethodKind::X);
    CHECK(guessed.mapping == preview.mapping);

    options.mapping = preview.mapping;
    const ImportReport imported = require(CsvImporter(database.db(), path, options).run(false));
    CHECK(imported.summary() == QStringLiteral("3 created, 0 unchanged, 0 updated, 0 skipped"));
    CHECK(require(ContactRepository(database.db()).resolve(QStringLiteral("x:ada"))) == 1);

    ColumnMapping nothing;
    options.mapping = nothing;
    const Result<ImportReport> unmapped = CsvImporter(database.db(), path, options).run(false);
    REQUIRE_FALSE(unmapped.ok());
    CHECK(unmapped.error().message ==
          path + QStringLiteral(": line 1: no column gives a name, an email or a handle"));
}

TEST_CASE("An unknown header is imported by the guess from its names, or refused naming what is missing",
          "[import]")
{
    TempDatabase database;
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("people.csv"),
                                   "name,email\nAda Lovelace,ada@example.org\nBob,bob@\n");
    ImportOptions options;
    const ImportReport checked = require(CsvImporter(database.db(), path, options).run(false));
    CHECK(checked.format == QStringLiteral("columns guessed from their names"));
    CHECK(checked.guessedColumns ==
          QStringList{QStringLiteral("name → display name"), QStringLiteral("email → email")});
    CHECK(checked.errors ==
          QStringList{path + QStringLiteral(": line 3, column 'email': not an email address: 'bob@'")});

    writeFile(dir.path(), QStringLiteral("people.csv"),
              "display_name,emails,cadence_days\nAda Lovelace,ada@example.org,14\nBob,bob@example.org,\n");
    const ImportReport imported = require(CsvImporter(database.db(), path, options).run(false));
    CHECK(imported.written);
    CHECK(imported.summary() == QStringLiteral("2 created, 0 unchanged, 0 updated, 0 skipped"));
    CHECK(require(ContactRepository(database.db()).get(1)).cadenceDays == 14);

    options.target = ImportTarget::Interactions;
    const Result<ImportReport> noDate = CsvImporter(database.db(), path, options).run(false);
    REQUIRE_FALSE(noDate.ok());
    CHECK(noDate.error().message.startsWith(
        path + QStringLiteral(": line 1: not a known interactions file: the first row is "
                              "'display_name,emails,cadence_days'.")));
    CHECK(noDate.error().message.endsWith(
        QStringLiteral(", or columns named after Rapport's fields, but no column names the contact (Contact "
                       "(id, email or handle) or Contact id)")));

    writeFile(dir.path(), QStringLiteral("people.csv"), "\"Nom, prénom\",Société\nAda,AE\n");
    options.target = ImportTarget::Contacts;
    const Result<ImportReport> unknown = CsvImporter(database.db(), path, options).run(false);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message.contains(QStringLiteral("the first row is '\"Nom, prénom\",Société'")));
    CHECK(
        unknown.error().message.endsWith(QStringLiteral("but no column gives a name, an email or a handle")));
}

TEST_CASE("The Latin-1 encoding imports an older Excel file", "[import]")
{
    TempDatabase database;
    QTemporaryDir dir;
    const QString path = writeFile(dir.path(), QStringLiteral("excel.csv"),
                                   "display_name,emails,handles\r\nJos\xE9 \xC1lvarez,,\r\n");
    ImportOptions options;
    options.csv.encoding = CsvEncoding::Latin1;
    CHECK(require(CsvImporter(database.db(), path, options).run(false)).created == 1);
    CHECK(require(ContactRepository(database.db()).get(1)).displayName == QStringLiteral("José Álvarez"));
}

TEST_CASE("A mapping corrected by hand replaces a detected format's, keeping its header row", "[import]")
{
    TempDatabase database;
    const QString path = QStringLiteral(RAPPORT_SAMPLES_DIR "/linkedin-connections.csv");
    ImportOptions options;
    const ImportPreview detected = require(CsvImporter(database.db(), path, options).preview());
    REQUIRE(detected.formatKey == QStringLiteral("linkedin"));
    const int company = static_cast<int>(detected.header.indexOf(QStringLiteral("Company")));
    const int position = static_cast<int>(detected.header.indexOf(QStringLiteral("Position")));
    ColumnMapping corrected = detected.mapping;
    corrected.unbind(company);
    corrected.bind(position, ImportField::Tags);

    options.format = detected.formatKey;
    options.mapping = corrected;
    const ImportPreview applied = require(CsvImporter(database.db(), path, options).preview());
    CHECK(applied.headerLine == detected.headerLine);
    CHECK(applied.mapping == corrected);
    CHECK(require(CsvImporter(database.db(), path, options).run(false)).created == 4);
    const Contact ada =
        require(ContactRepository(database.db())
                    .get(require(
                        ContactRepository(database.db()).resolve(QStringLiteral("ada@analytical.example")))));
    CHECK(ada.organization.isEmpty());
    CHECK(ada.tags == QStringList{QStringLiteral("Mathematician")});
}

TEST_CASE("A FIFO is read once for the header guess and both passes of a run", "[import][stream]")
{
    TempDatabase database;
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("people.fifo"));
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    // Opening a FIFO waits for its writer: a second opening by the import would never return.
    std::thread writer([&fifo] {
        QFile file(fifo);
        if (file.open(QIODevice::WriteOnly))
            file.write("name,email\nAda Lovelace,ada@example.org\nBob,bob@example.org\n");
    });
    const Result<ImportReport> run = CsvImporter(database.db(), fifo, ImportOptions()).run(false);
    // Had the import failed before opening the FIFO, a reader that gives up at once releases the writer.
    const int release = ::open(QFile::encodeName(fifo).constData(), O_RDONLY | O_NONBLOCK);
    writer.join();
    ::close(release);
    const ImportReport imported = require(run);
    CHECK(imported.format == QStringLiteral("columns guessed from their names"));
    CHECK(imported.summary() == QStringLiteral("2 created, 0 unchanged, 0 updated, 0 skipped"));
}

TEST_CASE("ImportInput refuses folders and devices and names a missing file", "[import][stream]")
{
    QTemporaryDir dir;
    CHECK(ImportInput::open(dir.path()).error().message ==
          dir.path() + QStringLiteral(": is a folder, not a CSV file"));
    CHECK(ImportInput::open(QStringLiteral("/dev/null")).error().message ==
          QStringLiteral("/dev/null: is a device, not a CSV file"));
    const QString missing = dir.filePath(QStringLiteral("nope.csv"));
    CHECK(ImportInput::open(missing).error().message.startsWith(missing + QStringLiteral(": cannot open: ")));
    CHECK(ImportInput::nameOf(QStringLiteral("-")) == QStringLiteral("standard input"));
}

TEST_CASE("A contact import warns about new contacts that look like ones already there",
          "[import][duplicates]")
{
    PinnedClock clock;
    TempDatabase target;
    Contact outlook;
    outlook.displayName = QStringLiteral("Grace Hopper");
    outlook.organization = QStringLiteral("US Navy");
    outlook.methods << ContactMethod{0, MethodKind::Email, QStringLiteral("grace@navy.example"), QString()};
    const qint64 existing = require(ContactRepository(target.db()).create(outlook));
    QTemporaryDir dir;
    // Without an email, the same name and organization is matched; a misspelt name is only similar.
    const QString file =
        writeFile(dir.path(), QStringLiteral("people.csv"),
                  "name,organization,email\nGrace Hoper,US Navy,\nAda Lovelace,Analytical Engines,\n"
                  "Grace Hopper,US Navy,\n");
    const ImportReport dry = import(target.db(), file, ImportTarget::Contacts, true);
    CHECK(dry.summary() == QStringLiteral("2 created, 1 unchanged, 0 updated, 0 skipped"));
    CHECK(dry.lookAlikeCount == 1);
    const ImportReport real = import(target.db(), file, ImportTarget::Contacts);
    CHECK(real.lookAlikeCount == 1);
    REQUIRE(real.lookAlikes.size() == 1);
    CHECK(real.lookAlikes.front() == QStringLiteral("new contact %1 Grace Hoper looks like contact %2 Grace "
                                                    "Hopper: similar names, both with US Navy")
                                         .arg(existing + 1)
                                         .arg(existing));
    // Importing again creates nothing, so nothing new looks like anything.
    CHECK(import(target.db(), file, ImportTarget::Contacts).lookAlikeCount == 0);
}
