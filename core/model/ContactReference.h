// SPDX-License-Identifier: GPL-3.0-or-later
// What a person typed to name a contact — `rapport log --contact`, an import's contact_key, the log
// dialog's search — read by one rule wherever it is typed: an id ("42"), an email ("ana@example.org"),
// "service:handle" ("forum:ana") or a bare handle ("@ana", looked up on every service).
#pragma once

#include "core/base/Result.h"
#include "core/model/ContactMethod.h"

#include <QList>
#include <optional>
#include <utility>

namespace rapport {

struct ContactReference
{
    QString text;                   // trimmed, as typed, for messages
    std::optional<qint64> id;       // set when the text is a number
    std::optional<MethodKind> kind; // email for an address, the service of "service:handle"; none when bare
    QString value;                  // the method value to look up when there is no id

    // Bad input when nothing was typed.
    static Result<ContactReference> parse(const QString& typed);

    // The (kind, normalized value) pairs to look the value up under: one kind when it is known, every
    // kind for a bare handle; kinds under which the value normalizes to nothing are left out.
    QList<std::pair<MethodKind, QString>> lookups() const;

    // The refusals every resolver gives, without a field prefix.
    Error noSuchId() const;
    Error noMatch() const;
    Error severalMatch(qint64 oneId, qint64 otherId) const;
};

// The same lookups for a method value of an optional kind (ContactRepository::findByMethod).
QList<std::pair<MethodKind, QString>> methodLookups(std::optional<MethodKind> kind, const QString& value);

} // namespace rapport
