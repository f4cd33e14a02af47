// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ContactLink.h"

namespace rapport {

QString linkKindName(LinkKind kind)
{
    return kind == LinkKind::IntroducedBy ? QStringLiteral("introduced_by") : QStringLiteral("knows");
}

std::optional<LinkKind> parseLinkKind(const QString& text)
{
    if (text == QLatin1String("introduced_by"))
        return LinkKind::IntroducedBy;
    if (text == QLatin1String("knows"))
        return LinkKind::Knows;
    return std::nullopt;
}

} // namespace rapport
