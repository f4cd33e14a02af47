// ISO 8601 moments: the fast paths used by CSV import and export agree with the general ones.
#include "IsoTime.h"

#include "TestSupport.h"

#include <QRandomGenerator>

using namespace rapport;
using namespace rapport::test;

TEST_CASE("appendIsoMoment writes what formatIsoMoment writes", "[time]")
{
    QRandomGenerator random(7);
    QList<qint64> moments{0, 1, 59, 86399, 86400, 951782400, 4102444799, testNow};
    for (int i = 0; i < 2000; ++i)
        moments << static_cast<qint64>(random.bounded(4102444800.0));
    for (const qint64 seconds : std::as_const(moments)) {
        QByteArray text;
        appendIsoMoment(text, seconds);
        INFO(seconds);
        CHECK(QString::fromLatin1(text) == formatIsoMoment(seconds));
    }
}

TEST_CASE("parseIsoMoment reads UTF-8 cells like the QString version", "[time]")
{
    for (const char* text : {"2026-05-01", "2026-05-01T14:30", "2026-05-01 14:30:15", "2026-05-01T14:30:15Z",
                             "2024-02-29T23:59:59Z", "2026-05-01T14:30:15+02:00", "2026-05-01T14:30:15.250Z",
                             " 2026-05-01 ", "2026-02-30", "2026-13-01", "2026-05-01T24:00:00Z",
                             "2026-05-01T12:60", "01/05/2026", "yesterday", "", "2026-5-1"}) {
        INFO(text);
        const Result<qint64> fromUtf8 = parseIsoMoment(QByteArrayView(text));
        const Result<qint64> fromText = parseIsoMoment(QString::fromUtf8(text));
        REQUIRE(fromUtf8.ok() == fromText.ok());
        if (fromText.ok())
            CHECK(*fromUtf8 == *fromText);
        else
            CHECK(fromUtf8.error().message == fromText.error().message);
    }
    CHECK(*parseIsoMoment(QByteArrayView("2026-06-01T00:00:00Z")) == testNow);
}
