// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/import/ContactResolver.h"

#include "core/model/ContactMethod.h"
#include "core/model/ContactReference.h"
#include "core/storage/SqliteStatement.h"

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
        const auto found = resolver.m_methods.constFind(key);
        if (found == resolver.m_methods.cend())
            resolver.m_methods.insert(key, contactId);
        else if (*found != contactId)
            resolver.m_sharedWith.insert(key, contactId);
    }
    if (!methods.ok())
        return Error::database(methods.errorMessage());
    return resolver;
}

Result<qint64> ContactResolver::resolve(const QString& typed) const
{
    const Result<ContactReference> reference = ContactReference::parse(typed);
    if (!reference)
        return reference.error();
    if (reference->id) {
        if (!exists(*reference->id))
            return reference->noSuchId();
        return *reference->id;
    }
    return resolveLookups(*reference);
}

Result<qint64> ContactResolver::resolveMethod(MethodKind kind, const QString& value) const
{
    ContactReference reference;
    reference.text = value.trimmed();
    reference.kind = kind;
    reference.value = reference.text;
    return resolveLookups(reference);
}

Result<qint64> ContactResolver::resolveLookups(const ContactReference& reference) const
{
    std::optional<qint64> match;
    for (const auto& [kind, normalized] : reference.lookups()) {
        const QString key = methodKey(kind, normalized);
        const auto found = m_methods.constFind(key);
        if (found == m_methods.cend())
            continue;
        if (const auto shared = m_sharedWith.constFind(key); shared != m_sharedWith.cend())
            return reference.severalMatch(*found, *shared);
        if (match && *match != *found)
            return reference.severalMatch(*match, *found);
        match = *found;
    }
    if (!match)
        return reference.noMatch();
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
