// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the cards of a .vcf file one at a time in bounded memory: LF, CRLF or CR CR LF line ends, folded
// lines (also folded inside a UTF-8 sequence), 2.1's quoted-printable with soft line breaks and CHARSET,
// groups ("item1.EMAIL"), bare 2.1 parameters and quoted parameter values. Text that is not a vCard
// (a line without ':', a bad property or parameter name, a card never ended) refuses only its card: the
// card comes with its syntaxProblem, naming the file and the line, and reading goes on after its END:VCARD
// or at the next BEGIN:VCARD. Text outside any card is refused the same way, as a card of its own up to the
// next BEGIN:VCARD. Only a file that cannot be read or a line too long for memory stops the reading.
#pragma once

#include "core/base/Result.h"
#include "core/vcard/VCard.h"

#include <QByteArray>
#include <QIODevice>
#include <optional>

namespace rapport {

class VCardReader
{
public:
    // Reads from `device`, which must be open; `sourceName` (usually the path) starts every error.
    VCardReader(QIODevice& device, QString sourceName)
        : m_device(device)
        , m_sourceName(std::move(sourceName))
    {}

    // Moves to the next card: true when card() holds one (maybe refused: see VCard::syntaxProblem), false
    // at the end of the input. After an error every call returns it again.
    Result<bool> next();
    const VCard& card() const { return m_card; }

    // "contacts.vcf: line 12".
    QString location(qint64 line) const;
    const QString& sourceName() const { return m_sourceName; }

    // Whether `start`, the first bytes of a file, begin a vCard (after blank lines and a byte-order mark).
    static bool looksLikeVCard(QByteArrayView start);

private:
    struct Line
    {
        QByteArray bytes;
        qint64 number = 0;
    };
    // The next physical line without its line end, or nullopt at the end of the input.
    Result<std::optional<Line>> physicalLine();
    // The next unfolded, non-blank line.
    Result<std::optional<Line>> logicalLine();
    Result<VCardProperty> parse(const Line& line) const;
    Error fail(qint64 line, const QString& message);
    // Refuses the card with `problem` and skips its remaining lines: up to its END:VCARD when `inside`,
    // else up to the next BEGIN:VCARD, which the next call to next() starts with. True, as next() returns.
    Result<bool> refuse(const QString& problem, bool inside);

    static bool isCardBoundary(const VCardProperty& property, const char* name);

    QIODevice& m_device;
    QString m_sourceName;
    VCard m_card;
    std::optional<Line> m_peeked;
    std::optional<qint64> m_nextBeginLine; // a BEGIN:VCARD already read, which the next card starts at
    qint64 m_lineNumber = 0;
    bool m_started = false;
    std::optional<Error> m_failure;
};

} // namespace rapport
