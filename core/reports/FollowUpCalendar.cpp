// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/reports/FollowUpCalendar.h"

#include <QDateTime>

namespace rapport {

namespace {

constexpr qsizetype foldAt = 75; // octets per line, CRLF not counted

// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545, 3.3.11).
QString escaped(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\\') || c == QLatin1Char(';') || c == QLatin1Char(','))
            out += QLatin1Char('\\') + QString(c);
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else if (c != QLatin1Char('\r'))
            out += c;
    }
    return out;
}

// A content line folded into lines of at most 75 octets, each continuation starting with a space.
void appendLine(QByteArray& out, const QString& line)
{
    const QByteArray bytes = line.toUtf8();
    qsizetype start = 0;
    qsizetype limit = foldAt;
    while (bytes.size() - start > limit) {
        qsizetype end = start + limit;
        // Back off to the first byte of a UTF-8 sequence: continuation bytes are 10xxxxxx.
        while (end > start && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80)
            --end;
        out += bytes.mid(start, end - start);
        out += "\r\n ";
        start = end;
        limit = foldAt - 1; // the leading space counts
    }
    out += bytes.mid(start);
    out += "\r\n";
}

QString utcStamp(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QString kindLabel(FollowUpKind kind)
{
    switch (kind) {
    case FollowUpKind::OurCommitment:
        return QStringLiteral("Our promise");
    case FollowUpKind::TheirCommitment:
        return QStringLiteral("Their promise");
    case FollowUpKind::ReachOut:
        break;
    }
    return QStringLiteral("Reach out");
}

} // namespace

QByteArray followUpCalendar(const QList<ListedFollowUp>& followUps)
{
    QByteArray out;
    appendLine(out, QStringLiteral("BEGIN:VCALENDAR"));
    appendLine(out, QStringLiteral("VERSION:2.0"));
    appendLine(out, QStringLiteral("PRODID:-//Rapport//Follow-ups//EN"));
    appendLine(out, QStringLiteral("CALSCALE:GREGORIAN"));
    appendLine(out, QStringLiteral("X-WR-CALNAME:Rapport follow-ups"));
    for (const ListedFollowUp& listed : followUps) {
        const FollowUp& followUp = listed.followUp;
        // The day as Rapport shows it: the due moment's local date, an all-day event on it.
        const QDate due = QDateTime::fromSecsSinceEpoch(followUp.dueAt).date();
        QString description = QStringLiteral("%1 with %2.").arg(kindLabel(followUp.kind), listed.contactName);
        if (!listed.ownerName.isEmpty())
            description += QStringLiteral(" Owner: %1.").arg(listed.ownerName);
        description +=
            QStringLiteral(" Close it in Rapport (Today, or rapport follow-up done %1).").arg(followUp.id);
        appendLine(out, QStringLiteral("BEGIN:VEVENT"));
        appendLine(out, QStringLiteral("UID:rapport-follow-up-%1").arg(followUp.id));
        appendLine(out, QStringLiteral("DTSTAMP:%1").arg(utcStamp(followUp.createdAt)));
        appendLine(out,
                   QStringLiteral("DTSTART;VALUE=DATE:%1").arg(due.toString(QStringLiteral("yyyyMMdd"))));
        appendLine(
            out,
            QStringLiteral("DTEND;VALUE=DATE:%1").arg(due.addDays(1).toString(QStringLiteral("yyyyMMdd"))));
        appendLine(out, QStringLiteral("SUMMARY:%1")
                            .arg(escaped(QStringLiteral("%1: %2").arg(listed.contactName, followUp.text))));
        appendLine(out, QStringLiteral("DESCRIPTION:%1").arg(escaped(description)));
        appendLine(out, QStringLiteral("CATEGORIES:%1").arg(escaped(kindLabel(followUp.kind))));
        appendLine(out, QStringLiteral("TRANSP:TRANSPARENT"));
        appendLine(out, QStringLiteral("BEGIN:VALARM"));
        appendLine(out, QStringLiteral("ACTION:DISPLAY"));
        appendLine(out, QStringLiteral("DESCRIPTION:%1")
                            .arg(escaped(listed.contactName + QStringLiteral(": ") + followUp.text)));
        appendLine(out, QStringLiteral("TRIGGER:PT9H")); // 09:00 on the day
        appendLine(out, QStringLiteral("END:VALARM"));
        appendLine(out, QStringLiteral("END:VEVENT"));
    }
    appendLine(out, QStringLiteral("END:VCALENDAR"));
    return out;
}

} // namespace rapport
