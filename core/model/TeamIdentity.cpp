// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/TeamIdentity.h"

namespace rapport {

QString TeamIdentity::text() const
{
    return methodKindName(kind) + QLatin1Char(':') + value;
}

QString TeamIdentity::key() const
{
    return methodKindName(kind) + QLatin1Char(':') + normalizeMethodValue(kind, value);
}

Result<TeamIdentity> parseTeamIdentity(const QString& text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const std::optional<MethodKind> kind = colon > 0 ? parseMethodKind(text.left(colon)) : std::nullopt;
    if (!kind)
        return Error::badInput(QStringLiteral("identity '%1': expected KIND:VALUE with KIND one of %2")
                                   .arg(text.trimmed(), methodKindNames().join(QStringLiteral(", "))));
    TeamIdentity identity;
    identity.kind = *kind;
    identity.value = text.mid(colon + 1).trimmed();
    if (const QString problem = validateMethodValue(identity.kind, identity.value); !problem.isEmpty())
        return Error::badInput(QStringLiteral("identity '%1': %2").arg(text.trimmed(), problem));
    return identity;
}

} // namespace rapport
