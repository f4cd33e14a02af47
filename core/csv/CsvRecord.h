// SPDX-License-Identifier: GPL-3.0-or-later
// One record (row) of a CSV file as CsvReader delivers it: its fields as UTF-8 bytes, and the physical
// lines where it and each of its fields start, so that errors can name them.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <vector>

namespace rapport {

class CsvRecord
{
public:
    int size() const { return static_cast<int>(m_ends.size()); }
    // The line (1-based, as an editor counts them) where the record starts.
    qint64 line() const { return m_line; }
    // The line where field `index` starts; differs from line() after a quoted line break.
    qint64 fieldLine(int index) const;

    // Field `index` as UTF-8 bytes, valid until the reader moves on; empty past the last field.
    QByteArrayView field(int index) const;
    QString text(int index) const { return QString::fromUtf8(field(index)); }
    QStringList texts() const;
    // Whether every field is empty (a line of commas).
    bool isBlank() const;

    void clear();
    void append(QByteArrayView bytes, qint64 line);

private:
    QByteArray m_data;
    std::vector<qsizetype> m_ends;
    std::vector<qint64> m_fieldLines;
    qint64 m_line = 0;
};

} // namespace rapport
