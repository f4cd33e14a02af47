// SPDX-License-Identifier: GPL-3.0-or-later
// A follow-up: something to do for a contact by a date — reach out, or keep a promise that we or they made.
#pragma once

#include <QString>
#include <optional>

namespace rapport {

enum class FollowUpKind : int
{
    ReachOut = 0,
    OurCommitment,
    TheirCommitment
};

enum class FollowUpStatus : int
{
    Open = 0,
    Done,
    Kept,
    Broken,
    Dropped
};

struct FollowUp
{
    qint64 id = 0;
    qint64 contactId = 0;
    FollowUpKind kind = FollowUpKind::ReachOut;
    QString text;
    std::optional<qint64> ownerId; // team member
    qint64 dueAt = 0;              // seconds since the epoch, UTC
    FollowUpStatus status = FollowUpStatus::Open;
    qint64 createdAt = 0;
    std::optional<qint64> closedAt;
    std::optional<qint64> trustNoteId; // the note a kept or broken promise wrote
};

QString followUpKindName(FollowUpKind kind); // stable key, e.g. "our_commitment"
std::optional<FollowUpKind> parseFollowUpKind(const QString& text);
QString followUpStatusName(FollowUpStatus status); // stable key, e.g. "kept"
std::optional<FollowUpStatus> parseFollowUpStatus(const QString& text);
inline bool isCommitment(FollowUpKind kind)
{
    return kind != FollowUpKind::ReachOut;
}

} // namespace rapport
