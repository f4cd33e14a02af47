// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/VCardWriter.h"

namespace rapport {

namespace {

constexpr qsizetype foldAt = 75;

// Folds a line at 75 octets, each continuation starting with a space, never inside a UTF-8 sequence.
void appendFolded(QByteArray& out, const QByteArray& line)
{
    qsizetype start = 0;
    qsizetype limit = foldAt;
    while (line.size() - start > limit) {
        qsizetype end = start + limit;
        while (end > start && (static_cast<unsigned char>(line.at(end)) & 0xC0) == 0x80)
            --end;
        out += QByteArrayView(line).sliced(start, end - start);
        out += "\r\n ";
        start = end;
        limit = foldAt - 1; // the leading space counts
    }
    out += QByteArrayView(line).sliced(start);
    out += "\r\n";
}

QString parameterValue(const QString& value)
{
    QString text = value;
    text.replace(QLatin1Char('^'), QLatin1String("^^"))
        .replace(QLatin1Char('\n'), QLatin1String("^n"))
        .replace(QLatin1Char('"'), QLatin1String("^'"));
    if (text.contains(QLatin1Char(':')) || text.contains(QLatin1Char(';')) || text.contains(QLatin1Char(',')))
        return QLatin1Char('"') + text + QLatin1Char('"');
    return text;
}

} // namespace

QByteArray writeVCard(const VCard& card, VCardVersion version)
{
    QByteArray out;
    appendFolded(out, "BEGIN:VCARD");
    appendFolded(out, version == VCardVersion::V4 ? "VERSION:4.0" : "VERSION:3.0");
    for (const VCardProperty& property : card.properties) {
        if (property.name == QLatin1String("VERSION"))
            continue;
        QString line;
        if (!property.group.isEmpty())
            line += property.group + QLatin1Char('.');
        line += property.name;
        for (const VCardParameter& parameter : property.parameters) {
            // The value is held decoded: written as UTF-8 text, it has no encoding or charset of its own.
            if (parameter.name == QLatin1String("ENCODING") || parameter.name == QLatin1String("CHARSET") ||
                (parameter.name == QLatin1String("TYPE") &&
                 parameter.values.join(QString()).compare(QLatin1String("QUOTED-PRINTABLE"),
                                                          Qt::CaseInsensitive) == 0))
                continue;
            QStringList values;
            for (const QString& value : parameter.values)
                values << parameterValue(value);
            line += QLatin1Char(';') + parameter.name + QLatin1Char('=') + values.join(QLatin1Char(','));
        }
        // A decoded quoted-printable value may hold raw line breaks; in 3.0 and 4.0 they are written escaped.
        QString value = property.value;
        value.replace(QLatin1String("\r\n"), QLatin1String("\\n"))
            .replace(QLatin1Char('\r'), QLatin1String("\\n"))
            .replace(QLatin1Char('\n'), QLatin1String("\\n"));
        line += QLatin1Char(':') + value;
        appendFolded(out, line.toUtf8());
    }
    appendFolded(out, "END:VCARD");
    return out;
}

} // namespace rapport
