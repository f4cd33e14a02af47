// SPDX-License-Identifier: GPL-3.0-or-later
// Attendance files: the participant and role columns of real exports, the CSV spreadsheets write, and all
// of a file's problems reported with nothing returned.
#include "core/services/AttendanceFile.h"

#include "core/storage/ContactRepository.h"
#include "tests/support/CsvSupport.h"
#include "tests/support/TestSupport.h"

#include <QTemporaryDir>

using namespace rapport;
using namespace rapport::test;

namespace {

struct People
{
    TempDatabase database;
    qint64 ada = 0;
    qint64 bob = 0;
    qint64 cy = 0;

    People()
    {
        ada = add(QStringLiteral("Ada Lovelace"), MethodKind::Email, QStringLiteral("ada@example.org"));
        bob = add(QStringLiteral("Bob Stone"), MethodKind::Forum, QStringLiteral("bobs"));
        cy = add(QStringLiteral("Cy Young"), MethodKind::Email, QStringLiteral("cy@example.org"));
    }

    qint64 add(const QString& name, MethodKind kind, const QString& value)
    {
        Contact contact;
        contact.displayName = name;
        contact.methods << ContactMethod{0, kind, value, QString()};
        return require(ContactRepository(database.db()).create(contact));
    }

    Result<Attendance> read(const QByteArray& bytes, const AttendanceOptions& options = {})
    {
        const QString path = writeFile(database.folder(), QStringLiteral("attendance.csv"), bytes);
        return readAttendanceFile(database.db(), path, options);
    }

    QString path() const { return database.folder() + QStringLiteral("/attendance.csv"); }
};

QList<std::pair<qint64, ParticipantRole>> pairs(const Attendance& attendance)
{
    QList<std::pair<qint64, ParticipantRole>> result;
    for (const ParticipantEntry& entry : attendance.participants)
        result << std::pair{entry.contactId, entry.role};
    return result;
}

QString errorOf(const Result<Attendance>& result)
{
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::BadInput);
    return result.error().message;
}

} // namespace

TEST_CASE("An attendance file names participants by email, handle or name, with optional roles", "[events]")
{
    People people;

    SECTION("a plain file: one column, the default role")
    {
        const Attendance read = require(people.read("participant\nada@example.org\n@bobs\nCy Young\n"));
        CHECK(pairs(read) ==
              QList<std::pair<qint64, ParticipantRole>>{{people.ada, ParticipantRole::Attended},
                                                        {people.bob, ParticipantRole::Attended},
                                                        {people.cy, ParticipantRole::Attended}});
        CHECK(read.participantColumns == QStringList{QStringLiteral("participant")});
        CHECK(read.roleColumn.isEmpty());
        CHECK(read.rows == 3);

        AttendanceOptions answered;
        answered.defaultRole = ParticipantRole::Answered;
        const Attendance survey = require(people.read("Email\nada@example.org\n", answered));
        CHECK(survey.participants.constFirst().role == ParticipantRole::Answered);
    }

    SECTION("roles as exports write them; an empty one is the default")
    {
        const Attendance read =
            require(people.read("Name,Role\nAda Lovelace,Host\nBob Stone,speaker\nCy Young,\n"));
        CHECK(pairs(read) ==
              QList<std::pair<qint64, ParticipantRole>>{{people.ada, ParticipantRole::Organized},
                                                        {people.bob, ParticipantRole::Spoke},
                                                        {people.cy, ParticipantRole::Attended}});
        CHECK(read.roleColumn == QStringLiteral("Role"));
        CHECK(parseAttendanceRole(QStringLiteral("no-show")) == ParticipantRole::InvitedNoShow);
        CHECK(parseAttendanceRole(QStringLiteral("Invited, did not show")) == std::nullopt);
        CHECK(parseAttendanceRole(QStringLiteral("invited_no_show")) == ParticipantRole::InvitedNoShow);
        CHECK(parseAttendanceRole(QStringLiteral(" Answered ")) == ParticipantRole::Answered);
        CHECK(parseAttendanceRole(QString()) == std::nullopt);
    }

    SECTION("Zoom's export: 'Name (Original Name)' and 'User Email', the email tried first")
    {
        const Attendance read = require(people.read("Name (Original Name),User Email,Join Time,Duration "
                                                    "(Minutes)\nAda L.,ada@example.org,10:00,55\nBob Stone,,"
                                                    "10:02,40\n"));
        CHECK(read.participantColumns ==
              QStringList{QStringLiteral("User Email"), QStringLiteral("Name (Original Name)")});
        CHECK(pairs(read) ==
              QList<std::pair<qint64, ParticipantRole>>{{people.ada, ParticipantRole::Attended},
                                                        {people.bob, ParticipantRole::Attended}});
    }

    SECTION("Zoom's webinar report: an 'Attended' column of Yes and No")
    {
        const Attendance read = require(people.read("Attended,User Name,Email\nYes,Ada,ada@example.org\nNo,"
                                                    "Cy,cy@example.org\n"));
        CHECK(read.roleColumn == QStringLiteral("Attended"));
        CHECK(pairs(read) ==
              QList<std::pair<qint64, ParticipantRole>>{{people.ada, ParticipantRole::Attended},
                                                        {people.cy, ParticipantRole::InvitedNoShow}});
    }

    SECTION("a person listed twice is one participant in the stronger role")
    {
        const Attendance read = require(people.read("email,role\nada@example.org,no-show\nAda "
                                                    "Lovelace,attended\nada@example.org,answered\ncy@example."
                                                    "org,spoke\nCY@example.org,organized\n"));
        CHECK(read.rows == 5);
        CHECK(pairs(read) ==
              QList<std::pair<qint64, ParticipantRole>>{{people.ada, ParticipantRole::Attended},
                                                        {people.cy, ParticipantRole::Organized}});
        CHECK(strongerRole(ParticipantRole::Answered, ParticipantRole::InvitedNoShow) ==
              ParticipantRole::Answered);
        CHECK(strongerRole(ParticipantRole::Spoke, ParticipantRole::Organized) == ParticipantRole::Organized);
    }
}

TEST_CASE("Attendance files are read as spreadsheets write CSV", "[events]")
{
    People people;
    const QList<std::pair<qint64, ParticipantRole>> expected{{people.ada, ParticipantRole::Spoke},
                                                             {people.bob, ParticipantRole::Attended}};

    SECTION("a byte-order mark, semicolons and CRLF (Excel in a decimal-comma language)")
    {
        const Attendance read = require(
            people.read("\xEF\xBB\xBF"
                        "E-mail;Name;Role\r\nada@example.org;Ada Lovelace;Speaker\r\n;Bob Stone;\r\n"));
        CHECK(read.participantColumns == QStringList{QStringLiteral("E-mail"), QStringLiteral("Name")});
        CHECK(pairs(read) == expected);
    }

    SECTION("quoted fields with delimiters, quotes and line breaks inside")
    {
        const Attendance read =
            require(people.read("\"Name\",\"Notes\",\"Role\"\n\"Ada Lovelace\",\"said "
                                "\"\"hi\"\", then, left\",\"spoke\"\n\"Bob Stone\",\"two\n"
                                "lines\",\"\"\n"));
        CHECK(pairs(read) == expected);
    }

    SECTION("tabs, and a comma inside a name that a semicolon file does not split on")
    {
        CHECK(pairs(require(people.read("Email\tRole\nada@example.org\tspoke\n@bobs\t\n"))) == expected);
        CHECK(guessCsvDelimiter("name;notes\n\"Ada, Lovelace\";x\n") == ';');
        CHECK(guessCsvDelimiter("name,\"a;b;c\"\n") == ',');
        CHECK(guessCsvDelimiter("email\n") == ',');
    }
}

TEST_CASE("An attendance file's problems are all named by file, line and column, and nothing is read",
          "[events]")
{
    People people;

    SECTION("unknown people and bad roles, every one of them")
    {
        const QString error =
            errorOf(people.read("Email,Role\nada@example.org,attended\nzed@example.org,"
                                "spoke\nbob@example.org,\ncy@example.org,keynote\n,host\n"));
        const QString file = people.path();
        CHECK(error.contains(QStringLiteral("%1: line 3, column 'Email': no contact").arg(file)));
        CHECK(error.contains(QStringLiteral("zed@example.org")));
        CHECK(error.contains(QStringLiteral("%1: line 4, column 'Email': no contact").arg(file)));
        CHECK(error.contains(QStringLiteral("%1: line 5, column 'Role': unknown role 'keynote'").arg(file)));
        CHECK(error.contains(
            QStringLiteral("%1: line 6, column 'Email': no participant on this line").arg(file)));
        CHECK(error.split(QLatin1Char('\n')).size() == 4);
        CHECK_FALSE(error.contains(QStringLiteral("line 2")));
    }

    SECTION("a name two contacts share asks for something unique")
    {
        people.add(QStringLiteral("Ada Lovelace"), MethodKind::Email, QStringLiteral("ada2@example.org"));
        const QString error = errorOf(people.read("Name\nAda Lovelace\n"));
        CHECK(error.contains(QStringLiteral("line 2, column 'Name': 'Ada Lovelace' matches more than one")));
    }

    SECTION("a quoted line break moves the line numbers of the rows after it")
    {
        const QString error =
            errorOf(people.read("Notes,Email\n\"one\ntwo\",ada@example.org\nx,nobody@example.org\n"));
        CHECK(error.contains(QStringLiteral("line 4, column 'Email'")));
    }

    SECTION("no participant column")
    {
        const QString error = errorOf(people.read("Ticket,Paid\n1,yes\n"));
        CHECK(error.contains(QStringLiteral("%1: line 1: no participant column").arg(people.path())));
        CHECK(error.contains(QStringLiteral("'Ticket', 'Paid'")));
    }

    SECTION("an empty file, and a header with nothing below it")
    {
        CHECK(errorOf(people.read(QByteArray())).contains(QStringLiteral("the file is empty")));
        CHECK(errorOf(people.read("\xEF\xBB\xBF\r\n")).contains(QStringLiteral("the file is empty")));
        CHECK(errorOf(people.read("Email,Role\n")).contains(QStringLiteral("no participants")));
    }

    SECTION("a binary file, UTF-16 text, a folder and a missing file")
    {
        const QByteArray zip("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
        CHECK(errorOf(people.read(zip)).contains(QStringLiteral("not a CSV file")));
        CHECK(errorOf(people.read(QByteArray("\xFF\xFE"
                                             "E\0m\0a\0i\0l\0",
                                             12)))
                  .contains(QStringLiteral("UTF-16")));
        const Result<Attendance> folder = readAttendanceFile(people.database.db(), people.database.folder());
        CHECK(errorOf(folder).contains(QStringLiteral("is a folder")));
        const Result<Attendance> missing =
            readAttendanceFile(people.database.db(), people.database.folder() + QStringLiteral("/none.csv"));
        CHECK(errorOf(missing).contains(QStringLiteral("cannot open")));
    }

    SECTION("Latin-1 text when asked for")
    {
        people.add(QStringLiteral("José Álvarez"), MethodKind::Email, QStringLiteral("jose@example.org"));
        CHECK(errorOf(people.read("Name\nJos\xE9 \xC1lvarez\n")).contains(QStringLiteral("not valid UTF-8")));
        AttendanceOptions latin1;
        latin1.encoding = CsvEncoding::Latin1;
        CHECK(require(people.read("Name\nJos\xE9 \xC1lvarez\n", latin1)).participants.size() == 1);
    }
}
