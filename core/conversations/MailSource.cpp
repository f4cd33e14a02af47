// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/MailSource.h"

#include "core/conversations/MailRules.h"

namespace rapport {

Status MailSource::identifyMe(const QStringList& given)
{
    for (const QString& address : given)
        m_me.insert(mailKey(address));
    m_me.remove(QString());
    if (m_me.isEmpty())
        return Error::usage(QStringLiteral("who is \"me\"? Give your address with --me EMAIL (once for each "
                                           "of your addresses)") +
                            otherWayToGiveMe(QStringLiteral("an email")));
    return {};
}

Result<bool> MailSource::next(ConversationRecord& record)
{
    const Result<bool> more = m_reader->next(m_message);
    if (!more || !*more)
        return more;
    const MailVerdict verdict = judgeMail(m_message, m_me);
    record = ConversationRecord();
    record.location = m_message.location;
    record.skipReason = verdict.skipReason;
    if (!record.skipReason.isEmpty())
        return true;
    record.channel = Channel::Email;
    record.direction = verdict.direction;
    record.occurredAt = *m_message.date;
    record.summary = m_message.subject;
    record.body = m_message.body;
    record.sourceKey = "email\n" + (m_message.messageId.isEmpty() ? "hash\n" + m_message.identityBytes
                                                                  : "id\n" + m_message.messageId);
    for (const MailAddress& address : verdict.counterparts)
        record.counterparts << Counterpart{mailKey(address.address), address.address, std::nullopt, QString(),
                                           address.name};
    return true;
}

} // namespace rapport
