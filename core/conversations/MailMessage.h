// SPDX-License-Identifier: GPL-3.0-or-later
// What the conversation import needs of one mail, read by MailReader: who wrote to whom, when, about
// what, and the headers that tell automated mail apart. Decoded to UTF-8, addresses as written.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace rapport {

struct MailAddress
{
    QString address; // "ann@example.org"
    QString name;    // the display name of the header, decoded; may be empty
};

struct MailMessage
{
    QString location; // "Inbox: message 12", "notes/hello.eml": for skip reasons and errors
    std::optional<MailAddress> from;
    QList<MailAddress> recipients; // To, then Cc
    // The Date header in UTC, else the date of the mbox "From " line; none when neither gives one.
    std::optional<qint64> date;
    QString subject;          // RFC 2047 decoded
    QByteArray messageId;     // without angle brackets; empty when the mail has none
    QByteArray identityBytes; // the raw From, Date and Subject headers: a stand-in for a missing Message-ID
    QString listId;
    QString precedence;
    QString autoSubmitted;
    // The first text/plain part in UTF-8 with LF line ends, only when the reader was asked for bodies.
    QString body;
    // Neither From, To, Date nor Message-ID: a piece of a body cut off by an unescaped "From " line.
    bool headerless = false;
};

} // namespace rapport
