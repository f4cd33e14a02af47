// SPDX-License-Identifier: GPL-3.0-or-later
// Reads an archive into ConversationRecords, one message at a time: the one interface of the mail, Slack,
// Mastodon, Discourse and Discord readers, and the choice among them by the format asked for or, for
// "auto", by what the path holds.
#pragma once

#include "core/base/Result.h"
#include "core/conversations/ConversationFormat.h"
#include "core/conversations/ConversationRecord.h"

#include <QStringList>
#include <memory>

namespace rapport {

// The end of a refusal for want of a "me", after the --me way: ", or give the --by team member (by default
// the \"I am\" member) an email identity in Settings > Team or with `rapport team identity add`".
QString otherWayToGiveMe(const QString& identityKinds);

class ConversationSource
{
public:
    // `path` is a file, a folder or a .zip. A bad-input error names what is not the format asked for,
    // or, for Auto, what is no archive Rapport knows.
    static Result<std::unique_ptr<ConversationSource>> open(const QString& path, ConversationFormat format,
                                                            bool withBodies);
    virtual ~ConversationSource() = default;

    // Settles who "me" is from `given` (the --me values and the identities of the --by member), or from
    // the archive when it names its owner. A usage error when there is no "me", saying how to give one.
    virtual Status identifyMe(const QStringList& given) = 0;
    // Reads the next message into `record`; false after the last. A bad-input error names the file (and
    // line or JSON path) that is not what it claims.
    virtual Result<bool> next(ConversationRecord& record) = 0;
    // What the archive was: "mbox", "eml", "slack", …
    virtual QString formatName() const = 0;
    // Files of a folder passed over for not being part of the archive.
    virtual QStringList ignoredFiles() const { return {}; }
};

} // namespace rapport
