// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/SocialProfile.h"

#include <QUrl>

namespace rapport {

namespace {

bool isHandleKind(MethodKind kind)
{
    return kind != MethodKind::Email && kind != MethodKind::Phone && kind != MethodKind::Website;
}

// "www.x.com", "mobile.twitter.com" -> "x.com", "twitter.com".
QString bareHost(const QUrl& url)
{
    QString host = url.host().toLower();
    for (const char* prefix : {"www.", "mobile.", "m."}) {
        if (host.startsWith(QLatin1String(prefix)))
            return host.mid(static_cast<qsizetype>(qstrlen(prefix)));
    }
    return host;
}

QStringList pathSegments(const QUrl& url)
{
    return url.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

} // namespace

std::optional<MethodKind> socialServiceKind(const QString& name)
{
    QString key = name.trimmed().toLower();
    key.remove(QLatin1Char(' '));
    if (key == QLatin1String("fb") || key == QLatin1String("facebookmessenger") ||
        key == QLatin1String("fb-messenger") || key == QLatin1String("messenger"))
        return MethodKind::Facebook;
    const std::optional<MethodKind> kind = parseMethodKind(key);
    if (!kind || !isHandleKind(*kind))
        return std::nullopt;
    return kind;
}

QString socialServiceName(MethodKind kind)
{
    switch (kind) {
    case MethodKind::X:
        return QStringLiteral("X");
    case MethodKind::LinkedIn:
        return QStringLiteral("LinkedIn");
    case MethodKind::Facebook:
        return QStringLiteral("Facebook");
    case MethodKind::Mastodon:
        return QStringLiteral("Mastodon");
    case MethodKind::Discord:
        return QStringLiteral("Discord");
    case MethodKind::Slack:
        return QStringLiteral("Slack");
    case MethodKind::GitHub:
        return QStringLiteral("GitHub");
    default:
        return methodKindName(kind);
    }
}

std::optional<MethodKind> socialServiceOfUrl(const QString& url)
{
    const QString host = bareHost(QUrl(url.trimmed()));
    if (host == QLatin1String("x.com") || host == QLatin1String("twitter.com"))
        return MethodKind::X;
    if (host == QLatin1String("linkedin.com"))
        return MethodKind::LinkedIn;
    if (host == QLatin1String("facebook.com") || host == QLatin1String("fb.com"))
        return MethodKind::Facebook;
    if (host == QLatin1String("github.com"))
        return MethodKind::GitHub;
    return std::nullopt;
}

QString handleFromProfileUrl(MethodKind kind, const QString& url)
{
    const QUrl parsed(url.trimmed());
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    const QStringList segments = pathSegments(parsed);
    if (segments.isEmpty())
        return {};
    switch (kind) {
    case MethodKind::LinkedIn:
        // linkedin.com/in/NAME (people); /company/… is not a person's handle.
        return segments.size() >= 2 &&
                       (segments.at(0) == QLatin1String("in") || segments.at(0) == QLatin1String("pub"))
                   ? segments.at(1)
                   : QString();
    case MethodKind::X:
    case MethodKind::Facebook:
    case MethodKind::GitHub:
        // facebook.com/profile.php?id=… has no name in its path: the URL stays the handle.
        if (segments.size() != 1 || segments.at(0).contains(QLatin1Char('.')) || parsed.hasQuery())
            return {};
        return segments.at(0);
    case MethodKind::Mastodon:
        if (segments.size() != 1 || !segments.at(0).startsWith(QLatin1Char('@')) || segments.at(0).size() < 2)
            return {};
        return segments.at(0) + QLatin1Char('@') + parsed.host().toLower();
    default:
        return {};
    }
}

QString profileUrl(MethodKind kind, const QString& handle)
{
    QString name = handle.trimmed();
    while (name.startsWith(QLatin1Char('@')))
        name.remove(0, 1);
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char(' ')))
        return {};
    switch (kind) {
    case MethodKind::X:
        return QStringLiteral("https://x.com/") + name;
    case MethodKind::LinkedIn:
        return QStringLiteral("https://www.linkedin.com/in/") + name;
    case MethodKind::Facebook:
        return QStringLiteral("https://www.facebook.com/") + name;
    case MethodKind::GitHub:
        return QStringLiteral("https://github.com/") + name;
    case MethodKind::Mastodon: {
        // "ada@social.example" -> "https://social.example/@ada".
        const qsizetype at = name.indexOf(QLatin1Char('@'));
        if (at <= 0 || at == name.size() - 1)
            return {};
        return QStringLiteral("https://%1/@%2").arg(name.mid(at + 1), name.left(at));
    }
    default:
        return {};
    }
}

} // namespace rapport
