// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/conversations/JsonFile.h"

#include <QJsonParseError>
#include <QRegularExpression>

namespace rapport {

Result<QJsonDocument> parseJsonFile(const QByteArray& bytes, const QString& where)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype line = bytes.left(error.offset).count('\n') + 1;
        return Error::badInput(
            QStringLiteral("%1: line %2: not JSON: %3").arg(where).arg(line).arg(error.errorString()));
    }
    return document;
}

QString summaryLine(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.section(QLatin1Char('\n'), 0, 0).trimmed().left(chatSummaryLimit);
}

QString htmlText(const QString& html)
{
    static const QRegularExpression breaks(QStringLiteral("<br\\s*/?>|</p>|</li>|</h\\d>"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = html;
    text.replace(breaks, QStringLiteral("\n"));
    text.remove(tags);
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text.trimmed();
}

} // namespace rapport
