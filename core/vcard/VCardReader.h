// SPDX-License-Identifier: GPL-3.0-or-later
// Reads the cards of a .vcf file one at a time in bounded memory: LF, CRLF or CR CR LF line ends, folded
// lines (also folded inside a UTF-8 sequence), 2.1's quoted-printable with soft line breaks and CHARSET,
// groups ("item1.EMAIL"), bare 2.1 parameters and quoted parameter values. Text that is not a vCard
// (a property outside BEGIN/END, a card inside a card, a card never ended, a line without ':') stops the
// reading with an error naming the file and the line.
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

    // Moves to the next card: true when card() holds one, false at the end of the input. After an error
    // every call returns it again.
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

    QIODevice& m_device;
    QString m_sourceName;
    VCard m_card;
    std::optional<Line> m_peeked;
    qint64 m_lineNumber = 0;
    bool m_started = false;
    std::optional<Error> m_failure;
};

} // namespace rapport
