// SPDX-License-Identifier: GPL-3.0-or-later
// A person Rapport keeps a relationship with.
#pragma once

#include "core/model/ContactMethod.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace rapport {

struct Contact
{
    qint64 id = 0;
    QString givenName;
    QString familyName;
    QString displayName; // what lists show; built from the name parts when left empty
    QString organization;
    QString title;
    std::optional<qint64> ownerId;     // team member who owns the relationship
    std::optional<double> cadenceDays; // explicit "keep in touch every N days"
    bool archived = false;
    qint64 createdAt = 0; // seconds since the epoch, UTC
    qint64 updatedAt = 0;
    QList<ContactMethod> methods;
    QStringList tags;

    // The display name, or the name parts joined when it is empty.
    QString effectiveDisplayName() const;
};

} // namespace rapport
