// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/model/Folding.h"

#include <algorithm>
#include <vector>

namespace rapport {

namespace {

// Letters that NFKD does not decompose into a base letter and a mark.
QString unfoldableLetter(QChar c)
{
    switch (c.unicode()) {
    case 0x00DF: // ß
        return QStringLiteral("ss");
    case 0x00E6: // æ
        return QStringLiteral("ae");
    case 0x0153: // œ
        return QStringLiteral("oe");
    case 0x00F8: // ø
        return QStringLiteral("o");
    case 0x0142: // ł
        return QStringLiteral("l");
    case 0x0111: // đ
    case 0x00F0: // ð
        return QStringLiteral("d");
    case 0x00FE: // þ
        return QStringLiteral("th");
    case 0x0131: // dotless ı
        return QStringLiteral("i");
    default:
        return QString(c);
    }
}

} // namespace

QString foldName(const QString& name)
{
    const QString decomposed = name.toLower().normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (!c.isLetterOrNumber()) {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace) {
            folded.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        folded.append(unfoldableLetter(c));
    }
    return folded;
}

QString foldTag(const QString& tag)
{
    QString folded = foldName(tag);
    folded.remove(QLatin1Char(' '));
    return folded;
}

QString canonicalEmail(const QString& email)
{
    const QString address = email.trimmed().toLower();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return address;
    const QString domain = address.mid(at + 1);
    if (domain != QLatin1String("gmail.com") && domain != QLatin1String("googlemail.com"))
        return address;
    QString local = address.left(at);
    if (const qsizetype plus = local.indexOf(QLatin1Char('+')); plus >= 0)
        local.truncate(plus);
    local.remove(QLatin1Char('.'));
    return local + QStringLiteral("@gmail.com");
}

QString emailDomain(const QString& email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : email.mid(at + 1).trimmed().toLower();
}

int editDistance(const QString& a, const QString& b, int limit)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (std::abs(n - m) > limit)
        return limit + 1;
    // Damerau–Levenshtein (optimal string alignment) over three rows, stopped once a whole row exceeds
    // the limit.
    std::vector<int> before(static_cast<size_t>(m + 1));
    std::vector<int> previous(static_cast<size_t>(m + 1));
    std::vector<int> current(static_cast<size_t>(m + 1));
    for (qsizetype j = 0; j <= m; ++j)
        previous[static_cast<size_t>(j)] = static_cast<int>(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = static_cast<int>(i);
        int rowMinimum = current[0];
        for (qsizetype j = 1; j <= m; ++j) {
            const auto uj = static_cast<size_t>(j);
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            int value = std::min({previous[uj] + 1, current[uj - 1] + 1, previous[uj - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                value = std::min(value, before[uj - 2] + 1);
            current[uj] = value;
            rowMinimum = std::min(rowMinimum, value);
        }
        if (rowMinimum > limit)
            return limit + 1;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[static_cast<size_t>(m)], limit + 1);
}

} // namespace rapport
