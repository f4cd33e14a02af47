// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/ContactReference.h"

#include <algorithm>

namespace rapport {

Result<ContactReference> ContactReference::parse(const QString& typed)
{
    ContactReference reference;
    reference.text = typed.trimmed();
    if (reference.text.isEmpty())
        return Error::badInput(QStringLiteral("no id, email or handle given"));
    bool isNumber = false;
    const qint64 id = reference.text.toLongLong(&isNumber);
    if (isNumber) {
        reference.id = id;
        return reference;
    }
    const QString& text = reference.text;
    reference.value = text;
    if (text.contains(QLatin1Char('@')) && !text.startsWith(QLatin1Char('@')) &&
        !text.contains(QLatin1Char(':'))) {
        reference.kind = MethodKind::Email;
    } else if (const qsizetype colon = text.indexOf(QLatin1Char(':')); colon > 0) {
        reference.kind = parseMethodKind(text.left(colon));
        if (reference.kind)
            reference.value = text.mid(colon + 1);
    }
    return reference;
}

QList<std::pair<MethodKind, QString>> ContactReference::lookups() const
{
    if (id)
        return {};
    return methodLookups(kind, value);
}

Error ContactReference::noSuchId() const
{
    return Error::notFound(QStringLiteral("no contact with id %1").arg(id.value_or(0)));
}

Error ContactReference::noMatch() const
{
    return Error::notFound(QStringLiteral("no contact with id, email or handle '%1'").arg(text));
}

Error ContactReference::severalMatch(qint64 oneId, qint64 otherId) const
{
    return Error::badInput(QStringLiteral("'%1' matches more than one contact (ids %2 and %3); use an id")
                               .arg(text)
                               .arg(std::min(oneId, otherId))
                               .arg(std::max(oneId, otherId)));
}

QList<std::pair<MethodKind, QString>> methodLookups(std::optional<MethodKind> kind, const QString& value)
{
    QList<std::pair<MethodKind, QString>> pairs;
    for (int i = 0; i < methodKindCount; ++i) {
        const auto candidate = static_cast<MethodKind>(i);
        if (kind && *kind != candidate)
            continue;
        if (QString normalized = normalizeMethodValue(candidate, value); !normalized.isEmpty())
            pairs.append({candidate, std::move(normalized)});
    }
    return pairs;
}

} // namespace rapport
