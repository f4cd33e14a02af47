// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/SingleLineText.h"

namespace rapport {

QString singleLineTextProblem(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator ||
            c == QChar::ParagraphSeparator)
            return QStringLiteral("must not contain control characters (U+%1 at position %2)")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, QLatin1Char('0')))
                .arg(i + 1);
    }
    return {};
}

} // namespace rapport
