// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base/IsoTime.h"

#include "core/base/Clock.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <optional>

namespace rapport {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 year, unsigned month, unsigned day)
{
    year -= month <= 2 ? 1 : 0;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const auto yearOfEra = static_cast<unsigned>(year - era * 400);
    const unsigned dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const unsigned dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + static_cast<qint64>(dayOfEra) - 719468;
}

struct CivilDate
{
    qint64 year;
    unsigned month;
    unsigned day;
};

// The inverse of daysFromCivil (civil_from_days).
CivilDate civilFromDays(qint64 days)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
    const unsigned yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const unsigned mp = (5 * dayOfYear + 2) / 153;
    const unsigned day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<qint64>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

bool isLeapYear(qint64 year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned daysInMonth(qint64 year, unsigned month)
{
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// The value of `count` ASCII digits at `text`, or -1 when one of them is not a digit.
int digits(const char* text, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// The common, unambiguous forms; nullopt sends the text down the general (QDateTime) path, which also
// words the error.
std::optional<qint64> parseCommonForm(QByteArrayView text)
{
    const qsizetype size = text.size();
    if (size != 10 && size != 16 && size != 17 && size != 19 && size != 20)
        return std::nullopt;
    const char* s = text.data();
    const int year = digits(s, 4);
    const int month = digits(s + 5, 2);
    const int day = digits(s + 8, 2);
    // Year 0000 is refused as the QString path refuses it: Qt's calendar has no year 0.
    if (year < 1 || month < 1 || month > 12 || day < 1 || s[4] != '-' || s[7] != '-' ||
        static_cast<unsigned>(day) > daysInMonth(year, static_cast<unsigned>(month)))
        return std::nullopt;
    qint64 seconds =
        daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * secondsPerDay;
    if (size == 10)
        return seconds;
    const bool zulu = s[size - 1] == 'Z';
    const qsizetype timeEnd = zulu ? size - 1 : size; // 16 (HH:MM) or 19 (HH:MM:SS)
    if ((timeEnd != 16 && timeEnd != 19) || (s[10] != 'T' && s[10] != ' ') || s[13] != ':')
        return std::nullopt;
    const int hour = digits(s + 11, 2);
    const int minute = digits(s + 14, 2);
    int second = 0;
    if (timeEnd == 19) {
        if (s[16] != ':')
            return std::nullopt;
        second = digits(s + 17, 2);
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    return seconds + hour * 3600 + minute * 60 + second;
}

// Why a text shaped like "YYYY-MM-DD…" is still not a moment: a month or day that does not exist, or a
// time of day past 23:59. Empty when the date and time exist.
QString impossibleMoment(const QString& text)
{
    const int year = text.left(4).toInt();
    const int month = text.mid(5, 2).toInt();
    const int day = text.mid(8, 2).toInt();
    const int hour = text.mid(11, 2).toInt();
    const int minute = text.mid(14, 2).toInt();
    if (month < 1 || month > 12)
        return QStringLiteral("'%1' does not exist: there is no month %2").arg(text).arg(month);
    if (QDate::isValid(year, month, 1) && !QDate::isValid(year, month, day))
        return QStringLiteral("'%1' does not exist: %2 %3 has %4 days")
            .arg(text, QLocale::c().monthName(month))
            .arg(year)
            .arg(QDate(year, month, 1).daysInMonth());
    if (text.size() >= 16 && (hour > 23 || minute > 59))
        return QStringLiteral("'%1' does not exist: %2 is not a time of day").arg(text, text.mid(11, 5));
    return {};
}

void appendDigits(char* out, unsigned value, int count)
{
    for (int i = count - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

} // namespace

Result<qint64> parseIsoMoment(const QString& text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTime(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$"));
    const auto invalid = [&trimmed] {
        return Error::badInput(QStringLiteral("'%1' is not an ISO 8601 date (YYYY-MM-DD) or date-time "
                                              "(YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])")
                                   .arg(trimmed));
    };
    const auto impossible = [&trimmed, &invalid] {
        const QString why = impossibleMoment(trimmed);
        return why.isEmpty() ? invalid() : Error::badInput(why);
    };
    if (dateOnly.match(trimmed).hasMatch()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return impossible();
        return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    }
    if (!dateTime.match(trimmed).hasMatch())
        return invalid();
    QString normalized = trimmed;
    normalized[10] = QLatin1Char('T');
    QDateTime moment = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!moment.isValid())
        return impossible();
    const bool hasOffset =
        normalized.endsWith(QLatin1Char('Z')) ||
        QRegularExpression(QStringLiteral("[+-]\\d{2}:?\\d{2}$")).match(normalized).hasMatch();
    if (!hasOffset)
        moment = QDateTime(moment.date(), moment.time(), Qt::UTC);
    return moment.toSecsSinceEpoch();
}

Result<qint64> parseIsoMoment(QByteArrayView utf8)
{
    if (const std::optional<qint64> common = parseCommonForm(utf8))
        return *common;
    return parseIsoMoment(QString::fromUtf8(utf8));
}

QString formatIsoMoment(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

void appendIsoMoment(QByteArray& out, qint64 seconds)
{
    const qint64 days =
        seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay;
    const auto secondOfDay = static_cast<unsigned>(seconds - days * secondsPerDay);
    const CivilDate date = civilFromDays(days);
    if (date.year < 0 || date.year > 9999) {
        out.append(formatIsoMoment(seconds).toLatin1());
        return;
    }
    char text[20];
    appendDigits(text, static_cast<unsigned>(date.year), 4);
    text[4] = '-';
    appendDigits(text + 5, date.month, 2);
    text[7] = '-';
    appendDigits(text + 8, date.day, 2);
    text[10] = 'T';
    appendDigits(text + 11, secondOfDay / 3600, 2);
    text[13] = ':';
    appendDigits(text + 14, secondOfDay / 60 % 60, 2);
    text[16] = ':';
    appendDigits(text + 17, secondOfDay % 60, 2);
    text[19] = 'Z';
    out.append(text, sizeof text);
}

} // namespace rapport
