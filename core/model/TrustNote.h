// SPDX-License-Identifier: GPL-3.0-or-later
// A trust note: a promise kept or broken, a shared value, a boundary, a concern about a contact.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace rapport {

enum class TrustKind : int
{
    CommitmentKept = 0,
    CommitmentBroken,
    SharedValue,
    Boundary,
    Concern,
    Appreciation,
    Context
};
inline constexpr int trustKindCount = 7;

struct TrustNote
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 createdAt = 0;           // seconds since the epoch, UTC
    std::optional<qint64> authorId; // team member
    TrustKind kind = TrustKind::Context;
    std::optional<int> trustLevel; // 1..5
    QString text;
};

QString trustKindName(TrustKind kind);  // stable key, e.g. "commitment_kept"
QString trustKindLabel(TrustKind kind); // for people, e.g. "Commitment kept"
QStringList trustKindNames();
std::optional<TrustKind> parseTrustKind(const QString& text);

} // namespace rapport
