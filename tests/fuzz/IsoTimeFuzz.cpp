// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes parseIsoMoment: both overloads agree, and a moment formatted and parsed again keeps its seconds.
#include "core/base/IsoTime.h"
#include "tests/fuzz/FuzzCheck.h"

#include <QByteArray>
#include <QString>

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView utf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Result<qint64> fromBytes = parseIsoMoment(utf8);
    const Result<qint64> fromText = parseIsoMoment(QString::fromUtf8(utf8));
    FUZZ_CHECK(fromBytes.ok() == fromText.ok());
    if (!fromBytes)
        return 0;
    FUZZ_CHECK(*fromBytes == *fromText);

    QByteArray appended;
    appendIsoMoment(appended, *fromBytes);
    FUZZ_CHECK(appended == formatIsoMoment(*fromBytes).toUtf8());
    const Result<qint64> again = parseIsoMoment(QByteArrayView(appended));
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(*again == *fromBytes);
    return 0;
}
