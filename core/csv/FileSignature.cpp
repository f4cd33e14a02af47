// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/csv/FileSignature.h"

namespace rapport {

QString binaryFileKind(QByteArrayView start)
{
    struct Magic
    {
        const char* bytes;
        qsizetype size;
        const char* kind;
    };
    static const Magic magics[] = {
        {"PK\x03\x04", 4, "a ZIP archive, for instance an Excel workbook (.xlsx) or a LibreOffice document"},
        {"\xD0\xCF\x11\xE0", 4, "an Office document, for instance an old Excel workbook (.xls)"},
        {"%PDF", 4, "a PDF document"},
        {"\x89PNG", 4, "a PNG image"},
        {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"\x1F\x8B", 2, "a gzip archive"},
        {"SQLite format 3", 15, "an SQLite database"},
    };
    for (const Magic& magic : magics) {
        if (start.startsWith(QByteArrayView(magic.bytes, magic.size)))
            return QString::fromLatin1(magic.kind);
    }
    return {};
}

bool startsLikeUtf16(QByteArrayView start)
{
    return start.startsWith("\xFF\xFE") || start.startsWith("\xFE\xFF");
}

} // namespace rapport
