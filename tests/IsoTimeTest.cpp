// SPDX-License-Identifier: GPL-3.0-or-later
// ISO 8601 moments: the fast paths used by CSV import and export agree with the general ones.
#include "core/base/IsoTime.h"

#include "tests/support/TestSupport.h"

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

TEST_CASE("parseIsoMoment refuses year 0000 in a CSV cell as it does on the command line", "[time]")
{
    // Qt's calendar, which the command line's QString path uses, has no year 0; found by IsoTimeFuzz.
    for (const char* text : {"0000-02-15", "0000-01-01T10:00Z", "0000-12-31 23:59:59"}) {
        INFO(text);
        const Result<qint64> fromUtf8 = parseIsoMoment(QByteArrayView(text));
        REQUIRE_FALSE(fromUtf8.ok());
        CHECK(fromUtf8.error().message.startsWith(
            QStringLiteral("'%1' is not an ISO 8601 date").arg(QLatin1String(text))));
        CHECK_FALSE(parseIsoMoment(QString::fromUtf8(text)).ok());
    }
}

TEST_CASE("parseIsoMoment says which part of a well-formed date does not exist", "[time]")
{
    const std::vector<std::pair<QString, QString>> cases{
        {QStringLiteral("2026-02-30"),
         QStringLiteral("'2026-02-30' does not exist: February 2026 has 28 days")},
        {QStringLiteral("2024-02-30T10:00Z"),
         QStringLiteral("'2024-02-30T10:00Z' does not exist: February 2024 has 29 days")},
        {QStringLiteral("2026-13-01"), QStringLiteral("'2026-13-01' does not exist: there is no month 13")},
        {QStringLiteral("2026-05-01 25:10"),
         QStringLiteral("'2026-05-01 25:10' does not exist: 25:10 is not a time of day")},
        {QStringLiteral("last week"), QStringLiteral("'last week' is not an ISO 8601 date")},
    };
    for (const auto& [text, message] : cases) {
        INFO(text.toStdString());
        const Result<qint64> parsed = parseIsoMoment(text);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().message.startsWith(message));
    }
}
