// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv/CsvRecord.h"

namespace rapport {

qint64 CsvRecord::fieldLine(int index) const
{
    return index >= 0 && index < size() ? m_fieldLines[static_cast<size_t>(index)] : m_line;
}

QByteArrayView CsvRecord::field(int index) const
{
    if (index < 0 || index >= size())
        return {};
    const qsizetype begin = index == 0 ? 0 : m_ends[static_cast<size_t>(index - 1)];
    return QByteArrayView(m_data.constData() + begin, m_ends[static_cast<size_t>(index)] - begin);
}

QStringList CsvRecord::texts() const
{
    QStringList texts;
    texts.reserve(size());
    for (int i = 0; i < size(); ++i)
        texts << text(i);
    return texts;
}

bool CsvRecord::isBlank() const
{
    return m_data.isEmpty();
}

void CsvRecord::clear()
{
    m_data.resize(0);
    m_ends.clear();
    m_fieldLines.clear();
    m_line = 0;
}

void CsvRecord::append(QByteArrayView bytes, qint64 line)
{
    if (m_ends.empty())
        m_line = line;
    m_data.append(bytes);
    m_ends.push_back(m_data.size());
    m_fieldLines.push_back(line);
}

} // namespace rapport
