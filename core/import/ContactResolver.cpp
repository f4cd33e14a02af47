#include "ContactResolver.h"

#include "model/ContactMethod.h"
#include "storage/SqliteStatement.h"

#include <optional>

namespace rapport {

namespace {

QString methodKey(MethodKind kind, const QString& normalized)
{
    return methodKindName(kind) + QLatin1Char('\n') + normalized;
}

} // namespace

Result<ContactResolver> ContactResolver::load(Database& db, bool withMethods)
{
    ContactResolver resolver;
    SqliteStatement ids(db.handle(), "SELECT id FROM contacts");
    while (ids.step())
        resolver.m_ids.insert(ids.columnInt64(0));
    if (!ids.ok())
        return Error::database(ids.errorMessage());
    if (!withMethods)
        return resolver;
    SqliteStatement methods(db.handle(), "SELECT DISTINCT kind, normalized, contact_id FROM contact_methods");
    while (methods.step()) {
        const QString key = methods.columnText(0) + QLatin1Char('\n') + methods.columnText(1);
        const qint64 contactId = methods.columnInt64(2);
        const auto found = resolver.m_methods.find(key);
        if (found == resolver.m_methods.end())
            resolver.m_methods.insert(key, contactId);
        else if (*found != contactId)
            *found = -1;
    }
    if (!methods.ok())
        return Error::database(methods.errorMessage());
    return resolver;
}

Result<qint64> ContactResolver::resolve(const QString& reference) const
{
    // The same reading of a reference as ContactRepository::resolve.
    const QString text = reference.trimmed();
    if (text.isEmpty())
        return Error::badInput(QStringLiteral("no id, email or handle given"));
    bool isNumber = false;
    const qint64 id = text.toLongLong(&isNumber);
    if (isNumber) {
        if (!exists(id))
            return Error::notFound(QStringLiteral("no contact with id %1").arg(id));
        return id;
    }
    std::optional<MethodKind> kind;
    QString value = text;
    if (text.contains(QLatin1Char('@')) && !text.startsWith(QLatin1Char('@')) &&
        !text.contains(QLatin1Char(':'))) {
        kind = MethodKind::Email;
    } else if (const qsizetype colon = text.indexOf(QLatin1Char(':')); colon > 0) {
        kind = parseMethodKind(text.left(colon));
        if (kind)
            value = text.mid(colon + 1);
    }
    std::optional<qint64> match;
    for (int i = 0; i < methodKindCount; ++i) {
        const auto candidate = static_cast<MethodKind>(i);
        if (kind && *kind != candidate)
            continue;
        const QString normalized = normalizeMethodValue(candidate, value);
        if (normalized.isEmpty())
            continue;
        const auto found = m_methods.constFind(methodKey(candidate, normalized));
        if (found == m_methods.cend())
            continue;
        if (*found < 0 || (match && *match != *found))
            return Error::badInput(QStringLiteral("'%1' matches more than one contact; use an id").arg(text));
        match = *found;
    }
    if (!match)
        return Error::notFound(QStringLiteral("no contact with id, email or handle '%1'").arg(text));
    return *match;
}

Result<qint64> ContactResolver::resolveRow(const MappedRow& row) const
{
    // A file names each contact many times; the same bytes resolve to the same contact.
    const QByteArray raw = row.raw(ImportField::ContactKey).trimmed().toByteArray();
    if (!raw.isEmpty()) {
        if (const auto known = m_resolved.constFind(raw); known != m_resolved.cend())
            return *known;
        const Result<qint64> found = resolve(QString::fromUtf8(raw));
        if (!found)
            return row.problem(ImportField::ContactKey, found.error().message);
        m_resolved.insert(raw, *found);
        return found;
    }
    const QString idText = row.text(ImportField::ContactId);
    if (idText.isEmpty())
        return row.problem(row.column(ImportField::ContactKey) >= 0 ? ImportField::ContactKey
                                                                    : ImportField::ContactId,
                           QStringLiteral("no contact given (an id, email or handle)"));
    bool isNumber = false;
    const qint64 id = idText.toLongLong(&isNumber);
    if (!isNumber)
        return row.problem(ImportField::ContactId, QStringLiteral("'%1' is not a contact id").arg(idText));
    if (!exists(id))
        return row.problem(ImportField::ContactId, QStringLiteral("no contact with id %1").arg(id));
    return id;
}

} // namespace rapport
