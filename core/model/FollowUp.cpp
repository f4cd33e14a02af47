// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/FollowUp.h"

#include <array>

namespace rapport {

namespace {
const std::array<const char*, 3> kindKeys{"reach_out", "our_commitment", "their_commitment"};
const std::array<const char*, 5> statusKeys{"open", "done", "kept", "broken", "dropped"};

template <typename Enum, size_t N>
std::optional<Enum> parseKey(const std::array<const char*, N>& keys, const QString& text)
{
    QString key = text.trimmed().toLower();
    key.replace(QLatin1Char(' '), QLatin1Char('_')).replace(QLatin1Char('-'), QLatin1Char('_'));
    for (size_t i = 0; i < N; ++i) {
        if (key == QLatin1String(keys[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}
} // namespace

QString followUpKindName(FollowUpKind kind)
{
    return QString::fromLatin1(kindKeys[static_cast<size_t>(kind)]);
}

std::optional<FollowUpKind> parseFollowUpKind(const QString& text)
{
    return parseKey<FollowUpKind>(kindKeys, text);
}

QString followUpStatusName(FollowUpStatus status)
{
    return QString::fromLatin1(statusKeys[static_cast<size_t>(status)]);
}

std::optional<FollowUpStatus> parseFollowUpStatus(const QString& text)
{
    return parseKey<FollowUpStatus>(statusKeys, text);
}

} // namespace rapport
