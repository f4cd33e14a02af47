// SPDX-License-Identifier: GPL-3.0-or-later
// The follow-ups' iCalendar file: folded at 75 octets without splitting a character, TEXT escaped, one
// all-day event per follow-up with a stable UID.
#include "core/reports/FollowUpCalendar.h"

#include "tests/support/TestSupport.h"

#include <QDateTime>

using namespace rapport;

TEST_CASE("The calendar folds long lines between characters and escapes text", "[ics]")
{
    ListedFollowUp listed;
    listed.followUp.id = 12;
    listed.followUp.kind = FollowUpKind::TheirCommitment;
    listed.followUp.text = QStringLiteral("Правка перевода, обещанная к релизу; проверить\nвторую главу");
    listed.followUp.dueAt = QDateTime(QDate(2026, 7, 1), QTime(0, 0)).toSecsSinceEpoch();
    listed.followUp.createdAt = test::testNow;
    listed.contactName = QStringLiteral("Ирина Петрова");
    listed.ownerName = QStringLiteral("Ada");
    const QByteArray calendar = followUpCalendar({listed});

    for (const QByteArray& line : calendar.split('\n')) {
        CHECK(line.size() <= 76);                        // 75 octets and the CR
        CHECK(QString::fromUtf8(line).toUtf8() == line); // never cut inside a character
    }
    QByteArray unfolded = calendar;
    unfolded.replace("\r\n ", "");
    const QString text = QString::fromUtf8(unfolded);
    CHECK(text.contains(QStringLiteral("SUMMARY:Ирина Петрова: Правка перевода\\, обещанная к релизу\\; "
                                       "проверить\\nвторую главу\r\n")));
    CHECK(text.contains(QStringLiteral("UID:rapport-follow-up-12\r\n")));
    CHECK(text.contains(QStringLiteral("DTSTART;VALUE=DATE:20260701\r\n")));
    CHECK(text.contains(QStringLiteral("CATEGORIES:Their promise\r\n")));
    CHECK(text.contains(QStringLiteral("DESCRIPTION:Their promise with Ирина Петрова. Owner: Ada.")));
    CHECK(text.contains(QStringLiteral("DTSTAMP:20260601T000000Z\r\n")));
    CHECK(text.count(QStringLiteral("BEGIN:VEVENT")) == 1);
}

TEST_CASE("No open follow-ups is an empty calendar, still valid", "[ics]")
{
    const QByteArray calendar = followUpCalendar({});
    CHECK(calendar.startsWith("BEGIN:VCALENDAR\r\n"));
    CHECK(calendar.endsWith("END:VCALENDAR\r\n"));
    CHECK_FALSE(calendar.contains("VEVENT"));
}
