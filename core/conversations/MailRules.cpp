// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/MailRules.h"

#include <QStringList>

namespace rapport {

namespace {

// A From local part that only machines write from, whatever its case and "+tag".
bool isAutomatedSender(const QString& address)
{
    static const QStringList machines{QStringLiteral("noreply"),       QStringLiteral("no-reply"),
                                      QStringLiteral("donotreply"),    QStringLiteral("do-not-reply"),
                                      QStringLiteral("mailer-daemon"), QStringLiteral("postmaster")};
    QString local = address.section(QLatin1Char('@'), 0, 0).toLower();
    local = local.section(QLatin1Char('+'), 0, 0);
    return machines.contains(local);
}

QString automatedReason(const MailMessage& message)
{
    if (!message.listId.isEmpty())
        return QStringLiteral("mailing list");
    const QString precedence = message.precedence.toLower();
    if (precedence == QLatin1String("list"))
        return QStringLiteral("mailing list");
    if (precedence == QLatin1String("bulk") || precedence == QLatin1String("junk"))
        return QStringLiteral("automated sender");
    if (!message.autoSubmitted.isEmpty() &&
        message.autoSubmitted.section(QLatin1Char(';'), 0, 0).trimmed().toLower() != QLatin1String("no"))
        return QStringLiteral("automated sender");
    if (message.from && isAutomatedSender(message.from->address))
        return QStringLiteral("automated sender");
    return {};
}

} // namespace

QString mailKey(const QString& address)
{
    return address.trimmed().toLower();
}

MailVerdict judgeMail(const MailMessage& message, const QSet<QString>& me)
{
    MailVerdict verdict;
    if (message.headerless) {
        verdict.skipReason = QStringLiteral("not a message (a \"From \" line inside a body)");
        return verdict;
    }
    verdict.skipReason = automatedReason(message);
    if (!verdict.skipReason.isEmpty())
        return verdict;

    QSet<QString> seen;
    const bool fromMe = message.from && me.contains(mailKey(message.from->address));
    bool toMe = false;
    for (const MailAddress& recipient : message.recipients) {
        const QString key = mailKey(recipient.address);
        if (me.contains(key)) {
            toMe = true;
        } else if (fromMe && !seen.contains(key)) {
            seen.insert(key);
            verdict.counterparts << recipient;
        }
    }
    if (fromMe) {
        verdict.direction = Direction::Outbound;
        if (verdict.counterparts.isEmpty())
            verdict.skipReason = QStringLiteral("sent to yourself");
    } else if (toMe && message.from) {
        verdict.direction = Direction::Inbound;
        verdict.counterparts << *message.from;
    } else {
        verdict.skipReason = QStringLiteral("not yours");
    }
    if (verdict.skipReason.isEmpty() && verdict.counterparts.size() > broadcastLimit)
        verdict.skipReason = QStringLiteral("broadcast (more than %1 people)").arg(broadcastLimit);
    if (verdict.skipReason.isEmpty() && !message.date)
        verdict.skipReason = QStringLiteral("no date");
    if (!verdict.skipReason.isEmpty())
        verdict.counterparts.clear();
    return verdict;
}

} // namespace rapport
