// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/bench/ArchiveWriters.h"

#include "core/storage/SqliteStatement.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>

namespace rapport::bench {

namespace {

struct Correspondent
{
    QByteArray name;
    QByteArray email;
};

// Up to `limit` contacts with an email, in id order: the people the archives talk with.
Result<QList<Correspondent>> correspondents(Database& db, int limit)
{
    SqliteStatement rows(db.handle(),
                         "SELECT c.display_name, min(m.value) FROM contacts c JOIN contact_methods m ON"
                         " m.contact_id = c.id AND m.kind = 'email' GROUP BY c.id ORDER BY c.id LIMIT ?1");
    rows.bind(1, static_cast<qint64>(limit));
    QList<Correspondent> found;
    while (rows.step())
        found << Correspondent{QByteArray(rows.columnUtf8(0)), QByteArray(rows.columnUtf8(1))};
    if (!rows.ok())
        return Error::database(rows.errorMessage());
    if (found.isEmpty())
        return Error::database(QStringLiteral("the dataset has no contact with an email"));
    return found;
}

const QList<QByteArray> topics{"the roadmap",
                               "sponsorship for the spring meetup",
                               "a talk proposal",
                               "the contributor guide",
                               "moderation on the forum",
                               "the hackathon",
                               "translations",
                               "the release notes",
                               "onboarding newcomers",
                               "the community survey"};

const QByteArray paragraph =
    "Thanks for the notes from last week. I went through them again this morning and I think we can move\n"
    "ahead with most of it; the part about the schedule needs one more pass with the others, so I will put\n"
    "it on the agenda for Thursday. Let me know if anything changed on your side in the meantime.\n";

// Quoted-printable as mail clients write it: lines under 76 characters, '=' and non-ASCII escaped.
QByteArray quotedPrintable(const QByteArray& text)
{
    QByteArray out;
    int column = 0;
    for (const char c : text) {
        if (c == '\n') {
            out += '\n';
            column = 0;
            continue;
        }
        QByteArray piece = (c == '=' || static_cast<unsigned char>(c) >= 0x80)
                               ? "=" + QByteArray::number(static_cast<unsigned char>(c), 16).toUpper()
                               : QByteArray(1, c);
        if (column + piece.size() > 75) {
            out += "=\n";
            column = 0;
        }
        out += piece;
        column += static_cast<int>(piece.size());
    }
    return out;
}

QByteArray mailDate(qint64 when)
{
    return QDateTime::fromSecsSinceEpoch(when, Qt::UTC).toString(Qt::RFC2822Date).toLatin1();
}

QByteArray mboxMarkerDate(qint64 when)
{
    return QLocale::c()
        .toString(QDateTime::fromSecsSinceEpoch(when, Qt::UTC), u"ddd MMM d HH:mm:ss yyyy")
        .toLatin1();
}

QByteArray mailMessage(qint64 index, const Correspondent& them, bool fromMe, bool automated, qint64 when,
                       QRandomGenerator& random)
{
    const QByteArray me = "Bench Me <" + QByteArray(benchMe) + '>';
    const QByteArray person = '"' + them.name + "\" <" + them.email + '>';
    const QByteArray topic = topics.at(static_cast<int>(random.bounded(topics.size())));
    const QByteArray id = QByteArray::number(index);
    QByteArray subject = (index % 3 == 0 ? "Re: " : "") + topic;
    if (index % 7 == 0) // a subject in RFC 2047, as clients write non-ASCII ones
        subject = "=?UTF-8?B?" + ("Réunion: " + topic).toBase64() + "?=";
    const QByteArray boundary = "=_bench_" + id;
    QByteArray m;
    m.reserve(4096);
    m += "From " + (fromMe ? QByteArray(benchMe) : them.email) + ' ' + mboxMarkerDate(when) + '\n';
    m += "Return-Path: <" + (fromMe ? QByteArray(benchMe) : them.email) + ">\n";
    for (int hop = 0; hop < 3; ++hop)
        m += "Received: from mx" + QByteArray::number(hop) + ".relay.example (mx" + QByteArray::number(hop) +
             ".relay.example [192.0.2." + QByteArray::number(10 + hop) +
             "])\n\tby mail.rapport.invalid with "
             "ESMTPS id " +
             id + QByteArray::number(hop) + "\n\tfor <" + QByteArray(benchMe) + ">; " + mailDate(when) + '\n';
    if (automated) {
        m += "From: Community Digest <noreply@digest.example>\nTo: " + me + '\n';
        m += "List-Id: Community digest <digest.lists.example>\nPrecedence: bulk\n";
    } else if (fromMe) {
        m += "From: " + me + "\nTo: " + person + '\n';
    } else {
        m += "From: " + person + "\nTo: " + me + '\n';
    }
    m += "Subject: " + subject + "\nDate: " + mailDate(when) + "\nMessage-ID: <" + id +
         ".bench@rapport.invalid>\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary=\"" +
         boundary + "\"\n\n";
    QByteArray body = "Hi " + them.name + ",\n\n" + paragraph + '\n' + paragraph;
    if (index % 11 == 0) // an mboxrd-escaped "From " line inside a body
        body += ">From the notes: the venue holds 40 people.\n";
    body += "\nBest,\n" + (fromMe ? QByteArray("Bench") : them.name) + '\n';
    m += "--" + boundary +
         "\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
         "quoted-printable\n\n" +
         quotedPrintable(body) + '\n';
    m += "--" + boundary +
         "\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: "
         "quoted-printable\n\n" +
         quotedPrintable("<html><body><p>" + QByteArray(body).replace("\n\n", "</p><p>") +
                         "</p></body></html>") +
         '\n';
    m += "--" + boundary + "--\n\n";
    return m;
}

Status writeJson(const QString& path, const QJsonArray& array)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(array).toJson(QJsonDocument::Compact)) < 0)
        return Error::database(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

Result<WrittenArchive> writeBenchMbox(Database& db, const QString& path, qint64 bytes)
{
    const Result<QList<Correspondent>> people = correspondents(db, 5000);
    if (!people)
        return people.error();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::database(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    QRandomGenerator random(11);
    const int peopleCount = static_cast<int>(people->size());
    WrittenArchive written;
    const qint64 start = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();
    qint64 when = start;
    while (written.bytes < bytes) {
        const qint64 index = written.messages + 1;
        // One in twenty correspondents is a stranger: the import creates them as contacts.
        const Correspondent them =
            index % 20 == 0
                ? Correspondent{"Stranger " + QByteArray::number(index % 997),
                                "stranger" + QByteArray::number(index % 997) + "@elsewhere.example"}
                : people->at(random.bounded(peopleCount));
        when += 60 + static_cast<qint64>(random.bounded(240));
        const QByteArray message =
            mailMessage(index, them, random.bounded(2) == 0, index % 10 == 0, when, random);
        if (file.write(message) != message.size())
            return Error::database(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
        written.bytes += message.size();
        ++written.messages;
    }
    if (!file.flush())
        return Error::database(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return written;
}

Result<WrittenArchive> writeBenchSlackExport(Database& db, const QString& folder, qint64 messages)
{
    const Result<QList<Correspondent>> people = correspondents(db, 2000);
    if (!people)
        return people.error();
    if (!QDir().mkpath(folder))
        return Error::database(QStringLiteral("cannot create %1").arg(folder));
    const int peopleCount = static_cast<int>(people->size());
    const auto userId = [](qsizetype i) {
        return QStringLiteral("U%1").arg(100000 + i);
    };
    QJsonArray users{QJsonObject{
        {QStringLiteral("id"), userId(0)},
        {QStringLiteral("name"), QStringLiteral("bench.me")},
        {QStringLiteral("real_name"), QStringLiteral("Bench Me")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("email"), QString::fromLatin1(benchMe)}}}}};
    for (qsizetype i = 0; i < people->size(); ++i)
        users.append(
            QJsonObject{{QStringLiteral("id"), userId(i + 1)},
                        {QStringLiteral("name"), QString::fromUtf8(people->at(i).email.split('@').front())},
                        {QStringLiteral("real_name"), QString::fromUtf8(people->at(i).name)},
                        {QStringLiteral("profile"),
                         QJsonObject{{QStringLiteral("email"), QString::fromUtf8(people->at(i).email)}}}});
    users.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("UBOT")},
                             {QStringLiteral("name"), QStringLiteral("standup-bot")},
                             {QStringLiteral("is_bot"), true}});
    if (Status ok = writeJson(folder + QStringLiteral("/users.json"), users); !ok)
        return ok.error();

    // 40 channels of every member and 400 DMs with me; three messages in ten go to DMs.
    const int channelCount = 40;
    const int dmCount = std::min<int>(400, static_cast<int>(people->size()));
    QJsonArray channels;
    QJsonArray allMembers;
    for (qsizetype i = 0; i <= people->size(); ++i)
        allMembers.append(userId(i));
    for (int c = 0; c < channelCount; ++c)
        channels.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("C%1").arg(5000 + c)},
                                    {QStringLiteral("name"), QStringLiteral("channel-%1").arg(c)},
                                    {QStringLiteral("members"), allMembers}});
    QJsonArray dms;
    for (int d = 0; d < dmCount; ++d)
        dms.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("D%1").arg(7000 + d)},
                               {QStringLiteral("members"), QJsonArray{userId(0), userId(d + 1)}}});
    if (Status ok = writeJson(folder + QStringLiteral("/channels.json"), channels); !ok)
        return ok.error();
    if (Status ok = writeJson(folder + QStringLiteral("/dms.json"), dms); !ok)
        return ok.error();

    QRandomGenerator random(13);
    WrittenArchive written;
    const qint64 start = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC).toSecsSinceEpoch();
    // Day by day, a quarter of the conversations have a day file of 5 to 60 messages.
    for (qint64 day = 0; written.messages < messages; ++day) {
        const qint64 dayStart = start + day * 86400;
        const QString dayName = QDateTime::fromSecsSinceEpoch(dayStart, Qt::UTC).toString(u"yyyy-MM-dd");
        for (int conversation = 0; conversation < channelCount + dmCount && written.messages < messages;
             ++conversation) {
            if (random.bounded(4) != 0)
                continue;
            const bool dm = conversation >= channelCount;
            const int which = dm ? conversation - channelCount : conversation;
            const QString dir =
                folder + QLatin1Char('/') +
                (dm ? QStringLiteral("D%1").arg(7000 + which) : QStringLiteral("channel-%1").arg(which));
            if (!QDir().mkpath(dir))
                return Error::database(QStringLiteral("cannot create %1").arg(dir));
            const qint64 count = std::min<qint64>(5 + random.bounded(56), messages - written.messages);
            QJsonArray dayMessages;
            QString threadTs;
            QString threadAuthor;
            for (qint64 i = 0; i < count; ++i) {
                const qint64 when = dayStart + i * 600 + static_cast<qint64>(random.bounded(500));
                const QString ts = QStringLiteral("%1.%2").arg(when).arg(100000 + i);
                const QString someone = userId(1 + random.bounded(peopleCount));
                const QString author = dm ? (random.bounded(2) ? userId(0) : userId(which + 1))
                                          : (random.bounded(8) == 0 ? userId(0) : someone);
                QJsonObject message{{QStringLiteral("type"), QStringLiteral("message")},
                                    {QStringLiteral("user"), author},
                                    {QStringLiteral("ts"), ts}};
                QString text =
                    QStringLiteral("About %1: shall we go through it on Thursday?")
                        .arg(QString::fromUtf8(topics.at(static_cast<int>(random.bounded(topics.size())))));
                if (!dm && random.bounded(6) == 0)
                    text.prepend(QStringLiteral("<@%1> ").arg(random.bounded(3) == 0 ? userId(0) : someone));
                if (i % 50 == 49) {
                    message.insert(QStringLiteral("subtype"), QStringLiteral("channel_join"));
                } else if (i % 40 == 39) {
                    message.insert(QStringLiteral("user"), QStringLiteral("UBOT"));
                    message.insert(QStringLiteral("bot_id"), QStringLiteral("B1"));
                } else if (!dm && !threadTs.isEmpty() && random.bounded(2) == 0) {
                    message.insert(QStringLiteral("thread_ts"), threadTs);
                    message.insert(QStringLiteral("parent_user_id"), threadAuthor);
                } else if (!dm) {
                    threadTs = ts;
                    threadAuthor = author;
                }
                message.insert(QStringLiteral("text"), text);
                dayMessages.append(message);
            }
            const QString path = QStringLiteral("%1/%2.json").arg(dir, dayName);
            if (Status ok = writeJson(path, dayMessages); !ok)
                return ok.error();
            written.messages += count;
            written.bytes += QFileInfo(path).size();
        }
    }
    return written;
}

} // namespace rapport::bench
