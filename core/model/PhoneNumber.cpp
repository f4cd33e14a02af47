// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/PhoneNumber.h"

#include <QLocale>
#include <phonenumbers/phonenumberutil.h>

namespace rapport {

QString phoneE164(const QString& number, const QString& region)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    const std::string regionCode = region.isEmpty() ? std::string("ZZ") : region.toUpper().toStdString();
    PhoneNumber parsed;
    if (util.Parse(number.toStdString(), regionCode, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    if (!util.IsPossibleNumber(parsed))
        return {};
    std::string formatted;
    util.Format(parsed, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

QString localPhoneRegion()
{
    const QLocale locale = QLocale::system();
    if (locale.territory() == QLocale::AnyTerritory)
        return {};
    return QLocale::territoryToCode(locale.territory());
}

} // namespace rapport
