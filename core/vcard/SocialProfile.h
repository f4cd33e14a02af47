// SPDX-License-Identifier: GPL-3.0-or-later
// Rapport's handle services as vCards name them (IMPP schemes, Apple's X-SOCIALPROFILE types, RFC 9554's
// SERVICE-TYPE) and their profile URLs, both ways: "https://github.com/ada" is the GitHub handle "ada".
#pragma once

#include "core/model/ContactMethod.h"

#include <QString>
#include <optional>

namespace rapport {

// The handle service a vCard's service name stands for ("Twitter", "x", "fb", "GitHub"), or nullopt for
// a service Rapport has no handles of ("xmpp", "skype") and for emails, phones and websites.
std::optional<MethodKind> socialServiceKind(const QString& name);
// How an export names the service: "GitHub", "X", "LinkedIn", "Mastodon", "forum".
QString socialServiceName(MethodKind kind);
// The service whose profiles live at this URL's host (x.com, twitter.com, linkedin.com, facebook.com,
// github.com), or nullopt.
std::optional<MethodKind> socialServiceOfUrl(const QString& url);
// The handle a profile URL of the service shows ("https://x.com/ada" -> "ada", a Mastodon
// "https://social.example/@ada" -> "@ada@social.example"), or empty when the URL is not one.
QString handleFromProfileUrl(MethodKind kind, const QString& url);
// The profile URL of a handle, or empty for a service without profile pages at a known address
// (Discord, Slack, a forum, a Mastodon handle without its server).
QString profileUrl(MethodKind kind, const QString& handle);

} // namespace rapport
