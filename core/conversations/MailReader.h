// SPDX-License-Identifier: GPL-3.0-or-later
// Reads mail one message at a time from an mbox file (Thunderbird's folders, Google Takeout), a single
// .eml file or a folder of them, through GMime. Only the message being read is in memory, so an archive
// of any size reads in constant memory. A file that is not mail is refused, naming it.
#pragma once

#include "core/base/Result.h"
#include "core/conversations/ConversationFormat.h"
#include "core/conversations/MailMessage.h"

#include <QStringList>
#include <memory>

namespace rapport {

// Mbox or Eml insists on that format; any other reads each file by content: a first line "From " is an
// mbox, a header line an .eml file.
using MailFormat = ConversationFormat;

class MailReader
{
public:
    // `path` is a file, or a folder read with its subfolders: there, hidden files and Thunderbird's
    // .msf indexes are passed over, and so are other files that are not mail, unless named .eml or
    // .mbox (those are refused like a file given by name). With `withBodies`, each message's body
    // is read too.
    static Result<std::unique_ptr<MailReader>> open(const QString& path, MailFormat format, bool withBodies);
    ~MailReader();
    MailReader(const MailReader&) = delete;
    MailReader& operator=(const MailReader&) = delete;

    // Reads the next message into `message`; false after the last. A bad-input error names a file that
    // is not mail.
    Result<bool> next(MailMessage& message);

    // The files of a folder that were passed over for not being mail, as found so far.
    const QStringList& ignoredFiles() const { return m_ignored; }
    // "mbox", "eml" or "mbox and eml": what the files read so far were.
    QString formatName() const;

private:
    struct Parser;
    MailReader(QString root, QStringList files, MailFormat format, bool withBodies);
    // Opens the next file; false when there is none left.
    Result<bool> openNextFile();

    QString m_root;
    QStringList m_files;
    qsizetype m_nextFile = 0;
    MailFormat m_format;
    bool m_withBodies;
    std::unique_ptr<Parser> m_parser;
    QStringList m_ignored;
    bool m_readMbox = false;
    bool m_readEml = false;
};

} // namespace rapport
