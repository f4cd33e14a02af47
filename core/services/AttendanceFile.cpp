// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/services/AttendanceFile.h"

#include "core/services/EventLog.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <array>
#include <utility>

namespace rapport {

namespace {

// How far into the file the delimiter is guessed from: the header row is well within it.
constexpr qint64 sniffBytes = 64 * 1024;

// "User Email", "E-mail", "Name (Original Name)" → "useremail", "email", "name": exports spell the same
// header with spaces, dashes, case and Zoom's parenthesised notes.
QString headerKey(const QString& header)
{
    static const QRegularExpression notes(QStringLiteral("\\([^)]*\\)"));
    static const QRegularExpression notAlphanumeric(QStringLiteral("[^a-z0-9]"));
    return header.toLower().remove(notes).remove(notAlphanumeric);
}

// The headers that name a participant, most telling first: an email is one person, a name may be two.
const std::array<QStringList, 4> participantHeaders{
    QStringList{QStringLiteral("email"), QStringLiteral("emailaddress"), QStringLiteral("useremail"),
                QStringLiteral("attendeeemail"), QStringLiteral("memberemail"),
                QStringLiteral("participantemail"), QStringLiteral("mail")},
    QStringList{QStringLiteral("handle"), QStringLiteral("username"), QStringLiteral("login"),
                QStringLiteral("nickname"), QStringLiteral("nick"), QStringLiteral("screenname")},
    QStringList{QStringLiteral("participant"), QStringLiteral("attendee"), QStringLiteral("member"),
                QStringLiteral("contact"), QStringLiteral("person")},
    QStringList{QStringLiteral("name"), QStringLiteral("fullname"), QStringLiteral("displayname"),
                QStringLiteral("attendeename"), QStringLiteral("membername"),
                QStringLiteral("participantname")}};

const QStringList roleHeaders{QStringLiteral("role"),           QStringLiteral("participation"),
                              QStringLiteral("attendance"),     QStringLiteral("status"),
                              QStringLiteral("attendeestatus"), QStringLiteral("attended")};

// Words of exports and people for each role, as roleKey() writes them.
const QHash<QString, ParticipantRole>& roleWords()
{
    static const QHash<QString, ParticipantRole> words{
        {QStringLiteral("attended"), ParticipantRole::Attended},
        {QStringLiteral("attendee"), ParticipantRole::Attended},
        {QStringLiteral("attending"), ParticipantRole::Attended},
        {QStringLiteral("checkedin"), ParticipantRole::Attended},
        {QStringLiteral("present"), ParticipantRole::Attended},
        {QStringLiteral("participant"), ParticipantRole::Attended},
        {QStringLiteral("yes"), ParticipantRole::Attended},
        {QStringLiteral("spoke"), ParticipantRole::Spoke},
        {QStringLiteral("speaker"), ParticipantRole::Spoke},
        {QStringLiteral("presenter"), ParticipantRole::Spoke},
        {QStringLiteral("panelist"), ParticipantRole::Spoke},
        {QStringLiteral("panellist"), ParticipantRole::Spoke},
        {QStringLiteral("answered"), ParticipantRole::Answered},
        {QStringLiteral("respondent"), ParticipantRole::Answered},
        {QStringLiteral("responded"), ParticipantRole::Answered},
        {QStringLiteral("organized"), ParticipantRole::Organized},
        {QStringLiteral("organised"), ParticipantRole::Organized},
        {QStringLiteral("organizer"), ParticipantRole::Organized},
        {QStringLiteral("organiser"), ParticipantRole::Organized},
        {QStringLiteral("host"), ParticipantRole::Organized},
        {QStringLiteral("cohost"), ParticipantRole::Organized},
        {QStringLiteral("invitednoshow"), ParticipantRole::InvitedNoShow},
        {QStringLiteral("noshow"), ParticipantRole::InvitedNoShow},
        {QStringLiteral("absent"), ParticipantRole::InvitedNoShow},
        {QStringLiteral("notattending"), ParticipantRole::InvitedNoShow},
        {QStringLiteral("no"), ParticipantRole::InvitedNoShow}};
    return words;
}

QString roleKey(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s_-]"));
    return text.trimmed().toLower().remove(separators);
}

// How much taking part a role says: someone listed as a speaker and as an attendee spoke; someone listed
// as registered-but-absent and as checked in came.
int roleStrength(ParticipantRole role)
{
    switch (role) {
    case ParticipantRole::Organized:
        return 4;
    case ParticipantRole::Spoke:
        return 3;
    case ParticipantRole::Attended:
        return 2;
    case ParticipantRole::Answered:
        return 1;
    case ParticipantRole::InvitedNoShow:
        return 0;
    }
    return 0;
}

struct Columns
{
    QList<int> participant; // the order in which a row's participant is looked for
    int role = -1;
};

Columns columnsOf(const QStringList& header)
{
    Columns columns;
    for (const QStringList& names : participantHeaders) {
        for (qsizetype i = 0; i < header.size(); ++i) {
            if (names.contains(headerKey(header.at(i))) && !columns.participant.contains(int(i)))
                columns.participant << int(i);
        }
    }
    for (qsizetype i = 0; i < header.size() && columns.role < 0; ++i) {
        if (roleHeaders.contains(headerKey(header.at(i))) && !columns.participant.contains(int(i)))
            columns.role = int(i);
    }
    return columns;
}

// resolveParticipant() names its field "contact: …"; here the location names the column instead.
QString withoutField(const QString& message)
{
    const QString field = QStringLiteral("contact: ");
    return message.startsWith(field) ? message.mid(field.size()) : message;
}

} // namespace

std::optional<ParticipantRole> parseAttendanceRole(const QString& text)
{
    const auto found = roleWords().constFind(roleKey(text));
    if (found == roleWords().constEnd())
        return std::nullopt;
    return *found;
}

ParticipantRole strongerRole(ParticipantRole one, ParticipantRole other)
{
    return roleStrength(other) > roleStrength(one) ? other : one;
}

Result<Attendance> readAttendanceFile(Database& db, const QString& path, const AttendanceOptions& options)
{
    if (QFileInfo(path).isDir())
        return Error::badInput(QStringLiteral("%1: is a folder, not an attendance file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("%1: cannot open: %2").arg(path, file.errorString()));
    return readAttendance(db, file, path, options);
}

Result<Attendance> readAttendance(Database& db, QIODevice& device, const QString& sourceName,
                                  const AttendanceOptions& options)
{
    CsvReadOptions csv;
    csv.encoding = options.encoding;
    csv.delimiter = guessCsvDelimiter(device.peek(sniffBytes));
    CsvReader reader(device, sourceName, csv);

    const Result<bool> hasHeader = reader.next();
    if (!hasHeader)
        return hasHeader.error();
    if (!*hasHeader)
        return Error::badInput(
            QStringLiteral("%1: the file is empty; an attendance file starts with a header "
                           "row naming a participant column (Email, Handle, Name or "
                           "Participant)")
                .arg(sourceName));
    const QStringList header = reader.record().texts();
    const qint64 headerLine = reader.record().line();
    reader.setColumnNames(header);
    const Columns columns = columnsOf(header);
    if (columns.participant.isEmpty())
        return Error::badInput(QStringLiteral("%1: no participant column: the header row has '%2'; name one "
                                              "Email, Handle, Name or Participant")
                                   .arg(reader.location(headerLine), header.join(QStringLiteral("', '"))));

    Attendance attendance;
    for (const int column : columns.participant)
        attendance.participantColumns << header.at(column);
    if (columns.role >= 0)
        attendance.roleColumn = header.at(columns.role);

    QHash<qint64, qsizetype> indexOf; // contact → their entry in attendance.participants
    QStringList problems;
    for (;;) {
        const Result<bool> more = reader.next();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const CsvRecord& record = reader.record();
        ++attendance.rows;

        ParticipantRole role = options.defaultRole;
        bool roleKnown = true;
        if (columns.role >= 0) {
            const QString text = record.text(columns.role).trimmed();
            if (!text.isEmpty()) {
                const std::optional<ParticipantRole> parsed = parseAttendanceRole(text);
                roleKnown = parsed.has_value();
                if (parsed)
                    role = *parsed;
                else
                    problems << QStringLiteral("%1: unknown role '%2'; use attended, spoke, answered, "
                                               "organized or invited-no-show")
                                    .arg(reader.location(record.fieldLine(columns.role), columns.role), text);
            }
        }

        int column = -1;
        for (const int candidate : columns.participant) {
            if (!record.text(candidate).trimmed().isEmpty()) {
                column = candidate;
                break;
            }
        }
        if (column < 0) {
            problems << QStringLiteral("%1: no participant on this line")
                            .arg(reader.location(record.line(), columns.participant.constFirst()));
            continue;
        }
        const Result<qint64> contact = resolveParticipant(db, record.text(column));
        if (!contact) {
            if (contact.error().kind == ErrorKind::Database)
                return contact.error();
            problems << QStringLiteral("%1: %2").arg(reader.location(record.fieldLine(column), column),
                                                     withoutField(contact.error().message));
            continue;
        }
        if (!roleKnown)
            continue;
        if (const auto seen = indexOf.constFind(*contact); seen != indexOf.constEnd()) {
            ParticipantEntry& entry = attendance.participants[*seen];
            entry.role = strongerRole(entry.role, role);
            continue;
        }
        indexOf.insert(*contact, attendance.participants.size());
        attendance.participants << ParticipantEntry{*contact, role};
    }
    if (!problems.isEmpty())
        return Error::badInput(problems.join(QLatin1Char('\n')));
    if (attendance.rows == 0)
        return Error::badInput(
            QStringLiteral("%1: no participants: the file has a header row and nothing below it")
                .arg(sourceName));
    return attendance;
}

} // namespace rapport
