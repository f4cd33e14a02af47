// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/vcard/VCardReader.h"

#include <QStringDecoder>

namespace rapport {

namespace {

// A logical line longer than this is not a contact card (an embedded photo is far below it).
constexpr qsizetype maxLineBytes = qsizetype(8) << 20;

// Where the value starts: the first ':' outside a quoted parameter value, or -1.
qsizetype valueStart(QByteArrayView line)
{
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == '"')
            quoted = !quoted;
        else if (line.at(i) == ':' && !quoted)
            return i;
    }
    return -1;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Quoted-printable: "=C3=A9" is a byte; a '=' not followed by two hex digits is kept as it is.
QByteArray decodeQuotedPrintable(QByteArrayView text)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '=' && i + 2 < text.size()) {
            const int high = hexDigit(text.at(i + 1));
            const int low = hexDigit(text.at(i + 2));
            if (high >= 0 && low >= 0) {
                bytes.append(static_cast<char>(high * 16 + low));
                i += 2;
                continue;
            }
        }
        bytes.append(text.at(i));
    }
    return bytes;
}

// RFC 6868: ^n, ^^ and ^' in parameter values.
QString decodeParameterValue(QStringView text)
{
    QString plain;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('^') && i + 1 < text.size()) {
            const QChar next = text.at(i + 1);
            if (next == QLatin1Char('n')) {
                plain.append(QLatin1Char('\n'));
                ++i;
                continue;
            }
            if (next == QLatin1Char('^') || next == QLatin1Char('\'')) {
                plain.append(next == QLatin1Char('^') ? QLatin1Char('^') : QLatin1Char('"'));
                ++i;
                continue;
            }
        }
        plain.append(text.at(i));
    }
    return plain;
}

// "TYPE=work,voice" or `TYPE="a,b"` -> its values; a quoted value is one value, with its commas.
QStringList splitParameterValues(QStringView text)
{
    QStringList values;
    QString current;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('"')) {
            quoted = !quoted;
        } else if (c == QLatin1Char(',') && !quoted) {
            values << decodeParameterValue(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    values << decodeParameterValue(current);
    return values;
}

// Splits the head "item1.TEL;TYPE=work;X-A=\"b;c\"" on the semicolons outside quotes.
QStringList splitHead(QStringView head)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    for (const QChar c : head) {
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        if (c == QLatin1Char(';') && !quoted) {
            parts << current;
            current.clear();
        } else {
            current.append(c);
        }
    }
    parts << current;
    return parts;
}

// One part of a property's head after its name: "TYPE=work,voice", or 2.1's bare "WORK", a TYPE.
VCardParameter parameterOf(const QString& part, qsizetype equals)
{
    VCardParameter parameter;
    if (equals < 0) {
        parameter.name = QStringLiteral("TYPE");
        parameter.values << part.trimmed();
    } else {
        parameter.name = part.left(equals).trimmed().toUpper();
        parameter.values = splitParameterValues(QStringView(part).mid(equals + 1));
    }
    return parameter;
}

// ENCODING=QUOTED-PRINTABLE, or 2.1's bare QUOTED-PRINTABLE.
bool declaresQuotedPrintable(const VCardProperty& property)
{
    return property.parameter(QStringLiteral("ENCODING")).join(QString()).toUpper() ==
               QLatin1String("QUOTED-PRINTABLE") ||
           property.hasType(QStringLiteral("QUOTED-PRINTABLE"));
}

// Whether the head before the value declares quoted-printable, by the rule the decoding follows: a soft
// line break is only one where the value is decoded (a parameter value merely naming it is not).
bool isQuotedPrintable(QByteArrayView head)
{
    const QStringList parts = splitHead(QString::fromUtf8(head));
    VCardProperty property;
    for (qsizetype i = 1; i < parts.size(); ++i)
        property.parameters << parameterOf(parts.at(i), parts.at(i).indexOf(QLatin1Char('=')));
    return declaresQuotedPrintable(property);
}

bool isName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

} // namespace

QString VCardReader::location(qint64 line) const
{
    return QStringLiteral("%1: line %2").arg(m_sourceName).arg(line);
}

bool VCardReader::looksLikeVCard(QByteArrayView start)
{
    if (start.startsWith("\xEF\xBB\xBF"))
        start = start.sliced(3);
    qsizetype i = 0;
    while (i < start.size() &&
           (start.at(i) == '\r' || start.at(i) == '\n' || start.at(i) == ' ' || start.at(i) == '\t'))
        ++i;
    const QByteArrayView rest = start.sliced(i);
    return QByteArray(rest.data(), std::min<qsizetype>(11, rest.size())).toUpper() == "BEGIN:VCARD";
}

Error VCardReader::fail(qint64 line, const QString& message)
{
    m_failure = Error::badInput(QStringLiteral("%1: %2").arg(location(line), message));
    return *m_failure;
}

Result<std::optional<VCardReader::Line>> VCardReader::physicalLine()
{
    if (m_peeked) {
        std::optional<Line> line = std::move(m_peeked);
        m_peeked.reset();
        return line;
    }
    if (m_device.atEnd())
        return std::optional<Line>();
    Line line;
    line.number = ++m_lineNumber;
    for (;;) {
        const QByteArray part = m_device.readLine(std::min<qint64>(maxLineBytes, 1 << 16));
        if (part.isEmpty() && !m_device.atEnd())
            return fail(line.number, QStringLiteral("cannot read: %1").arg(m_device.errorString()));
        line.bytes += part;
        if (line.bytes.endsWith('\n') || m_device.atEnd())
            break;
        if (line.bytes.size() > maxLineBytes)
            return fail(line.number, QStringLiteral("a line longer than %1 bytes").arg(maxLineBytes));
    }
    if (!m_started) {
        m_started = true;
        if (line.bytes.startsWith("\xEF\xBB\xBF"))
            line.bytes.remove(0, 3);
    }
    while (line.bytes.endsWith('\n') || line.bytes.endsWith('\r'))
        line.bytes.chop(1);
    return std::optional<Line>(std::move(line));
}

Result<std::optional<VCardReader::Line>> VCardReader::logicalLine()
{
    for (;;) {
        Result<std::optional<Line>> first = physicalLine();
        if (!first || !first->has_value())
            return first;
        Line line = std::move(**first);
        if (line.bytes.trimmed().isEmpty())
            continue;
        for (;;) {
            const qsizetype colon = valueStart(line.bytes);
            const bool softBreak = colon >= 0 && line.bytes.endsWith('=') &&
                                   isQuotedPrintable(QByteArrayView(line.bytes).first(colon));
            Result<std::optional<Line>> next = physicalLine();
            if (!next)
                return next.error();
            if (!next->has_value())
                break;
            const QByteArray& bytes = (*next)->bytes;
            if (softBreak) {
                line.bytes.chop(1);
                line.bytes += bytes;
            } else if (!bytes.isEmpty() && (bytes.at(0) == ' ' || bytes.at(0) == '\t')) {
                line.bytes += QByteArrayView(bytes).sliced(1);
            } else {
                m_peeked = std::move(*next);
                break;
            }
            if (line.bytes.size() > maxLineBytes)
                return fail(line.number, QStringLiteral("a property longer than %1 bytes").arg(maxLineBytes));
        }
        return std::optional<Line>(std::move(line));
    }
}

Result<VCardProperty> VCardReader::parse(const Line& line) const
{
    const qsizetype colon = valueStart(line.bytes);
    if (colon < 0)
        return Error::badInput(QStringLiteral("%1: '%2' is not NAME:VALUE")
                                   .arg(location(line.number), QString::fromUtf8(line.bytes.left(40))));
    const QString head = QString::fromUtf8(QByteArrayView(line.bytes).first(colon));
    const QStringList parts = splitHead(head);
    VCardProperty property;
    property.line = line.number;
    QString name = parts.constFirst().trimmed();
    if (const qsizetype dot = name.lastIndexOf(QLatin1Char('.')); dot >= 0) {
        property.group = name.left(dot);
        name = name.mid(dot + 1);
    }
    if (!isName(name))
        return Error::badInput(
            QStringLiteral("%1: '%2' is not a property name").arg(location(line.number), name.left(40)));
    property.name = name.toUpper();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString& part = parts.at(i);
        const qsizetype equals = part.indexOf(QLatin1Char('='));
        if (const QString parameterName = part.left(equals).trimmed(); equals >= 0 && !isName(parameterName))
            return Error::badInput(QStringLiteral("%1: %2: '%3' is not a parameter name")
                                       .arg(location(line.number), property.name, parameterName.left(40)));
        property.parameters << parameterOf(part, equals);
    }

    const QByteArrayView raw = QByteArrayView(line.bytes).sliced(colon + 1);
    const QByteArray bytes =
        declaresQuotedPrintable(property) ? decodeQuotedPrintable(raw) : QByteArray(raw.data(), raw.size());
    const QStringList charset = property.parameter(QStringLiteral("CHARSET"));
    const QString charsetName = charset.isEmpty() ? QStringLiteral("UTF-8") : charset.constFirst().trimmed();
    QStringDecoder decoder(charsetName.toLatin1().constData());
    if (!decoder.isValid())
        return Error::badInput(QStringLiteral("%1: %2: unknown CHARSET '%3'")
                                   .arg(location(line.number), property.name, charsetName));
    property.value = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Old phones write Latin-1 without saying so; any other text must be what it declares.
        if (!charset.isEmpty() || m_card.version != QLatin1String("2.1"))
            return Error::badInput(QStringLiteral("%1: %2: the value is not valid %3")
                                       .arg(location(line.number), property.name, charsetName));
        property.value = QString::fromLatin1(bytes);
    }
    return property;
}

bool VCardReader::isCardBoundary(const VCardProperty& property, const char* name)
{
    return property.name == QLatin1String(name) &&
           property.text().trimmed().compare(QLatin1String("VCARD"), Qt::CaseInsensitive) == 0;
}

Result<bool> VCardReader::refuse(const QString& problem, bool inside)
{
    m_card.syntaxProblem = problem;
    for (;;) {
        Result<std::optional<Line>> line = logicalLine();
        if (!line)
            return line.error();
        if (!line->has_value())
            return true;
        // A line that does not parse cannot end the card either: it is skipped with the rest.
        const Result<VCardProperty> parsed = parse(**line);
        if (!parsed)
            continue;
        if (isCardBoundary(*parsed, "BEGIN")) {
            m_nextBeginLine = parsed->line;
            return true;
        }
        if (inside && isCardBoundary(*parsed, "END")) {
            m_card.endLine = parsed->line;
            return true;
        }
    }
}

Result<bool> VCardReader::next()
{
    if (m_failure)
        return *m_failure;
    m_card = VCard();
    bool inside = false;
    if (m_nextBeginLine) {
        inside = true;
        m_card.beginLine = *m_nextBeginLine;
        m_nextBeginLine.reset();
    }
    for (;;) {
        Result<std::optional<Line>> line = logicalLine();
        if (!line)
            return line.error();
        if (!line->has_value()) {
            if (!inside)
                return false;
            m_card.syntaxProblem =
                QStringLiteral("%1: BEGIN:VCARD without END:VCARD").arg(location(m_card.beginLine));
            return true;
        }
        if (!inside)
            m_card.beginLine = (*line)->number;
        Result<VCardProperty> parsed = parse(**line);
        if (!parsed)
            return refuse(parsed.error().message, inside);
        VCardProperty& property = *parsed;
        if (isCardBoundary(property, "BEGIN")) {
            if (!inside) {
                inside = true;
                continue;
            }
            // The card never ended: it is refused, and the card beginning here is read next.
            m_card.syntaxProblem = QStringLiteral("%1: BEGIN:VCARD without END:VCARD (the next card begins "
                                                  "at line %2)")
                                       .arg(location(m_card.beginLine))
                                       .arg(property.line);
            m_nextBeginLine = property.line;
            return true;
        }
        if (isCardBoundary(property, "END")) {
            if (!inside)
                return refuse(
                    QStringLiteral("%1: END:VCARD without BEGIN:VCARD").arg(location(property.line)), false);
            m_card.endLine = property.line;
            return true;
        }
        if (!inside)
            return refuse(QStringLiteral("%1: %2 outside a card (BEGIN:VCARD expected)")
                              .arg(location(property.line), property.name),
                          false);
        if (property.name == QLatin1String("VERSION"))
            m_card.version = property.text().trimmed();
        m_card.properties << std::move(property);
    }
}

} // namespace rapport
