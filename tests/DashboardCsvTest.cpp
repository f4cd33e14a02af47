// SPDX-License-Identifier: GPL-3.0-or-later
// DashboardCsv: the dashboard's numbers as a long CSV table.
#include "core/dashboard/DashboardCsv.h"

#include "tests/support/TestSupport.h"

#include <QBuffer>

using namespace rapport;
using namespace rapport::test;

TEST_CASE("The dashboard's numbers are written as section, group, series, week, value", "[dashboard][csv]")
{
    DashboardData data;
    data.filter = DashboardFilter::lastDays(DashboardPeriod::Last30Days, testNow);
    data.contacts = 3;
    data.bands[static_cast<size_t>(Band::AtRisk)] = 2;
    data.kpis.conversations = 17;
    data.kpis.averageScore = 57.4625;
    data.trend.push_back(HealthPoint{testNow, data.bands, 2, 41.5});
    OwnerHealth owner;
    owner.ownerId = 4;
    owner.name = QStringLiteral("=Ada"); // a name a spreadsheet would run as a formula
    owner.bands = data.bands;
    owner.scored = 2;
    owner.averageScore = 41.5;
    data.owners.push_back(owner);
    WeekActivity week{testNow - 7 * daySeconds, {}, {}};
    week.channels[static_cast<size_t>(Channel::Call)] = 5;
    week.directions[static_cast<size_t>(Direction::Inbound)] = 5;
    data.weeks.push_back(week);
    data.trust.commitmentsKept = 1;

    QBuffer buffer;
    REQUIRE(buffer.open(QIODevice::WriteOnly));
    CsvWriter writer(buffer, QStringLiteral("dashboard.csv"), CsvWriteOptions{true});
    requireOk(DashboardCsv::write(data, writer));
    const QByteArray bytes = buffer.data();
    REQUIRE(bytes.startsWith("\xEF\xBB\xBF"
                             "section,group,series,week,value\r\n"));
    CHECK(bytes.contains("\r\nkpi,,contacts,,3\r\n"));
    CHECK(bytes.contains("\r\nkpi,,conversations,,17\r\n"));
    CHECK(bytes.contains("\r\nkpi,,average_score,,57.4625\r\n"));
    CHECK(bytes.contains("\r\nkpi,,average_score_delta_30,,\r\n"));
    CHECK(bytes.contains("\r\nband,,at_risk,,2\r\n"));
    CHECK(bytes.contains("\r\ntrend,,average_score,2026-06-01,41.5\r\n"));
    CHECK(bytes.contains("\r\nowner,'=Ada,at_risk,,2\r\n"));
    CHECK(bytes.contains("\r\nchannel,,call,2026-05-25,5\r\n"));
    CHECK(bytes.contains("\r\nreciprocity,,inbound,2026-05-25,5\r\n"));
    CHECK(bytes.contains("\r\ntrust,,commitments_kept,,1\r\n"));
    CHECK(bytes.endsWith("\r\n"));
}
