#include "IsoTime.h"

#include <QDateTime>
#include <QRegularExpression>

namespace rapport {

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
    if (dateOnly.match(trimmed).hasMatch()) {
        const QDate date = QDate::fromString(trimmed, Qt::ISODate);
        if (!date.isValid())
            return invalid();
        return QDateTime(date, QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
    }
    if (!dateTime.match(trimmed).hasMatch())
        return invalid();
    QString normalized = trimmed;
    normalized[10] = QLatin1Char('T');
    QDateTime moment = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (!moment.isValid())
        return invalid();
    const bool hasOffset =
        normalized.endsWith(QLatin1Char('Z')) ||
        QRegularExpression(QStringLiteral("[+-]\\d{2}:?\\d{2}$")).match(normalized).hasMatch();
    if (!hasOffset)
        moment = QDateTime(moment.date(), moment.time(), Qt::UTC);
    return moment.toSecsSinceEpoch();
}

QString formatIsoMoment(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace rapport
