// SPDX-License-Identifier: GPL-3.0-or-later
// Mail as conversation records: MailReader's messages judged by MailRules, "me" being my addresses.
#pragma once

#include "core/conversations/ConversationSource.h"
#include "core/conversations/MailReader.h"

#include <QSet>

namespace rapport {

class MailSource : public ConversationSource
{
public:
    explicit MailSource(std::unique_ptr<MailReader> reader)
        : m_reader(std::move(reader))
    {}

    Status identifyMe(const QStringList& given) override;
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return m_reader->formatName(); }
    QStringList ignoredFiles() const override { return m_reader->ignoredFiles(); }

private:
    std::unique_ptr<MailReader> m_reader;
    QSet<QString> m_me; // mailKey()s
    MailMessage m_message;
};

} // namespace rapport
