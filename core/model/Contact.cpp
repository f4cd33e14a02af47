// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Contact.h"

namespace rapport {

QString Contact::effectiveDisplayName() const
{
    const QString shown = displayName.trimmed();
    if (!shown.isEmpty())
        return shown;
    return QStringList{givenName.trimmed(), familyName.trimmed()}.join(QLatin1Char(' ')).trimmed();
}

} // namespace rapport
