// SPDX-License-Identifier: GPL-3.0-or-later
// Attendance files: the CSV an event platform exports (Meetup, Eventbrite, Zoom) or a spreadsheet someone
// kept, read into an event's participants. The header row names a participant column and, optionally, a
// role column; every participant is resolved as resolveParticipant() does. A file with any unknown person
// or bad role gives all its problems, each naming the file, line and column, and no participants, so that
// an event is never logged with part of its people.
#pragma once

#include "core/csv/CsvReader.h"
#include "core/model/Event.h"
#include "core/storage/Database.h"

#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport {

struct AttendanceOptions
{
    // The role of rows with no role column or an empty role.
    ParticipantRole defaultRole = ParticipantRole::Attended;
    CsvEncoding encoding = CsvEncoding::Utf8;
};

struct Attendance
{
    QList<ParticipantEntry> participants; // in the order of the file, each contact once
    // The header's participant columns, the one tried first first (e.g. "Email", then "Name"); a row whose
    // first is empty names its participant in the next.
    QStringList participantColumns;
    QString roleColumn; // empty when the file has none
    int rows = 0;       // rows below the header; more than participants when someone is listed twice
};

// Reads the attendance file at `path`.
Result<Attendance> readAttendanceFile(Database& db, const QString& path,
                                      const AttendanceOptions& options = {});
// Reads an attendance file from `device`, which must be open; `sourceName` (usually the file path) starts
// every error.
Result<Attendance> readAttendance(Database& db, QIODevice& device, const QString& sourceName,
                                  const AttendanceOptions& options = {});

// A role as attendance files and people write it: the role keys ("invited-no-show"), and the words of
// exports, "host" and "organizer" for organized, "speaker" and "presenter" for spoke, "no-show" and
// "absent" for invited-no-show, "yes"/"no" of an "Attended" column; none for an empty or unknown text.
std::optional<ParticipantRole> parseAttendanceRole(const QString& text);

// Of two roles one person is listed in, the one the event keeps: organized, then spoke, attended,
// answered, invited-no-show.
ParticipantRole strongerRole(ParticipantRole one, ParticipantRole other);

} // namespace rapport
