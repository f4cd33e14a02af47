// SPDX-License-Identifier: GPL-3.0-or-later
// A Mastodon account archive (actor.json, outbox.json; "Request your archive" in the settings) as
// conversation records: each post of mine is outbound to every account it mentions or replies to. The
// archive names its owner, so "me" is the actor. Boosts are not conversations.
#pragma once

#include "core/conversations/ArchiveFolder.h"
#include "core/conversations/ConversationSource.h"

#include <QJsonArray>

namespace rapport {

class MastodonArchive : public ConversationSource
{
public:
    // Whether the folder looks like a Mastodon archive: actor.json and outbox.json at its top.
    static bool recognizes(const ArchiveFolder& folder);
    // Reads the actor and the outbox; a bad-input error names a file that is not Mastodon's.
    static Result<std::unique_ptr<ConversationSource>> open(std::unique_ptr<ArchiveFolder> folder,
                                                            bool withBodies);

    // The actor is me, whatever is given.
    Status identifyMe(const QStringList&) override { return {}; }
    Result<bool> next(ConversationRecord& record) override;
    QString formatName() const override { return QStringLiteral("mastodon"); }

private:
    MastodonArchive(std::unique_ptr<ArchiveFolder> folder, bool withBodies)
        : m_folder(std::move(folder))
        , m_withBodies(withBodies)
    {}
    void judge(const QJsonObject& activity, ConversationRecord& record) const;
    // "@bob@example.social" for a mention's name ("@bob" on my own server) or the URL of a status.
    QString accountOfMention(const QString& name, const QString& href) const;
    QString accountOfStatus(const QString& url) const;

    std::unique_ptr<ArchiveFolder> m_folder;
    bool m_withBodies;
    QString m_actorId; // "https://example.social/users/me"
    QString m_me;      // "@me@example.social"
    QString m_host;
    QJsonArray m_items; // the outbox's orderedItems
    qsizetype m_next = 0;
};

} // namespace rapport
